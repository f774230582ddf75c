from typing import Literal

EndpointVbcExtensionType = Literal["vbc"]

ENDPOINT_VBC_EXTENSION_TYPE_VALUES: set[EndpointVbcExtensionType] = {
    "vbc",
}


def check_endpoint_vbc_extension_type(value: str) -> EndpointVbcExtensionType:
    if value in ENDPOINT_VBC_EXTENSION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENDPOINT_VBC_EXTENSION_TYPE_VALUES!r}")
