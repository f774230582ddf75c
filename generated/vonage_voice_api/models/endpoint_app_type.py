from typing import Literal

EndpointAppType = Literal["app"]

ENDPOINT_APP_TYPE_VALUES: set[EndpointAppType] = {
    "app",
}


def check_endpoint_app_type(value: str) -> EndpointAppType:
    if value in ENDPOINT_APP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_APP_TYPE_VALUES!r}")
