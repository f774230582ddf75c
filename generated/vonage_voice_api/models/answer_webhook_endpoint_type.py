from typing import Literal

AnswerWebhookEndpointType = Literal["app", "phone", "sip", "vbc", "websocket"]

ANSWER_WEBHOOK_ENDPOINT_TYPE_VALUES: set[AnswerWebhookEndpointType] = {
    "app",
    "phone",
    "sip",
    "vbc",
    "websocket",
}


def check_answer_webhook_endpoint_type(value: str) -> AnswerWebhookEndpointType:
    if value in ANSWER_WEBHOOK_ENDPOINT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANSWER_WEBHOOK_ENDPOINT_TYPE_VALUES!r}")
