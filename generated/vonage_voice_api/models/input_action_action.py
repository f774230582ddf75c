from typing import Literal

InputActionAction = Literal["input"]

INPUT_ACTION_ACTION_VALUES: set[InputActionAction] = {
    "input",
}


def check_input_action_action(value: str) -> InputActionAction:
    if value in INPUT_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_ACTION_ACTION_VALUES!r}")
