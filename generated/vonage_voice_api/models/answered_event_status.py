from typing import Literal

AnsweredEventStatus = Literal["answered"]

ANSWERED_EVENT_STATUS_VALUES: set[AnsweredEventStatus] = {
    "answered",
}


def check_answered_event_status(value: str) -> AnsweredEventStatus:
    if value in ANSWERED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANSWERED_EVENT_STATUS_VALUES!r}")
