from typing import Literal

EndpointWebsocketContentType = Literal["audio/l16;rate=16000", "audio/l16;rate=24000", "audio/l16;rate=8000"]

ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES: set[EndpointWebsocketContentType] = {
    "audio/l16;rate=16000",
    "audio/l16;rate=24000",
    "audio/l16;rate=8000",
}


def check_endpoint_websocket_content_type(value: str) -> EndpointWebsocketContentType:
    if value in ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES!r}")
