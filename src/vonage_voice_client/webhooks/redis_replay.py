"""The replay cache of signed callbacks on Redis, for every process and host that receives them (the ``redis`` extra).

    replay_cache = RedisReplayCache("redis://cache.internal:6379/0")
    event = construct_event(..., secret=SIGNATURE_SECRET, replay_cache=replay_cache)

Each token's ``jti`` is written with ``SET key NX EXAT <until>``: the write is atomic on Redis, so of two processes
receiving the same token at once exactly one accepts it, and Redis forgets the ``jti`` when the token would be
refused as too old anyway. When Redis cannot be reached, or answers too slowly (``timeout``), the callback is
refused with :class:`ReplayCacheUnavailableError`: a replay could not be told apart, so the cache fails closed
(Vonage sends the callback again later). The call is synchronous: an async application waits at most ``timeout``
on it.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

from .verify import WebhookVerificationError

__all__ = ["DEFAULT_PREFIX", "RedisReplayCache", "ReplayCacheUnavailableError"]

DEFAULT_PREFIX: Final = "vonage-voice-client:jti:"


class ReplayCacheUnavailableError(WebhookVerificationError):
    """The replay cache could not be asked whether the token was seen: the callback is refused (fail closed)."""


class RedisReplayCache:
    """A :class:`~vonage_voice_client.webhooks.ReplayCache` on Redis, shared by every process that uses it.

    ``redis`` is a URL (``redis://host:port/db``, ``rediss://...``, ``unix://...``) or a ``redis.Redis`` client of
    your own (its timeouts are then yours to set). ``timeout`` bounds each exchange (connect, send, read).
    """

    def __init__(self, redis: str | Any, *, prefix: str = DEFAULT_PREFIX, timeout: float = 0.5) -> None:
        try:
            import redis as redis_py
            from redis.backoff import NoBackoff
            from redis.retry import Retry
        except ImportError:
            raise ImportError("RedisReplayCache needs redis-py: pip install 'vonage-voice-client[redis]'") from None
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout < math.inf:
            raise ValueError(f"timeout must be a number of seconds above 0, got {timeout!r}")
        self._errors = redis_py.RedisError
        self.prefix = prefix
        if isinstance(redis, str):
            self.where = _redacted(redis)
            # No retries inside redis-py (its default backs off for seconds): a callback is refused at once.
            self._redis = redis_py.Redis.from_url(
                redis, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0)
            )
        else:
            self.where = repr(redis)
            self._redis = redis

    def seen(self, jti: str, until: float) -> bool:
        """Remember ``jti`` until the Unix time ``until``; True if it was remembered already (a replay)."""
        try:
            written = self._redis.set(f"{self.prefix}{jti}", 1, nx=True, exat=max(1, math.ceil(until)))
        except self._errors as error:
            raise ReplayCacheUnavailableError(
                f"the replay cache (Redis at {self.where}) cannot be reached ({type(error).__name__}: {error}), so "
                "a replayed callback could not be told apart: the callback is refused"
            ) from error
        return not written

    def close(self) -> None:
        self._redis.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.where}, prefix={self.prefix!r})"


def _redacted(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
