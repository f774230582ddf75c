from typing import Literal

CallEndpointVbcExtensionType = Literal["vbc"]

CALL_ENDPOINT_VBC_EXTENSION_TYPE_VALUES: set[CallEndpointVbcExtensionType] = {
    "vbc",
}


def check_call_endpoint_vbc_extension_type(value: str) -> CallEndpointVbcExtensionType:
    if value in CALL_ENDPOINT_VBC_EXTENSION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ENDPOINT_VBC_EXTENSION_TYPE_VALUES!r}")
