from typing import Literal

CompletedEventStatus = Literal["completed"]

COMPLETED_EVENT_STATUS_VALUES: set[CompletedEventStatus] = {
    "completed",
}


def check_completed_event_status(value: str) -> CompletedEventStatus:
    if value in COMPLETED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMPLETED_EVENT_STATUS_VALUES!r}")
