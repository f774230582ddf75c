from typing import Literal

CreateCallRequestBaseAdvancedMachineDetectionMode = Literal["default", "detect", "detect_beep"]

CREATE_CALL_REQUEST_BASE_ADVANCED_MACHINE_DETECTION_MODE_VALUES: set[
    CreateCallRequestBaseAdvancedMachineDetectionMode
] = {
    "default",
    "detect",
    "detect_beep",
}


def check_create_call_request_base_advanced_machine_detection_mode(
    value: str,
) -> CreateCallRequestBaseAdvancedMachineDetectionMode:
    if value in CREATE_CALL_REQUEST_BASE_ADVANCED_MACHINE_DETECTION_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_CALL_REQUEST_BASE_ADVANCED_MACHINE_DETECTION_MODE_VALUES!r}"
    )
