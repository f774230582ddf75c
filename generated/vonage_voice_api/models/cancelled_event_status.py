from typing import Literal

CancelledEventStatus = Literal["cancelled"]

CANCELLED_EVENT_STATUS_VALUES: set[CancelledEventStatus] = {
    "cancelled",
}


def check_cancelled_event_status(value: str) -> CancelledEventStatus:
    if value in CANCELLED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCELLED_EVENT_STATUS_VALUES!r}")
