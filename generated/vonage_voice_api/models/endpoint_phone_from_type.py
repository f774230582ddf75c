from typing import Literal

EndpointPhoneFromType = Literal["phone"]

ENDPOINT_PHONE_FROM_TYPE_VALUES: set[EndpointPhoneFromType] = {
    "phone",
}


def check_endpoint_phone_from_type(value: str) -> EndpointPhoneFromType:
    if value in ENDPOINT_PHONE_FROM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_PHONE_FROM_TYPE_VALUES!r}")
