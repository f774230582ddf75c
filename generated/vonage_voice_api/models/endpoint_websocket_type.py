from typing import Literal

EndpointWebsocketType = Literal["websocket"]

ENDPOINT_WEBSOCKET_TYPE_VALUES: set[EndpointWebsocketType] = {
    "websocket",
}


def check_endpoint_websocket_type(value: str) -> EndpointWebsocketType:
    if value in ENDPOINT_WEBSOCKET_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_WEBSOCKET_TYPE_VALUES!r}")
