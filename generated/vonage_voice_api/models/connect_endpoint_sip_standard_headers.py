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
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("user_to_user", "User-to-User", {"type": "string", "maxLength": 256}),))


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="ConnectEndpointSipStandardHeaders")


@_attrs_define
class ConnectEndpointSipStandardHeaders:
    """Standard SIP headers sent under their own names (REST createCall spells it `standard_headers`)."""

    user_to_user: str | Unset = UNSET
    """ Value of the User-to-User header (RFC 7433). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.user_to_user) is UNSET or (v.__class__ is str and len(v) <= 256)):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        user_to_user = self.user_to_user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_to_user is not UNSET:
            field_dict["User-to-User"] = user_to_user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_to_user = d.pop("User-to-User", UNSET)

        connect_endpoint_sip_standard_headers = cls(
            user_to_user=user_to_user,
        )

        connect_endpoint_sip_standard_headers.additional_properties = d
        return connect_endpoint_sip_standard_headers

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
