from typing import Literal

BusyEventStatus = Literal["busy"]

BUSY_EVENT_STATUS_VALUES: set[BusyEventStatus] = {
    "busy",
}


def check_busy_event_status(value: str) -> BusyEventStatus:
    if value in BUSY_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BUSY_EVENT_STATUS_VALUES!r}")
