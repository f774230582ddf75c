from typing import Literal

CallEndpointSipType = Literal["sip"]

CALL_ENDPOINT_SIP_TYPE_VALUES: set[CallEndpointSipType] = {
    "sip",
}


def check_call_endpoint_sip_type(value: str) -> CallEndpointSipType:
    if value in CALL_ENDPOINT_SIP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_SIP_TYPE_VALUES!r}")
