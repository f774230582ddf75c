from typing import Literal

RecordActionFormat = Literal["mp3", "ogg", "wav"]

RECORD_ACTION_FORMAT_VALUES: set[RecordActionFormat] = {
    "mp3",
    "ogg",
    "wav",
}


def check_record_action_format(value: str) -> RecordActionFormat:
    if value in RECORD_ACTION_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_ACTION_FORMAT_VALUES!r}")
