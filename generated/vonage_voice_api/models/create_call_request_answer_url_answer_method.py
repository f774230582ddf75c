from typing import Literal

CreateCallRequestAnswerUrlAnswerMethod = Literal["GET", "POST"]

CREATE_CALL_REQUEST_ANSWER_URL_ANSWER_METHOD_VALUES: set[CreateCallRequestAnswerUrlAnswerMethod] = {
    "GET",
    "POST",
}


def check_create_call_request_answer_url_answer_method(value: str) -> CreateCallRequestAnswerUrlAnswerMethod:
    if value in CREATE_CALL_REQUEST_ANSWER_URL_ANSWER_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_CALL_REQUEST_ANSWER_URL_ANSWER_METHOD_VALUES!r}"
    )
