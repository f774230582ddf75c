from typing import Literal

StartedEventStatus = Literal["started"]

STARTED_EVENT_STATUS_VALUES: set[StartedEventStatus] = {
    "started",
}


def check_started_event_status(value: str) -> StartedEventStatus:
    if value in STARTED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STARTED_EVENT_STATUS_VALUES!r}")
