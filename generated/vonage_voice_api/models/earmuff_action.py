from typing import Literal

EarmuffAction = Literal["earmuff"]

EARMUFF_ACTION_VALUES: set[EarmuffAction] = {
    "earmuff",
}


def check_earmuff_action(value: str) -> EarmuffAction:
    if value in EARMUFF_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EARMUFF_ACTION_VALUES!r}")
