from typing import Literal

InputActionTypeItem = Literal["dtmf", "speech"]

INPUT_ACTION_TYPE_ITEM_VALUES: set[InputActionTypeItem] = {
    "dtmf",
    "speech",
}


def check_input_action_type_item(value: str) -> InputActionTypeItem:
    if value in INPUT_ACTION_TYPE_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_ACTION_TYPE_ITEM_VALUES!r}")
