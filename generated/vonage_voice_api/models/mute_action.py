from typing import Literal

MuteAction = Literal["mute"]

MUTE_ACTION_VALUES: set[MuteAction] = {
    "mute",
}


def check_mute_action(value: str) -> MuteAction:
    if value in MUTE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MUTE_ACTION_VALUES!r}")
