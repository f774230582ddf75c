from typing import Literal

HangupAction = Literal["hangup"]

HANGUP_ACTION_VALUES: set[HangupAction] = {
    "hangup",
}


def check_hangup_action(value: str) -> HangupAction:
    if value in HANGUP_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HANGUP_ACTION_VALUES!r}")
