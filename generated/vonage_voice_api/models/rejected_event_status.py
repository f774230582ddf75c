from typing import Literal

RejectedEventStatus = Literal["rejected"]

REJECTED_EVENT_STATUS_VALUES: set[RejectedEventStatus] = {
    "rejected",
}


def check_rejected_event_status(value: str) -> RejectedEventStatus:
    if value in REJECTED_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REJECTED_EVENT_STATUS_VALUES!r}")
