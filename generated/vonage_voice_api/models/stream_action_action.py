from typing import Literal

StreamActionAction = Literal["stream"]

STREAM_ACTION_ACTION_VALUES: set[StreamActionAction] = {
    "stream",
}


def check_stream_action_action(value: str) -> StreamActionAction:
    if value in STREAM_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STREAM_ACTION_ACTION_VALUES!r}")
