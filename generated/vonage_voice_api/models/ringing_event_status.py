from typing import Literal

RingingEventStatus = Literal["ringing"]

RINGING_EVENT_STATUS_VALUES: set[RingingEventStatus] = {
    "ringing",
}


def check_ringing_event_status(value: str) -> RingingEventStatus:
    if value in RINGING_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RINGING_EVENT_STATUS_VALUES!r}")
