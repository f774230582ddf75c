from typing import Literal

MachineDetection = Literal["continue", "hangup"]

MACHINE_DETECTION_VALUES: set[MachineDetection] = {
    "continue",
    "hangup",
}


def check_machine_detection(value: str) -> MachineDetection:
    if value in MACHINE_DETECTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MACHINE_DETECTION_VALUES!r}")
