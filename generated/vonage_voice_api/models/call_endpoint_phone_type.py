from typing import Literal

CallEndpointPhoneType = Literal["phone"]

CALL_ENDPOINT_PHONE_TYPE_VALUES: set[CallEndpointPhoneType] = {
    "phone",
}


def check_call_endpoint_phone_type(value: str) -> CallEndpointPhoneType:
    if value in CALL_ENDPOINT_PHONE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_PHONE_TYPE_VALUES!r}")
