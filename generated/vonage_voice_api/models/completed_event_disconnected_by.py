from typing import Literal

CompletedEventDisconnectedBy = Literal["platform", "user"]

COMPLETED_EVENT_DISCONNECTED_BY_VALUES: set[CompletedEventDisconnectedBy] = {
    "platform",
    "user",
}


def check_completed_event_disconnected_by(value: str) -> CompletedEventDisconnectedBy:
    if value in COMPLETED_EVENT_DISCONNECTED_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMPLETED_EVENT_DISCONNECTED_BY_VALUES!r}")
