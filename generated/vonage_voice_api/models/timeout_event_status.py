from typing import Literal

TimeoutEventStatus = Literal["timeout"]

TIMEOUT_EVENT_STATUS_VALUES: set[TimeoutEventStatus] = {
    "timeout",
}


def check_timeout_event_status(value: str) -> TimeoutEventStatus:
    if value in TIMEOUT_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIMEOUT_EVENT_STATUS_VALUES!r}")
