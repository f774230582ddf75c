from typing import Literal

UnmuteAction = Literal["unmute"]

UNMUTE_ACTION_VALUES: set[UnmuteAction] = {
    "unmute",
}


def check_unmute_action(value: str) -> UnmuteAction:
    if value in UNMUTE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNMUTE_ACTION_VALUES!r}")
