from typing import Literal

EndpointWebsocketAuthorizationType = Literal["custom", "vonage"]

ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES: set[EndpointWebsocketAuthorizationType] = {
    "custom",
    "vonage",
}


def check_endpoint_websocket_authorization_type(value: str) -> EndpointWebsocketAuthorizationType:
    if value in ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_WEBSOCKET_AUTHORIZATION_TYPE_VALUES!r}")
