from typing import Literal

EndpointPhoneToType = Literal["phone"]

ENDPOINT_PHONE_TO_TYPE_VALUES: set[EndpointPhoneToType] = {
    "phone",
}


def check_endpoint_phone_to_type(value: str) -> EndpointPhoneToType:
    if value in ENDPOINT_PHONE_TO_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_PHONE_TO_TYPE_VALUES!r}")
