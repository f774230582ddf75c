from typing import Literal

CreateCallRequestBaseEventMethod = Literal["GET", "POST"]

CREATE_CALL_REQUEST_BASE_EVENT_METHOD_VALUES: set[CreateCallRequestBaseEventMethod] = {
    "GET",
    "POST",
}


def check_create_call_request_base_event_method(value: str) -> CreateCallRequestBaseEventMethod:
    if value in CREATE_CALL_REQUEST_BASE_EVENT_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_CALL_REQUEST_BASE_EVENT_METHOD_VALUES!r}")
