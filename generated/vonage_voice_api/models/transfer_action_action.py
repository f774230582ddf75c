from typing import Literal

TransferActionAction = Literal["transfer"]

TRANSFER_ACTION_ACTION_VALUES: set[TransferActionAction] = {
    "transfer",
}


def check_transfer_action_action(value: str) -> TransferActionAction:
    if value in TRANSFER_ACTION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRANSFER_ACTION_ACTION_VALUES!r}")
