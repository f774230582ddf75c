from typing import Literal

EndpointSipType = Literal["sip"]

ENDPOINT_SIP_TYPE_VALUES: set[EndpointSipType] = {
    "sip",
}


def check_endpoint_sip_type(value: str) -> EndpointSipType:
    if value in ENDPOINT_SIP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_SIP_TYPE_VALUES!r}")
