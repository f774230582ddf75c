from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_websocket_authorization import EndpointWebsocketAuthorization
    from ..models.endpoint_websocket_headers import EndpointWebsocketHeaders


from ..models.endpoint_websocket_content_type import ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES
from ..models.endpoint_websocket_type import ENDPOINT_WEBSOCKET_TYPE_VALUES
from ..types import (
    check_value,
    compile_checks,
    compile_match,
    refuse_field,
)

_P0 = compile_match("^wss?://")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("uri", "uri", {"type": "string", "minLength": 1, "pattern": "^wss?://"}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_WEBSOCKET_TYPE_VALUES)
    check_value(model, "content-type", model.content_type, ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointWebsocket")


@_attrs_define
class EndpointWebsocket:
    """Connect to a Websocket"""

    uri: str
    content_type: models.EndpointWebsocketContentType
    type_: models.EndpointWebsocketType = "websocket"
    """ The type of connection. Must be `websocket` """
    headers: models.EndpointWebsocketHeaders | Unset = UNSET
    """ Details of the Websocket you want to connect to """
    authorization: models.EndpointWebsocketAuthorization | Unset = UNSET
    """ Optional configuration defining how the Authorization HTTP header is set in the WebSocket opening handshake.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in ENDPOINT_WEBSOCKET_TYPE_VALUES))
            and (
                (v := m.content_type) is not UNSET
                and (v.__class__ is str and v in ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES)
            )
            and ((v := m.uri) is not UNSET and (v.__class__ is str and 1 <= len(v) and _P0(v)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        uri = self.uri

        content_type: str = self.content_type

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        authorization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authorization, Unset):
            authorization = self.authorization.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "uri": uri,
                "content-type": content_type,
            }
        )
        if headers is not UNSET:
            field_dict["headers"] = headers
        if authorization is not UNSET:
            field_dict["authorization"] = authorization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        uri = d.pop("uri")

        content_type = d.pop("content-type")

        _headers = d.pop("headers", UNSET)
        headers: EndpointWebsocketHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = EndpointWebsocketHeaders.from_dict(_headers)

        _authorization = d.pop("authorization", UNSET)
        authorization: EndpointWebsocketAuthorization | Unset
        if isinstance(_authorization, Unset):
            authorization = UNSET
        else:
            authorization = EndpointWebsocketAuthorization.from_dict(_authorization)

        endpoint_websocket = cls(
            type_=type_,
            uri=uri,
            content_type=content_type,
            headers=headers,
            authorization=authorization,
        )

        endpoint_websocket.additional_properties = d
        return endpoint_websocket

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
from ..models.endpoint_websocket_authorization import EndpointWebsocketAuthorization  # noqa: E402
from ..models.endpoint_websocket_headers import EndpointWebsocketHeaders  # noqa: E402
