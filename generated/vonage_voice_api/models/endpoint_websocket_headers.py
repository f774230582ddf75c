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
_CHECKS = compile_checks((("customer_id", "customer_id", {"type": "string"}),))


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointWebsocketHeaders")


@_attrs_define
class EndpointWebsocketHeaders:
    """Details of the Websocket you want to connect to"""

    customer_id: str | Unset = UNSET
    """ This is an example header. You can provide any headers you may need """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.customer_id) is UNSET or (v.__class__ is str)):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id", UNSET)

        endpoint_websocket_headers = cls(
            customer_id=customer_id,
        )

        endpoint_websocket_headers.additional_properties = d
        return endpoint_websocket_headers

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
