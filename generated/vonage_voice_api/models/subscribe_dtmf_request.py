from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    compile_checks,
    refuse_field,
    strings,
    uri_ok,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        (
            "event_url",
            "event_url",
            {"type": "array", "items": {"type": "string", "format": "uri"}, "minItems": 1, "maxItems": 1},
        ),
    )
)


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="SubscribeDtmfRequest")


@_attrs_define
class SubscribeDtmfRequest:
    event_url: list[str]
    """ The URL (wrapped in an array) to send DTMF events to, as a POST request. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.event_url) is not UNSET and (v.__class__ is list and 1 <= len(v) <= 1 and strings(v, uri_ok))):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        event_url = self.event_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_url": event_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_url = cast(list[str], d.pop("event_url"))

        subscribe_dtmf_request = cls(
            event_url=event_url,
        )

        subscribe_dtmf_request.additional_properties = d
        return subscribe_dtmf_request

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
