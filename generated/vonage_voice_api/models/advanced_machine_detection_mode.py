from typing import Literal

AdvancedMachineDetectionMode = Literal["default", "detect", "detect_beep"]

ADVANCED_MACHINE_DETECTION_MODE_VALUES: set[AdvancedMachineDetectionMode] = {
    "default",
    "detect",
    "detect_beep",
}


def check_advanced_machine_detection_mode(value: str) -> AdvancedMachineDetectionMode:
    if value in ADVANCED_MACHINE_DETECTION_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADVANCED_MACHINE_DETECTION_MODE_VALUES!r}")
