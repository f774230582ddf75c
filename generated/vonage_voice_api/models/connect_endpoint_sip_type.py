from typing import Literal

ConnectEndpointSipType = Literal["sip"]

CONNECT_ENDPOINT_SIP_TYPE_VALUES: set[ConnectEndpointSipType] = {
    "sip",
}


def check_connect_endpoint_sip_type(value: str) -> ConnectEndpointSipType:
    if value in CONNECT_ENDPOINT_SIP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECT_ENDPOINT_SIP_TYPE_VALUES!r}")
