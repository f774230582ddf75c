"""Moved to :mod:`vonage_voice_client.webhooks.parse` (import from ``vonage_voice_client.webhooks``); this old path
re-exports its names."""

from .webhooks.parse import (
    STATUS_EVENTS,
    Callback,
    CallbackKind,
    CallbackParseError,
    CallEvent,
    UnknownEvent,
    parse_callback,
    query_object,
)

__all__ = [
    "STATUS_EVENTS",
    "CallEvent",
    "Callback",
    "CallbackKind",
    "CallbackParseError",
    "UnknownEvent",
    "parse_callback",
    "query_object",
]
