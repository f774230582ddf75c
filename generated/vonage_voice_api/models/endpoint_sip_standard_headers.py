from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    compile_checks,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("user_to_user", "User-to-User", {"type": "string"}),))


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointSipStandardHeaders")


@_attrs_define
class EndpointSipStandardHeaders:
    """Standard SIP INVITE headers. Unlike the `headers` property, these are not prepended with `X-`."""

    user_to_user: str
    """ Transmit user-to-user information if supported by the CC / PBX vendor, as per [RFC
    7433](https://datatracker.ietf.org/doc/html/rfc7433). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.user_to_user) is not UNSET and (v.__class__ is str)):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        user_to_user = self.user_to_user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "User-to-User": user_to_user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_to_user = d.pop("User-to-User")

        endpoint_sip_standard_headers = cls(
            user_to_user=user_to_user,
        )

        endpoint_sip_standard_headers.additional_properties = d
        return endpoint_sip_standard_headers

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
