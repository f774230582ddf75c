from typing import Literal

FailedEventStatus = Literal["failed"]

FAILED_EVENT_STATUS_VALUES: set[FailedEventStatus] = {
    "failed",
}


def check_failed_event_status(value: str) -> FailedEventStatus:
    if value in FAILED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FAILED_EVENT_STATUS_VALUES!r}")
