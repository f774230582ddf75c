from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscribeDtmfBody")


@_attrs_define
class SubscribeDtmfBody:
    event_url: list[str] | Unset = UNSET
    """ Where to POST the DTMF events; a single URL wrapped in an array. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_url: list[str] | Unset = UNSET
        if not isinstance(self.event_url, Unset):
            event_url = self.event_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_url is not UNSET:
            field_dict["event_url"] = event_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_url = cast(list[str], d.pop("event_url", UNSET))

        subscribe_dtmf_body = cls(
            event_url=event_url,
        )

        subscribe_dtmf_body.additional_properties = d
        return subscribe_dtmf_body

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
