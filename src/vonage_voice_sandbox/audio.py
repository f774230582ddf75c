"""What a test gives as a callee's audio (WAV bytes, a WAV file, or raw PCM with its rate), and what it reads back
about an audio WebSocket session (:meth:`.testing.VoiceSandbox.websockets`)."""

from __future__ import annotations

import base64
import io
import wave
from dataclasses import dataclass
from os import PathLike
from typing import Any, Final

__all__ = ["AudioInput", "WebSocketSession", "read_audio"]

AudioInput = bytes | str | PathLike[str] | tuple[bytes, int]
RATES: Final = (8000, 16000, 24000)


def read_audio(audio: AudioInput) -> tuple[bytes, int]:
    """16-bit mono PCM and its rate, from WAV bytes, a WAV file's path, or ``(pcm, rate)``; ``ValueError`` otherwise."""
    if isinstance(audio, tuple):
        pcm, rate = audio
        if not isinstance(pcm, bytes | bytearray) or len(pcm) % 2:
            raise ValueError("(pcm, rate): pcm is bytes of 16-bit samples (an even number of bytes)")
        return bytes(pcm), _rate(rate)
    data = audio if isinstance(audio, bytes) else open(audio, "rb").read()  # noqa: SIM115 - read whole, closed by GC
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise ValueError(
                    f"the WAV audio is {wav.getnchannels()} channel(s) of {8 * wav.getsampwidth()} bits; "
                    "a callee's audio is 16-bit mono"
                )
            return wav.readframes(wav.getnframes()), _rate(wav.getframerate())
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"not a WAV file ({exc}); give WAV bytes, a path, or (pcm, rate)") from None


def _rate(rate: object) -> int:
    if isinstance(rate, bool) or not isinstance(rate, int) or rate not in RATES:
        raise ValueError(f"the audio's rate is {rate!r} Hz; the WebSocket rates are {', '.join(map(str, RATES))}")
    return rate


@dataclass(frozen=True)
class WebSocketSession:
    """One audio WebSocket the sandbox opened, as it stands on the sandbox clock when it was read."""

    id: int
    call_uuid: str  # the WebSocket leg (a connect action's leg, or the call created with a websocket `to`)
    parent_uuid: str | None  # the call whose connect action made the leg
    uri: str
    content_type: str
    rate: int
    state: str  # "connecting", "open", "closed" or "refused"
    started_at: str
    handshake_headers: dict[str, str]  # what the sandbox sent beside the protocol's own (Authorization...)
    messages_sent: list[dict[str, Any]]  # text messages to the application (websocket:connected, :cleared, :notify)
    messages_received: list[dict[str, Any]]  # text messages from it (clear, notify, anything else as sent)
    frames_sent: int  # caller audio frames, 20 ms each
    frames_received: int
    frames_dropped: int  # past the buffer of 3072 frames
    audio_received: bytes  # every binary frame the application sent, in order
    audio_played: bytes  # what of it was heard in the call so far (clear drops the rest)
    seconds_played: float
    seconds_queued: float
    closed_at: str | None
    closed_by: str | None  # "application", "sandbox" (the call ended, or the session was refused) or None
    close_code: int | None
    close_reason: str
    error: str | None  # why it was refused or failed

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WebSocketSession:
        fields = dict(data)
        for key in ("audio_received", "audio_played"):
            fields[key] = base64.b64decode(fields[key])
        names = cls.__dataclass_fields__
        return cls(**{name: value for name, value in fields.items() if name in names})

    @property
    def authorization(self) -> str | None:
        return self.handshake_headers.get("Authorization")

    @property
    def seconds_received(self) -> float:
        return len(self.audio_received) / (2 * self.rate)
