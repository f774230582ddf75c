from typing import Literal

NotifyActionAction = Literal["notify"]

NOTIFY_ACTION_ACTION_VALUES: set[NotifyActionAction] = {
    "notify",
}


def check_notify_action_action(value: str) -> NotifyActionAction:
    if value in NOTIFY_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFY_ACTION_ACTION_VALUES!r}")
