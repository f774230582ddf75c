from typing import Literal

HumanEventStatus = Literal["human"]

HUMAN_EVENT_STATUS_VALUES: set[HumanEventStatus] = {
    "human",
}


def check_human_event_status(value: str) -> HumanEventStatus:
    if value in HUMAN_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HUMAN_EVENT_STATUS_VALUES!r}")
