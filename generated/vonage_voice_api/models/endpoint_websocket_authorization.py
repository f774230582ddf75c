from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.endpoint_websocket_authorization_type import (
    ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES,
)
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("value", "value", {"type": "string"}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointWebsocketAuthorization")


@_attrs_define
class EndpointWebsocketAuthorization:
    """Optional configuration defining how the Authorization HTTP header is set in the WebSocket opening handshake."""

    type_: models.EndpointWebsocketAuthorizationType | Unset = "vonage"
    """ Defines the authorization mode. "vonage" – the Voice API includes the same JWT used for signed webhooks in
    the Authorization header ('Bearer {JWT}'). "custom" – a developer-supplied Authorization header value is sent
    verbatim. """
    value: str | Unset = UNSET
    """ Required only when authorization.type = "custom". The raw header value to include, e.g. "Bearer abc123" or
    "ApiKey X9Z...". Ignored when authorization.type = "vonage". """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is UNSET or (v.__class__ is str and v in ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES))
            and ((v := m.value) is UNSET or (v.__class__ is str))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        value = d.pop("value", UNSET)

        endpoint_websocket_authorization = cls(
            type_=type_,
            value=value,
        )

        endpoint_websocket_authorization.additional_properties = d
        return endpoint_websocket_authorization

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
