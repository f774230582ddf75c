"""Replay protection for signed callbacks: each token (its ``jti``) is accepted once.

A signed callback can be captured (a log, a proxy, plain HTTP) and sent again while its token is young enough. Pass
a replay cache to :func:`vonage_voice_client.webhooks.verify_callback` and a token whose ``jti`` was already seen is
refused. A ``jti`` need only be remembered until its token would be refused as too old anyway (``iat + max_age +
leeway``), so the cache stays small.

:class:`JtiCache` serves one process. Several processes or hosts behind a load balancer need a shared store: any
object with a ``seen(jti, until)`` method will do, e.g. with Redis::

    class RedisReplayCache:
        def seen(self, jti: str, until: float) -> bool:
            return not redis.set(f"vonage-jti:{jti}", 1, nx=True, exat=math.ceil(until))
"""

from __future__ import annotations

import heapq
import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Final, Protocol, runtime_checkable

__all__ = ["DEFAULT_MAX_ENTRIES", "JtiCache", "ReplayCache"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_ENTRIES: Final = 100_000
"""About 20 MB (uuid4 jti); with the default ``max_age`` (300 s) and leeway (30 s), room for 300 callbacks a second."""


@runtime_checkable
class ReplayCache(Protocol):
    def seen(self, jti: str, until: float) -> bool:
        """Remember ``jti`` until the Unix time ``until``; return True if it was remembered already (a replay).

        Must be atomic: of two concurrent calls with the same ``jti``, exactly one returns False.
        """
        ...


class JtiCache:
    """An in-memory, thread-safe :class:`ReplayCache` for one process.

    Holds at most ``max_entries`` tokens. Past that (more genuine callbacks within one ``max_age`` than it holds;
    refused tokens are never remembered, so a forger cannot fill it) it forgets the tokens closest to expiry first
    and logs a warning: raise ``max_entries``. ``clock`` must be the clock ``verify_callback`` uses.
    """

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, *, clock: Callable[[], float] = time.time) -> None:
        if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
            raise ValueError(f"max_entries must be a positive whole number, got {max_entries!r}")
        self.max_entries = max_entries
        self._clock = clock
        self._until: dict[str, float] = {}
        self._expiries: list[tuple[float, str]] = []  # a heap: the next to expire first
        self._lock = threading.Lock()

    def seen(self, jti: str, until: float) -> bool:
        # NaN compares false with everything: at the top of the heap it would stop every expiry behind it.
        if isinstance(until, bool) or not isinstance(until, int | float) or not math.isfinite(until):
            raise ValueError(f"until must be a finite Unix time, got {until!r}")
        with self._lock:
            self._forget_until(self._clock())
            if jti in self._until:
                return True
            if len(self._until) >= self.max_entries:
                logger.warning("replay cache full (%d tokens): forgetting the oldest; raise max_entries", len(self))
                self._forget_one()
            self._until[jti] = until
            heapq.heappush(self._expiries, (until, jti))
            return False

    def __len__(self) -> int:
        return len(self._until)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} of {self.max_entries} tokens)"

    def _forget_until(self, now: float) -> None:
        while self._expiries and self._expiries[0][0] <= now:
            self._forget_one()

    def _forget_one(self) -> None:
        until, jti = heapq.heappop(self._expiries)
        if self._until.get(jti) == until:
            del self._until[jti]
