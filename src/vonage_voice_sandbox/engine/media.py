"""One audio WebSocket session, on the sandbox clock, without I/O: what the caller says into it frame by frame,
and how the application's audio plays out of it (docs/websockets.md has the protocol and its sources).

Time is the sandbox clock's. Caller frames are due every 20 ms from the moment the socket opened; the application's
frames play one after another from the time each arrived (or from when the audio queued before it ends), so the
queue drains as the clock moves, real or virtual. ``clear`` drops what has not played yet; a ``notify`` is due when
everything queued before it has played. The queue holds ``MAX_QUEUED_FRAMES`` frames, as Vonage documents; frames
beyond it are dropped and counted (Vonage does not document what it does).
"""

from __future__ import annotations

import array
import itertools
import math
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Final

from .clock import format_time

__all__ = [
    "FRAME_SECONDS",
    "MAX_QUEUED_FRAMES",
    "RATES",
    "MediaSession",
    "frame_bytes",
    "resample",
]

FRAME_SECONDS: Final = 0.02
MAX_QUEUED_FRAMES: Final = 3072  # "Vonage will only buffer 3072 messages" (the play-audio-into-a-websocket tutorial)
RATES: Final = {"audio/l16;rate=8000": 8000, "audio/l16;rate=16000": 16000, "audio/l16;rate=24000": 24000}
MAX_KEPT_MESSAGES: Final = 1000  # text messages kept per direction, for /_sandbox/websockets
_EPSILON: Final = 1e-9  # float slack, so that advancing by exactly 1 s gives exactly 50 frames
_ids = itertools.count(1)


def frame_bytes(rate: int) -> int:
    """Bytes in one 20 ms frame of 16-bit mono PCM: 320, 640 or 960."""
    return rate * 2 // 50


def resample(pcm: bytes, source: int, target: int) -> bytes:
    """16-bit mono PCM from ``source`` Hz to ``target`` Hz, by nearest sample (a test's script, not hi-fi audio)."""
    if source == target or not pcm:
        return pcm
    samples = array.array("h", pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    count = len(samples) * target // source
    out = array.array("h", (samples[i * source // target] for i in range(count)))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


@dataclass
class MediaSession:
    """The sandbox's side of one WebSocket: the leg it belongs to, what was sent, what was received and played."""

    call_uuid: str  # the WebSocket leg (for a connect action, a leg of its own; for createCall `to`, the call)
    parent_uuid: str | None  # the call whose connect action made the leg (None for createCall `to`)
    uri: str
    rate: int
    content_type: str
    headers: dict[str, Any]  # the endpoint's `headers`, sent as top-level keys of websocket:connected
    authorization: dict[str, Any]
    started_at: float  # sandbox time the socket was asked for: caller frames are due from here
    caller_audio: bytes = b""  # what the callee says, at ``rate``; silence after it
    id: int = field(default_factory=lambda: next(_ids))
    state: str = "connecting"  # connecting, open, closed, refused
    handshake_headers: dict[str, str] = field(default_factory=dict)
    frames_sent: int = 0
    sent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_KEPT_MESSAGES))
    received: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_KEPT_MESSAGES))
    audio_received: bytearray = field(default_factory=bytearray)  # every binary frame the application sent
    frames_received: int = 0
    frames_dropped: int = 0  # beyond MAX_QUEUED_FRAMES
    segments: list[tuple[float, bytes]] = field(default_factory=list)  # (plays from, pcm) in play order
    queue_end: float = 0.0  # when what is queued has played
    notifies: deque[tuple[float, Any]] = field(default_factory=deque)  # (due, payload), in due order
    closed_at: float | None = None
    closed_by: str | None = None  # "application", "sandbox" (hang-up, call ended) or None while open
    close_code: int | None = None
    close_reason: str = ""
    error: str | None = None

    # --- caller audio ----------------------------------------------------------------------------------------------

    def frames_due(self, now: float) -> int:
        """Caller frames due by ``now`` and not sent yet."""
        due = math.floor((now - self.started_at) / FRAME_SECONDS + _EPSILON)
        return max(0, due - self.frames_sent)

    def next_frame_at(self) -> float:
        return self.started_at + (self.frames_sent + 1) * FRAME_SECONDS

    def next_frame(self) -> bytes:
        """The next caller frame (the script, then silence); counts it as sent."""
        size = frame_bytes(self.rate)
        start = self.frames_sent * size
        chunk = self.caller_audio[start : start + size]
        self.frames_sent += 1
        return chunk + bytes(size - len(chunk))

    # --- the application's audio -----------------------------------------------------------------------------------

    def queued_seconds(self, now: float) -> float:
        return max(0.0, self.queue_end - now)

    def play(self, pcm: bytes, now: float) -> bool:
        """Queue a binary frame from the application; False when the queue is full and it was dropped."""
        self.frames_received += 1
        self.audio_received += pcm
        seconds = len(pcm) / (2 * self.rate)
        if self.queued_seconds(now) + seconds > MAX_QUEUED_FRAMES * FRAME_SECONDS + _EPSILON:
            self.frames_dropped += 1
            return False
        start = max(now, self.queue_end)
        self.segments.append((start, bytes(pcm)))
        self.queue_end = start + seconds
        return True

    def clear(self, now: float) -> None:
        """Drop the audio not played yet, and stop what is playing (notifies waiting on it stay due now)."""
        kept: list[tuple[float, bytes]] = []
        for start, pcm in self.segments:
            if start >= now:
                continue
            played = min(len(pcm), round((now - start) * self.rate) * 2)
            kept.append((start, pcm[:played]))
        self.segments = kept
        self.queue_end = min(self.queue_end, now)
        self.notifies = deque((min(due, now), payload) for due, payload in self.notifies)

    def notify(self, payload: Any, now: float) -> None:
        self.notifies.append((max(now, self.queue_end), payload))

    def notifies_due(self, now: float) -> list[Any]:
        """The payloads of the notifies whose audio has played by ``now``, in order; removed from the queue."""
        due = []
        while self.notifies and self.notifies[0][0] <= now + _EPSILON:
            due.append(self.notifies.popleft()[1])
        return due

    def played_audio(self, now: float) -> bytes:
        """The application's audio heard in the call by ``now``."""
        out = bytearray()
        for start, pcm in self.segments:
            if start >= now:
                break
            out += pcm[: min(len(pcm), round((now - start) * self.rate) * 2)]
        return bytes(out)

    def played_seconds(self, now: float) -> float:
        return len(self.played_audio(now)) / (2 * self.rate)

    # --- records ---------------------------------------------------------------------------------------------------

    @property
    def open(self) -> bool:
        return self.state in ("connecting", "open")

    def close(self, by: str, now: float, code: int | None = None, reason: str = "") -> None:
        if self.closed_at is None:
            self.state = "closed" if self.state != "refused" else "refused"
            self.closed_at, self.closed_by, self.close_code, self.close_reason = now, by, code, reason

    def as_dict(self, now: float) -> dict[str, Any]:
        end = now if self.closed_at is None else min(now, self.closed_at)
        return {
            "id": self.id,
            "call_uuid": self.call_uuid,
            "parent_uuid": self.parent_uuid,
            "uri": self.uri,
            "content_type": self.content_type,
            "rate": self.rate,
            "state": self.state,
            "started_at": format_time(self.started_at),
            "handshake_headers": dict(self.handshake_headers),
            "messages_sent": list(self.sent),
            "messages_received": list(self.received),
            "frames_sent": self.frames_sent,
            "frames_received": self.frames_received,
            "frames_dropped": self.frames_dropped,
            "audio_received": bytes(self.audio_received),
            "audio_played": self.played_audio(end),
            "seconds_played": round(self.played_seconds(end), 6),
            "seconds_queued": round(self.queued_seconds(end), 6),
            "closed_at": None if self.closed_at is None else format_time(self.closed_at),
            "closed_by": self.closed_by,
            "close_code": self.close_code,
            "close_reason": self.close_reason,
            "error": self.error,
        }
