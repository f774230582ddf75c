from typing import Literal

RequestTransferActionParam = Literal["transfer"]

REQUEST_TRANSFER_ACTION_PARAM_VALUES: set[RequestTransferActionParam] = {
    "transfer",
}


def check_request_transfer_action_param(value: str) -> RequestTransferActionParam:
    if value in REQUEST_TRANSFER_ACTION_PARAM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REQUEST_TRANSFER_ACTION_PARAM_VALUES!r}")
