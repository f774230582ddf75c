from typing import Literal

RecordActionEndOnKey = Literal["#", "*", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]

RECORD_ACTION_END_ON_KEY_VALUES: set[RecordActionEndOnKey] = {
    "#",
    "*",
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
}


def check_record_action_end_on_key(value: str) -> RecordActionEndOnKey:
    if value in RECORD_ACTION_END_ON_KEY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_ACTION_END_ON_KEY_VALUES!r}")
