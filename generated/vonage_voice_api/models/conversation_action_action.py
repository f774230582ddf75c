from typing import Literal

ConversationActionAction = Literal["conversation"]

CONVERSATION_ACTION_ACTION_VALUES: set[ConversationActionAction] = {
    "conversation",
}


def check_conversation_action_action(value: str) -> ConversationActionAction:
    if value in CONVERSATION_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONVERSATION_ACTION_ACTION_VALUES!r}")
