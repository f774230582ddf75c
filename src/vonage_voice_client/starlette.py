"""Moved to :mod:`vonage_voice_client.webhooks.starlette` (import from ``vonage_voice_client.webhooks``); this old
path re-exports its name."""

from .webhooks.starlette import event_from_request

__all__ = ["event_from_request"]
