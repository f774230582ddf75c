from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET

if TYPE_CHECKING:
    from ..models.transfer_with_ncco_destination import TransferWithNccoDestination


from ..models.request_transfer_action_param import REQUEST_TRANSFER_ACTION_PARAM_VALUES
from ..types import check_value


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, REQUEST_TRANSFER_ACTION_PARAM_VALUES)


T = TypeVar("T", bound="TransferWithNcco")


@_attrs_define
class TransferWithNcco:
    destination: models.TransferWithNccoDestination
    action: models.RequestTransferActionParam = "transfer"
    """ Transfer the call to a new NCCO """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.action) is not UNSET and (v.__class__ is str and v in REQUEST_TRANSFER_ACTION_PARAM_VALUES)):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        destination = self.destination.to_dict()

        action: str = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination": destination,
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        destination = TransferWithNccoDestination.from_dict(d.pop("destination"))

        action = d.pop("action")

        transfer_with_ncco = cls(
            destination=destination,
            action=action,
        )

        transfer_with_ncco.additional_properties = d
        return transfer_with_ncco

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


# Imported after the class, once: these modules may import this one (see the custom template's header).
from ..models.transfer_with_ncco_destination import TransferWithNccoDestination  # noqa: E402
