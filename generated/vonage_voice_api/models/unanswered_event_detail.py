from typing import Literal

UnansweredEventDetail = Literal["carrier_timeout", "timeout", "unavailable"]

UNANSWERED_EVENT_DETAIL_VALUES: set[UnansweredEventDetail] = {
    "carrier_timeout",
    "timeout",
    "unavailable",
}


def check_unanswered_event_detail(value: str) -> UnansweredEventDetail:
    if value in UNANSWERED_EVENT_DETAIL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNANSWERED_EVENT_DETAIL_VALUES!r}")
