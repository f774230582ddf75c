from typing import Literal

ConnectActionMachineDetection = Literal["continue", "hangup"]

CONNECT_ACTION_MACHINE_DETECTION_VALUES: set[ConnectActionMachineDetection] = {
    "continue",
    "hangup",
}


def check_connect_action_machine_detection(value: str) -> ConnectActionMachineDetection:
    if value in CONNECT_ACTION_MACHINE_DETECTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECT_ACTION_MACHINE_DETECTION_VALUES!r}")
