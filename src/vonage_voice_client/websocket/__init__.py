"""The application's side of Vonage's audio WebSocket, framework-agnostic: verify the handshake, read the text
events as typed messages, build ``clear``/``notify``, cut PCM into 20 ms frames; and, for Starlette and FastAPI,
:func:`accept_vonage_websocket`. The README's "WebSocket calls (voice agents)" section shows them together.
"""

from __future__ import annotations

from .handshake import verify_handshake
from .messages import (
    FRAME_SECONDS,
    RATES,
    Cleared,
    Connected,
    Dtmf,
    MalformedMessageError,
    Message,
    Notified,
    UnknownMessage,
    audio_frames,
    clear,
    frame_size,
    notify,
    parse_message,
)
from .starlette import POLICY_VIOLATION, accept_vonage_websocket

__all__ = [
    "FRAME_SECONDS",
    "POLICY_VIOLATION",
    "RATES",
    "Cleared",
    "Connected",
    "Dtmf",
    "MalformedMessageError",
    "Message",
    "Notified",
    "UnknownMessage",
    "accept_vonage_websocket",
    "audio_frames",
    "clear",
    "frame_size",
    "notify",
    "parse_message",
    "verify_handshake",
]
