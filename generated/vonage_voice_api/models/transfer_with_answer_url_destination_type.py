from typing import Literal

TransferWithAnswerUrlDestinationType = Literal["ncco"]

TRANSFER_WITH_ANSWER_URL_DESTINATION_TYPE_VALUES: set[TransferWithAnswerUrlDestinationType] = {
    "ncco",
}


def check_transfer_with_answer_url_destination_type(value: str) -> TransferWithAnswerUrlDestinationType:
    if value in TRANSFER_WITH_ANSWER_URL_DESTINATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRANSFER_WITH_ANSWER_URL_DESTINATION_TYPE_VALUES!r}")
