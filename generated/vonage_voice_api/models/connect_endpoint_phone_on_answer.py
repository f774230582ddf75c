from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    compile_checks,
    refuse_field,
    uri_ok,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("url", "url", {"type": "string", "format": "uri"}),
        ("ringback_tone", "ringbackTone", {"type": "string", "format": "uri"}),
        ("ringback", "ringback", {"type": "string", "format": "uri"}),
    )
)


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="ConnectEndpointPhoneOnAnswer")


@_attrs_define
class ConnectEndpointPhoneOnAnswer:
    """An NCCO run on the callee's leg when it answers, before the legs are joined."""

    url: str
    """ URL of the NCCO to run. """
    ringback_tone: str | Unset = UNSET
    """ Audio played to the caller while the NCCO at `url` runs. """
    ringback: str | Unset = UNSET
    """ Legacy name of `ringbackTone`, still accepted (the Java SDK sends it). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.url) is not UNSET and (v.__class__ is str and uri_ok(v)))
            and ((v := m.ringback_tone) is UNSET or (v.__class__ is str and uri_ok(v)))
            and ((v := m.ringback) is UNSET or (v.__class__ is str and uri_ok(v)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        ringback_tone = self.ringback_tone

        ringback = self.ringback

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if ringback_tone is not UNSET:
            field_dict["ringbackTone"] = ringback_tone
        if ringback is not UNSET:
            field_dict["ringback"] = ringback

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        ringback_tone = d.pop("ringbackTone", UNSET)

        ringback = d.pop("ringback", UNSET)

        connect_endpoint_phone_on_answer = cls(
            url=url,
            ringback_tone=ringback_tone,
            ringback=ringback,
        )

        connect_endpoint_phone_on_answer.additional_properties = d
        return connect_endpoint_phone_on_answer

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
