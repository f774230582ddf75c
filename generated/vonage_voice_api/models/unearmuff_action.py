from typing import Literal

UnearmuffAction = Literal["unearmuff"]

UNEARMUFF_ACTION_VALUES: set[UnearmuffAction] = {
    "unearmuff",
}


def check_unearmuff_action(value: str) -> UnearmuffAction:
    if value in UNEARMUFF_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNEARMUFF_ACTION_VALUES!r}")
