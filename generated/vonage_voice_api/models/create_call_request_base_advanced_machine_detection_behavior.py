from typing import Literal

CreateCallRequestBaseAdvancedMachineDetectionBehavior = Literal["continue", "hangup"]

CREATE_CALL_REQUEST_BASE_ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES: set[
    CreateCallRequestBaseAdvancedMachineDetectionBehavior
] = {
    "continue",
    "hangup",
}


def check_create_call_request_base_advanced_machine_detection_behavior(
    value: str,
) -> CreateCallRequestBaseAdvancedMachineDetectionBehavior:
    if value in CREATE_CALL_REQUEST_BASE_ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_CALL_REQUEST_BASE_ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES!r}"
    )
