from typing import Literal

RecordActionSplit = Literal["conversation"]

RECORD_ACTION_SPLIT_VALUES: set[RecordActionSplit] = {
    "conversation",
}


def check_record_action_split(value: str) -> RecordActionSplit:
    if value in RECORD_ACTION_SPLIT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_ACTION_SPLIT_VALUES!r}")
