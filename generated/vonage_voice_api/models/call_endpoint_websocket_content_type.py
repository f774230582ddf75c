from typing import Literal

CallEndpointWebsocketContentType = Literal["audio/l16;rate=16000", "audio/l16;rate=24000", "audio/l16;rate=8000"]

CALL_ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES: set[CallEndpointWebsocketContentType] = {
    "audio/l16;rate=16000",
    "audio/l16;rate=24000",
    "audio/l16;rate=8000",
}


def check_call_endpoint_websocket_content_type(value: str) -> CallEndpointWebsocketContentType:
    if value in CALL_ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_WEBSOCKET_CONTENT_TYPE_VALUES!r}")
