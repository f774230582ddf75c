from typing import Literal

UnansweredEventStatus = Literal["unanswered"]

UNANSWERED_EVENT_STATUS_VALUES: set[UnansweredEventStatus] = {
    "unanswered",
}


def check_unanswered_event_status(value: str) -> UnansweredEventStatus:
    if value in UNANSWERED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNANSWERED_EVENT_STATUS_VALUES!r}")
