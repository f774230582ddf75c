from typing import Literal

AdvancedMachineDetectionBehavior = Literal["continue", "hangup"]

ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES: set[AdvancedMachineDetectionBehavior] = {
    "continue",
    "hangup",
}


def check_advanced_machine_detection_behavior(value: str) -> AdvancedMachineDetectionBehavior:
    if value in ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES!r}")
