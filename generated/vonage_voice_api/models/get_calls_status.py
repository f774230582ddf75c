from typing import Literal

GetCallsStatus = Literal[
    "answered",
    "busy",
    "cancelled",
    "completed",
    "failed",
    "machine",
    "rejected",
    "ringing",
    "started",
    "timeout",
    "unanswered",
]

GET_CALLS_STATUS_VALUES: set[GetCallsStatus] = {
    "answered",
    "busy",
    "cancelled",
    "completed",
    "failed",
    "machine",
    "rejected",
    "ringing",
    "started",
    "timeout",
    "unanswered",
}


def check_get_calls_status(value: str) -> GetCallsStatus:
    if value in GET_CALLS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CALLS_STATUS_VALUES!r}")
