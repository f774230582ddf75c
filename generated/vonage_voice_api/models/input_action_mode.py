from typing import Literal

InputActionMode = Literal["asynchronous", "synchronous"]

INPUT_ACTION_MODE_VALUES: set[InputActionMode] = {
    "asynchronous",
    "synchronous",
}


def check_input_action_mode(value: str) -> InputActionMode:
    if value in INPUT_ACTION_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_ACTION_MODE_VALUES!r}")
