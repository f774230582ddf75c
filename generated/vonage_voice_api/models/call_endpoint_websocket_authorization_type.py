from typing import Literal

CallEndpointWebsocketAuthorizationType = Literal["custom", "vonage"]

CALL_ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES: set[CallEndpointWebsocketAuthorizationType] = {
    "custom",
    "vonage",
}


def check_call_endpoint_websocket_authorization_type(value: str) -> CallEndpointWebsocketAuthorizationType:
    if value in CALL_ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES!r}"
    )
