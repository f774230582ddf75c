from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import InvalidValueError
from ..types import (
    check_additional,
    compile_rule,
)

_ADDITIONAL = compile_rule({"type": "string"})


T = TypeVar("T", bound="EndpointSipHeaders")


@_attrs_define
class EndpointSipHeaders:
    """Metadata to include in the request. The headers are transmitted as part of the SIP INVITE as `X-key: value` headers.

    Example:
        {'location': 'New York City', 'occupation': 'developer'}

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        endpoint_sip_headers = cls()

        endpoint_sip_headers.additional_properties = d
        check_additional(endpoint_sip_headers, _ADDITIONAL)
        return endpoint_sip_headers

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        problem = _ADDITIONAL(value)
        if problem is not None:
            raise InvalidValueError("EndpointSipHeaders", key + problem[0], problem[1], rule=problem[2])
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
