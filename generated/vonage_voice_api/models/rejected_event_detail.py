from typing import Literal

RejectedEventDetail = Literal["declined", "invalid_number", "restricted"]

REJECTED_EVENT_DETAIL_VALUES: set[RejectedEventDetail] = {
    "declined",
    "invalid_number",
    "restricted",
}


def check_rejected_event_detail(value: str) -> RejectedEventDetail:
    if value in REJECTED_EVENT_DETAIL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REJECTED_EVENT_DETAIL_VALUES!r}")
