from typing import Literal

CallEndpointAppType = Literal["app"]

CALL_ENDPOINT_APP_TYPE_VALUES: set[CallEndpointAppType] = {
    "app",
}


def check_call_endpoint_app_type(value: str) -> CallEndpointAppType:
    if value in CALL_ENDPOINT_APP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_APP_TYPE_VALUES!r}")
