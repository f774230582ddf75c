from typing import Literal

CreateCallRequestBaseMachineDetection = Literal["continue", "hangup"]

CREATE_CALL_REQUEST_BASE_MACHINE_DETECTION_VALUES: set[CreateCallRequestBaseMachineDetection] = {
    "continue",
    "hangup",
}


def check_create_call_request_base_machine_detection(value: str) -> CreateCallRequestBaseMachineDetection:
    if value in CREATE_CALL_REQUEST_BASE_MACHINE_DETECTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_CALL_REQUEST_BASE_MACHINE_DETECTION_VALUES!r}"
    )
