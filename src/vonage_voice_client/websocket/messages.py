"""The audio WebSocket's messages: typed text events from Vonage, the commands an application sends, and audio
frames (docs/websockets.md has the protocol, with its sources).

    message = parse_message(text)                 # Connected, Cleared, Notified, Dtmf, or UnknownMessage
    for frame in audio_frames(pcm, rate=16000):   # 640-byte frames of 20 ms, the last padded with silence
        await websocket.send_bytes(frame)
    await websocket.send_text(notify({"id": 1}))  # answered by Notified once the audio before it has played
    await websocket.send_text(clear())            # barge-in: drop what has not played; answered by Cleared
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ..errors import VonageVoiceError

__all__ = [
    "FRAME_SECONDS",
    "RATES",
    "Cleared",
    "Connected",
    "Dtmf",
    "MalformedMessageError",
    "Message",
    "Notified",
    "UnknownMessage",
    "audio_frames",
    "clear",
    "frame_size",
    "notify",
    "parse_message",
]

FRAME_SECONDS: Final = 0.02
RATES: Final = (8000, 16000, 24000)


class MalformedMessageError(VonageVoiceError, ValueError):
    """A text message that is not a JSON object: not something Vonage sends."""


@dataclass(frozen=True)
class Connected:
    """``websocket:connected``, the first message: the audio format, and the endpoint's ``headers`` as sent."""

    content_type: str
    headers: dict[str, Any] = field(default_factory=dict)  # every other top-level key

    @property
    def rate(self) -> int:
        """The sample rate of ``content-type`` (``audio/l16;rate=16000`` -> 16000); 16000 if it names none."""
        for part in self.content_type.split(";"):
            name, _, value = part.strip().partition("=")
            if name.lower() == "rate" and value.isdigit():
                return int(value)
        return 16000


@dataclass(frozen=True)
class Cleared:
    """``websocket:cleared``: the audio queued before a ``clear`` was dropped."""


@dataclass(frozen=True)
class Notified:
    """``websocket:notify``: the audio queued before a ``notify`` has played; ``payload`` is the one sent."""

    payload: Any


@dataclass(frozen=True)
class Dtmf:
    """``websocket:dtmf``: a key pressed in the call (one digit per message), and for how long in milliseconds."""

    digit: str
    duration: int | None = None


@dataclass(frozen=True)
class UnknownMessage:
    """Any other text message, kept as sent, so a new event does not break an application (a tolerant reader)."""

    event: str | None
    data: dict[str, Any]


Message = Connected | Cleared | Notified | Dtmf | UnknownMessage


def parse_message(text: str | bytes) -> Message:
    """The typed message of a text frame from Vonage; :class:`MalformedMessageError` if it is not a JSON object."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise MalformedMessageError("a Vonage WebSocket text message is a JSON object")
    event = data.get("event")
    if event == "websocket:connected" and isinstance(data.get("content-type"), str):
        headers = {key: value for key, value in data.items() if key not in ("event", "content-type")}
        return Connected(data["content-type"], headers)
    if event == "websocket:cleared":
        return Cleared()
    if event == "websocket:notify":
        return Notified(data.get("payload"))
    if event == "websocket:dtmf":
        digit = data.get("digit")
        duration = data.get("duration")
        if isinstance(digit, str | int) and not isinstance(digit, bool):
            return Dtmf(str(digit), duration if isinstance(duration, int) and not isinstance(duration, bool) else None)
    return UnknownMessage(event if isinstance(event, str) else None, data)


def clear() -> str:
    """The ``clear`` command: stop playing, and drop the audio not played yet."""
    return '{"action":"clear"}'


def notify(payload: Mapping[str, Any] | None = None) -> str:
    """The ``notify`` command: Vonage answers :class:`Notified` with ``payload`` once what was queued has played."""
    return json.dumps({"action": "notify", "payload": dict(payload or {})}, separators=(",", ":"))


def frame_size(rate: int) -> int:
    """Bytes in a 20 ms frame of 16-bit mono PCM at ``rate``: 320 (8 kHz), 640 (16 kHz) or 960 (24 kHz)."""
    if rate not in RATES:
        raise ValueError(f"{rate!r} Hz is not a Vonage WebSocket rate ({', '.join(map(str, RATES))})")
    return rate * 2 // 50


def audio_frames(pcm: bytes, rate: int) -> Iterator[bytes]:
    """``pcm`` (16-bit mono at ``rate``) in 20 ms frames, the last one padded with silence: what Vonage plays."""
    if len(pcm) % 2:
        raise ValueError("16-bit PCM has an even number of bytes")
    size = frame_size(rate)
    for start in range(0, len(pcm), size):
        chunk = pcm[start : start + size]
        yield chunk + bytes(size - len(chunk))
