from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.transfer_with_ncco_destination_ncco_item import TransferWithNCCODestinationNccoItem


T = TypeVar("T", bound="TransferWithNCCODestination")


@_attrs_define
class TransferWithNCCODestination:
    type_: str
    """ Always `ncco` """
    ncco: list[TransferWithNCCODestinationNccoItem]
    """ The NCCO to run instead; the [NCCO reference](https://developer.nexmo.com/voice/voice-api/ncco-reference)
    describes its actions. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        ncco = []
        for ncco_item_data in self.ncco:
            ncco_item = ncco_item_data.to_dict()
            ncco.append(ncco_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "ncco": ncco,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer_with_ncco_destination_ncco_item import TransferWithNCCODestinationNccoItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        ncco = []
        _ncco = d.pop("ncco")
        for ncco_item_data in _ncco:
            ncco_item = TransferWithNCCODestinationNccoItem.from_dict(ncco_item_data)

            ncco.append(ncco_item)

        transfer_with_ncco_destination = cls(
            type_=type_,
            ncco=ncco,
        )

        transfer_with_ncco_destination.additional_properties = d
        return transfer_with_ncco_destination

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
