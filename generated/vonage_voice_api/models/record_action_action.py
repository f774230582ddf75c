from typing import Literal

RecordActionAction = Literal["record"]

RECORD_ACTION_ACTION_VALUES: set[RecordActionAction] = {
    "record",
}


def check_record_action_action(value: str) -> RecordActionAction:
    if value in RECORD_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_ACTION_ACTION_VALUES!r}")
