from typing import Literal

CallEndpointWebsocketType = Literal["websocket"]

CALL_ENDPOINT_WEBSOCKET_TYPE_VALUES: set[CallEndpointWebsocketType] = {
    "websocket",
}


def check_call_endpoint_websocket_type(value: str) -> CallEndpointWebsocketType:
    if value in CALL_ENDPOINT_WEBSOCKET_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_WEBSOCKET_TYPE_VALUES!r}")
