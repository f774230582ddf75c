"""The ``record`` action (the NCCO reference): how long it runs, what it records, and the transcript the sandbox
makes of it.

With ``endOnSilence``, ``endOnKey`` or ``timeOut`` the record holds the NCCO until it ends; without them it runs
until the call ends while the NCCO goes on. The scripted callee (``voice_sandbox.number(speech=...)``) is heard
once the record starts: its words last ``SECONDS_PER_WORD`` each, and the silence after them ends the record after
``endOnSilence`` seconds. A callee with keys to press presses the first ``CALLEE_INPUT_AFTER`` seconds in, which
ends a record with ``endOnKey``. Nothing else ends it before ``timeOut`` (7200 s by default).

:class:`RecordActions` is the lifecycle's part of it (a mixin of :class:`.lifecycle.Lifecycle`): starting a record,
and making its file, its record event and its transcript when it ends.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from . import payloads
from .calls import Call, Step, append_capped
from .files import FileStore
from .limits import Limits
from .ncco import _clamp, _number, event_urls
from .scenarios import CALLEE_INPUT_AFTER

if TYPE_CHECKING:
    from .event_log import Event

__all__ = ["RecordActions", "RecordSettings", "hold_seconds", "record_settings", "transcript_document"]

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


class RecordActions:
    """The record action in the call lifecycle; :class:`.lifecycle.Lifecycle` provides what is declared here."""

    files: FileStore
    files_base: str
    limits: Limits

    if TYPE_CHECKING:

        def _schedule(self, call: Call, kind: str, due: float) -> None: ...

        def _emit(
            self,
            kind: str,
            call: Call,
            urls: list[str],
            method: str,
            payload: dict[str, Any],
            at: float,
            *,
            expects_reply: bool = False,
            token: int | None = None,
        ) -> Event: ...

    def _start_record(self, call: Call, step: Step, at: float) -> bool:
        """Start a record action; True when it holds the NCCO until it ends (endOnSilence, endOnKey, timeOut)."""
        settings = record_settings(step.action)
        if not settings.holds:
            append_capped(call.open_records, (step.action, at), self.limits.max_call_log)
            return False
        seconds = hold_seconds(settings, call.scenario.speech, bool(call.scenario.dtmf))
        step.waiting, step.ends_at = "recording", at + seconds
        call.step = step
        self._schedule(call, "step", step.ends_at)
        return True

    def _finish_record(self, call: Call, action: dict[str, Any], started: float, at: float) -> None:
        """The recording is a file now: its record event, and with ``transcription`` the transcript's callback."""
        settings = record_settings(action)
        entry = self._keep_recording(call, settings.format, at - started, settings.channels)
        url, recording_uuid = entry["url"], entry["recording_uuid"]
        urls = event_urls(action.get("eventUrl")) or call.event_url
        method = str(action.get("eventMethod") or "POST")
        self._emit("record", call, urls, method, payloads.record_payload(call, started, at, url, recording_uuid), at)
        if settings.transcription is None:
            return
        document = transcript_document(call.scenario.speech, entry["duration"])
        transcript = self.files.add_document(call.uuid, "application/json", json.dumps(document).encode())
        entry["transcript_url"] = f"{self.files_base}/v1/files/{transcript.file_id}"
        urls = event_urls(settings.transcription.get("eventUrl")) or urls
        payload = payloads.transcription_payload(call, entry["transcript_url"], recording_uuid, at)
        self._emit("transcription", call, urls, str(settings.transcription.get("eventMethod") or "POST"), payload, at)

    def _save_speech(self, call: Call, started: float, at: float) -> str:
        """An input action's ``saveAudio``: what it heard, from its start to ``at``, as an mp3 file (one channel),
        listed with the call's recordings. Returns the file's URL, for the input event's ``speech.recording_url``."""
        return str(self._keep_recording(call, "mp3", at - started, 1)["url"])

    def _keep_recording(self, call: Call, fmt: str, seconds: float, channels: int) -> dict[str, Any]:
        """A new recording file of the call, encoded when first needed, and its entry in ``call.recordings``."""
        stored = self.files.add_recording(call.uuid, fmt, seconds, channels)
        entry: dict[str, Any] = {
            "url": f"{self.files_base}/v1/files/{stored.file_id}",
            "format": stored.format,
            "duration": stored.seconds,
            "size": None,  # known once encoded (before the event that names it goes out)
            "channels": channels,
            "transcript_url": None,
            "recording_uuid": str(uuid.uuid4()),
        }
        append_capped(call.recordings, entry, self.limits.max_call_log)
        return entry

    def _records_end(self, call: Call, step: Step | None, at: float) -> None:
        """The call ended: the record holding the NCCO (``step``, if it was one) and those in the background end."""
        if step is not None and step.waiting == "recording":  # hung up during a record that held the NCCO
            self._finish_record(call, step.action, step.started_at, at)
        for action, started in call.open_records:
            self._finish_record(call, action, started, at)
        call.open_records.clear()
