from typing import Literal

InputEventSpeechTimeoutReason = Literal["end_on_silence_timeout", "max_duration", "start_timeout"]

INPUT_EVENT_SPEECH_TIMEOUT_REASON_VALUES: set[InputEventSpeechTimeoutReason] = {
    "end_on_silence_timeout",
    "max_duration",
    "start_timeout",
}


def check_input_event_speech_timeout_reason(value: str) -> InputEventSpeechTimeoutReason:
    if value in INPUT_EVENT_SPEECH_TIMEOUT_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_EVENT_SPEECH_TIMEOUT_REASON_VALUES!r}")
