from typing import Literal

TalkActionAction = Literal["talk"]

TALK_ACTION_ACTION_VALUES: set[TalkActionAction] = {
    "talk",
}


def check_talk_action_action(value: str) -> TalkActionAction:
    if value in TALK_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TALK_ACTION_ACTION_VALUES!r}")
