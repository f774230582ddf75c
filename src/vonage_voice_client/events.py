"""Moved to :mod:`vonage_voice_client.webhooks.construct` (import from ``vonage_voice_client.webhooks``); this old
path re-exports its names."""

from .webhooks.construct import Headers, authorization_header, construct_any_event, construct_event

__all__ = ["Headers", "authorization_header", "construct_any_event", "construct_event"]
