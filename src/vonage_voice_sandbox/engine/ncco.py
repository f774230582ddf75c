"""How long each NCCO action takes in the sandbox, and how an ``input`` action collects digits (the NCCO reference).

Audio is not played, so time stands in for it: ``talk`` lasts len(text) / 15 s per loop, ``stream`` 5 s per loop
(the file is never fetched), ``wait`` its ``timeout``. ``loop: 0`` (forever) holds the call like ``conversation``,
``connect`` and the NCCO ``transfer`` do: until a hangup or ``length_timer``. ``bargeIn: true`` makes talk and
stream asynchronous, as in the API, so the next action starts at once. Values are read leniently, because NCCOs in
the wild send ``"true"`` and ``"45"`` (defect D32 in overlays/README.md); nothing here raises on odd input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

__all__ = ["InputSettings", "Plan", "add_digits", "event_urls", "input_settings", "plan"]

TALK_CHARS_PER_SECOND: Final = 15.0
STREAM_SECONDS: Final = 5.0
MAX_STEP_SECONDS: Final = 2 * 86400.0  # longer than any length_timer: beyond it the step is a hold
DTMF_KEYS: Final = frozenset("0123456789*#")
HOLDING: Final = frozenset({"conversation", "connect", "transfer"})


@dataclass(frozen=True)
class Plan:
    """What starting an action means: wait a time, collect digits, send a notify, or hold the line."""

    waiting: str  # "timer", "digits", "hold", "next" (done at once), "notify", "record", "async-input", "error"
    seconds: float | None = None


@dataclass(frozen=True)
class InputSettings:
    dtmf: bool
    speech: bool
    max_digits: int
    timeout: float
    end_on_silence: float
    submit_on_hash: bool
    asynchronous: bool
    save_audio: bool = False  # speech.saveAudio: the speech heard is kept as a file, its URL in the input event


def plan(action: Any) -> Plan:
    """The plan for one NCCO action (anything that is not an object with a known ``action`` is an error)."""
    name = action.get("action") if isinstance(action, dict) else None
    if name == "talk":
        text = action.get("text")
        length = len(text) if isinstance(text, str) else 0
        return _audio(action, length / TALK_CHARS_PER_SECOND)
    if name == "stream":
        return _audio(action, STREAM_SECONDS)
    if name == "wait":
        return Plan("timer", _clamp(_number(action.get("timeout"), 10.0), 0.1, 7200.0))
    if name == "input":
        settings = input_settings(action)
        if settings.asynchronous:
            return Plan("async-input")
        return Plan("digits", settings.timeout)
    if name in HOLDING:
        return Plan("hold")
    if name in ("notify", "record"):
        return Plan(name)
    return Plan("error")


def input_settings(action: dict[str, Any]) -> InputSettings:
    kinds = action.get("type")
    kinds = kinds if isinstance(kinds, list) else ["dtmf"]
    dtmf = _object(action.get("dtmf"))
    speech = _object(action.get("speech"))
    wants_dtmf = "dtmf" in kinds
    timeout = _number(dtmf.get("timeOut"), 3.0) if wants_dtmf else _number(speech.get("startTimeout"), 10.0)
    return InputSettings(
        dtmf=wants_dtmf,
        speech="speech" in kinds,
        max_digits=int(_clamp(_number(dtmf.get("maxDigits"), 4.0), 1, 20)),
        timeout=_clamp(timeout, 0.0, 60.0),
        end_on_silence=_clamp(_number(speech.get("endOnSilence"), 2.0), 0.4, 10.0),
        submit_on_hash=_flag(dtmf.get("submitOnHash")),
        asynchronous=action.get("mode") == "asynchronous",
        save_audio="speech" in kinds and _flag(speech.get("saveAudio")),
    )


def add_digits(collected: str, pressed: str, settings: InputSettings) -> tuple[str, bool]:
    """Add the keys pressed to what was collected; return the digits and whether the input is complete."""
    for key in pressed:
        if key not in DTMF_KEYS:
            continue  # `p` (pause) and anything else is not a key press
        if key == "#" and settings.submit_on_hash:
            return collected, True
        collected += key
        if len(collected) >= settings.max_digits:
            return collected, True
    return collected, False


def _audio(action: dict[str, Any], seconds_per_loop: float) -> Plan:
    if _flag(action.get("bargeIn")):
        return Plan("next")
    loop = _number(action.get("loop"), 1.0)
    if loop <= 0:
        return Plan("hold")  # 0 repeats forever
    seconds = seconds_per_loop * loop
    return Plan("hold") if seconds >= MAX_STEP_SECONDS else Plan("timer", seconds)


def _number(value: Any, default: float) -> float:
    if isinstance(value, bool):
        return default
    if isinstance(value, int | float | str):
        try:
            number = float(value)
        except (ValueError, OverflowError):
            return default
        if number == number and abs(number) != float("inf"):  # not NaN, not infinite
            return number
    return default


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def event_urls(value: Any) -> list[str]:
    """An NCCO ``eventUrl``: an array of URLs (a bare string is tolerated, as in some docs' snippets)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []
