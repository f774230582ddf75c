from typing import Literal

ConnectActionAction = Literal["connect"]

CONNECT_ACTION_ACTION_VALUES: set[ConnectActionAction] = {
    "connect",
}


def check_connect_action_action(value: str) -> ConnectActionAction:
    if value in CONNECT_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECT_ACTION_ACTION_VALUES!r}")
