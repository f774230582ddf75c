from typing import Literal

DisconnectedEventStatus = Literal["disconnected"]

DISCONNECTED_EVENT_STATUS_VALUES: set[DisconnectedEventStatus] = {
    "disconnected",
}


def check_disconnected_event_status(value: str) -> DisconnectedEventStatus:
    if value in DISCONNECTED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCONNECTED_EVENT_STATUS_VALUES!r}")
