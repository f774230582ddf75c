"""Moved to :mod:`vonage_voice_client.webhooks.replay` (import from ``vonage_voice_client.webhooks``); this old path
re-exports its names."""

from .webhooks.replay import DEFAULT_MAX_ENTRIES, JtiCache, ReplayCache

__all__ = ["DEFAULT_MAX_ENTRIES", "JtiCache", "ReplayCache"]
