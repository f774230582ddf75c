from typing import Literal

CallStatus = Literal[
    "answered",
    "busy",
    "cancelled",
    "completed",
    "disconnected",
    "failed",
    "human",
    "input",
    "machine",
    "rejected",
    "ringing",
    "started",
    "timeout",
    "transfer",
    "unanswered",
]

CALL_STATUS_VALUES: set[CallStatus] = {
    "answered",
    "busy",
    "cancelled",
    "completed",
    "disconnected",
    "failed",
    "human",
    "input",
    "machine",
    "rejected",
    "ringing",
    "started",
    "timeout",
    "transfer",
    "unanswered",
}


def check_call_status(value: str) -> CallStatus:
    if value in CALL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_STATUS_VALUES!r}")
