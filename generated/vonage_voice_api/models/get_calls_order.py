from typing import Literal

GetCallsOrder = Literal["asc", "desc"]

GET_CALLS_ORDER_VALUES: set[GetCallsOrder] = {
    "asc",
    "desc",
}


def check_get_calls_order(value: str) -> GetCallsOrder:
    if value in GET_CALLS_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CALLS_ORDER_VALUES!r}")
