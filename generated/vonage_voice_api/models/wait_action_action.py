from typing import Literal

WaitActionAction = Literal["wait"]

WAIT_ACTION_ACTION_VALUES: set[WaitActionAction] = {
    "wait",
}


def check_wait_action_action(value: str) -> WaitActionAction:
    if value in WAIT_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAIT_ACTION_ACTION_VALUES!r}")
