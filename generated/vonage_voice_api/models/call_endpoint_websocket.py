from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.call_endpoint_websocket_type import check_call_endpoint_websocket_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_endpoint_websocket_authorization import CallEndpointWebsocketAuthorization
    from ..models.call_endpoint_websocket_headers import CallEndpointWebsocketHeaders


from ..types import read_str

T = TypeVar("T", bound="CallEndpointWebsocket")


@_attrs_define
class CallEndpointWebsocket:
    """Connect to a Websocket"""

    uri: str
    content_type: models.CallEndpointWebsocketContentType | str
    type_: models.CallEndpointWebsocketType = "websocket"
    """ The type of connection. Must be `websocket` """
    headers: models.CallEndpointWebsocketHeaders | Unset = UNSET
    """ Details of the Websocket you want to connect to """
    authorization: models.CallEndpointWebsocketAuthorization | Unset = UNSET
    """ Optional configuration defining how the Authorization HTTP header is set in the WebSocket opening handshake.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        type_ = check_call_endpoint_websocket_type(d.pop("type"))

        uri = d.pop("uri")

        content_type = read_str(d.pop("content-type"), "content-type")

        _headers = d.pop("headers", UNSET)
        headers: CallEndpointWebsocketHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = CallEndpointWebsocketHeaders.from_dict(_headers)

        _authorization = d.pop("authorization", UNSET)
        authorization: CallEndpointWebsocketAuthorization | Unset
        if isinstance(_authorization, Unset):
            authorization = UNSET
        else:
            authorization = CallEndpointWebsocketAuthorization.from_dict(_authorization)

        call_endpoint_websocket = cls(
            type_=type_,
            uri=uri,
            content_type=content_type,
            headers=headers,
            authorization=authorization,
        )

        call_endpoint_websocket.additional_properties = d
        return call_endpoint_websocket

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
from ..models.call_endpoint_websocket_authorization import CallEndpointWebsocketAuthorization  # noqa: E402
from ..models.call_endpoint_websocket_headers import CallEndpointWebsocketHeaders  # noqa: E402
