from typing import Literal

FailedEventDetail = Literal["cannot_route", "internal_error", "number_out_of_service"]

FAILED_EVENT_DETAIL_VALUES: set[FailedEventDetail] = {
    "cannot_route",
    "internal_error",
    "number_out_of_service",
}


def check_failed_event_detail(value: str) -> FailedEventDetail:
    if value in FAILED_EVENT_DETAIL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FAILED_EVENT_DETAIL_VALUES!r}")
