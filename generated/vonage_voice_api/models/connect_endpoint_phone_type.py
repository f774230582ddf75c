from typing import Literal

ConnectEndpointPhoneType = Literal["phone"]

CONNECT_ENDPOINT_PHONE_TYPE_VALUES: set[ConnectEndpointPhoneType] = {
    "phone",
}


def check_connect_endpoint_phone_type(value: str) -> ConnectEndpointPhoneType:
    if value in CONNECT_ENDPOINT_PHONE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECT_ENDPOINT_PHONE_TYPE_VALUES!r}")
