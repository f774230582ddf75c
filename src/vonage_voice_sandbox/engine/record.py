"""The ``record`` action (the NCCO reference): how long it runs, what it records, and the transcript the sandbox
makes of it.

With ``endOnSilence``, ``endOnKey`` or ``timeOut`` the record holds the NCCO until it ends; without them it runs
until the call ends while the NCCO goes on. The scripted callee (``voice_sandbox.number(speech=...)``) is heard
once the record starts: its words last ``SECONDS_PER_WORD`` each, and the silence after them ends the record after
``endOnSilence`` seconds. A callee with keys to press presses the first ``CALLEE_INPUT_AFTER`` seconds in, which
ends a record with ``endOnKey``. Nothing else ends it before ``timeOut`` (7200 s by default).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Final

from .ncco import _clamp, _number
from .scenarios import CALLEE_INPUT_AFTER

__all__ = ["RecordSettings", "hold_seconds", "record_settings", "transcript_document"]

SECONDS_PER_WORD: Final = 0.4
WORD_CONFIDENCE: Final = 0.95


@dataclass(frozen=True)
class RecordSettings:
    format: str
    channels: int
    holds: bool  # the NCCO waits for the record to end
    end_on_silence: float | None
    end_on_key: bool
    time_out: float
    transcription: dict[str, Any] | None


def record_settings(action: dict[str, Any]) -> RecordSettings:
    fmt = action.get("format")
    split = action.get("split") == "conversation"
    silence = action.get("endOnSilence")
    transcription = action.get("transcription")
    return RecordSettings(
        format=fmt if fmt in ("mp3", "wav", "ogg") else "mp3",
        channels=2 if split else 1,  # split: the caller left, what the caller hears right (the recording guide)
        holds=any(key in action for key in ("endOnSilence", "endOnKey", "timeOut")),
        end_on_silence=None if silence is None else _clamp(_number(silence, 3.0), 3.0, 10.0),
        end_on_key=isinstance(action.get("endOnKey"), str),
        time_out=_clamp(_number(action.get("timeOut"), 7200.0), 3.0, 7200.0),
        transcription=transcription if isinstance(transcription, dict) else None,
    )


def spoken_seconds(speech: tuple[str, ...]) -> float:
    return SECONDS_PER_WORD * sum(len(text.split()) for text in speech)


def hold_seconds(settings: RecordSettings, speech: tuple[str, ...], has_keys: bool) -> float:
    """How long a record that holds the NCCO lasts, for this callee."""
    ends = [settings.time_out]
    if settings.end_on_silence is not None:
        ends.append(spoken_seconds(speech) + settings.end_on_silence)
    if settings.end_on_key and has_keys:
        ends.append(CALLEE_INPUT_AFTER)
    return min(ends)


def transcript_document(speech: tuple[str, ...], seconds: float) -> dict[str, Any]:
    """The transcript of what the scripted callee said: one channel, one sentence per utterance, times in ms."""
    sentences, at = [], 0.0
    for text in speech:
        words: list[dict[str, Any]] = []
        for word in text.split():
            start = at
            at += SECONDS_PER_WORD
            words.append(
                {
                    "word": word,
                    "start_time": round(start * 1000),
                    "end_time": round(at * 1000),
                    "confidence": WORD_CONFIDENCE,
                }
            )
        if words:
            first = words[0]["start_time"]
            sentences.append(
                {
                    "sentence": text,
                    "raw_sentence": text.lower(),
                    "duration": words[-1]["end_time"] - first,
                    "timestamp": first,
                    "words": words,
                }
            )
    return {
        "ver": "1.0.0",
        "request_id": str(uuid.uuid4()),
        "channels": [{"duration": round(seconds), "transcript": sentences}],
    }
