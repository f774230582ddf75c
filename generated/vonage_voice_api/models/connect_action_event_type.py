from typing import Literal

ConnectActionEventType = Literal["synchronous"]

CONNECT_ACTION_EVENT_TYPE_VALUES: set[ConnectActionEventType] = {
    "synchronous",
}


def check_connect_action_event_type(value: str) -> ConnectActionEventType:
    if value in CONNECT_ACTION_EVENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECT_ACTION_EVENT_TYPE_VALUES!r}")
