"""The rate budget: the client paces its own requests within the API's limits, so its bursts never draw a 429.

Vonage allows an account 3 call creations a second and 15 other requests a second, and answers 429 past either.
Which requests are creations the spec says (``x-vvc-rate``, overlays/30-rate-classes.yaml, in the generated
``RATE_CLASSES``); the budget never names an operation.

Each request reserves the next free slot of its class and waits for it: slots are ``(1 + headroom) / rate`` seconds
apart, so any ``rate + 1`` requests of a class span more than a second (the API counts over a sliding second) with
``headroom`` (5 %) to spare for the jitter between reserving a slot and the request reaching the API. Reservations
are served in the order they are asked for: no waiter is overtaken, none polls.

In process (the default) the slots are shared by every client of one key in the process. With ``redis_url`` they
are shared by every process and machine of the key through one atomic script on Redis. A Redis that cannot be
reached (or answers too slowly: short socket timeouts) is left for a second at a time and the in-process slots
stand in: a warning is logged once per outage, and requests go on at the in-process rate, never unlimited.

A request that would wait past the client's pool timeout or the call's deadline (``connect(deadline=...)``,
``client.deadline()``) takes no slot and fails at once with a ``VoiceTransportError`` (never sent); cancelling an
async request that waits for its slot cancels the wait.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

import httpx

from ._retry_rules import RATE_CLASSES
from ._wire import DEADLINE
from .errors import ConfigurationError

if TYPE_CHECKING:
    import asyncio

__all__ = [
    "DEFAULT_CREATES_PER_SECOND",
    "DEFAULT_OTHERS_PER_SECOND",
    "PacedTransport",
    "RateBudget",
    "rate_class",
]

logger = logging.getLogger("vonage_voice_client")

DEFAULT_CREATES_PER_SECOND: Final = 3.0
DEFAULT_OTHERS_PER_SECOND: Final = 15.0
CREATE: Final = "create"
OTHER: Final = "other"
REDIS_SCHEMES: Final = ("redis://", "rediss://", "unix://")
_REDIS_RETRY_AFTER: Final = 1.0  # seconds on the in-process slots after Redis failed, before trying it again
_FOREVER_US: Final = 10**15  # "no limit on the wait", in microseconds (about 31 years)


@dataclass(frozen=True)
class RateBudget:
    """How fast one key (an application, or an account named by ``rate_budget_key``) may send requests.

    ``redis_url`` (``redis://host:port/db``) shares the budget with every process using the same Redis and key;
    it needs the ``redis`` extra. ``redis_timeout`` bounds each exchange with Redis (connect, send, read).
    """

    creates_per_second: float = DEFAULT_CREATES_PER_SECOND
    others_per_second: float = DEFAULT_OTHERS_PER_SECOND
    redis_url: str | None = None
    headroom: float = 0.05
    redis_timeout: float = 0.25

    def __post_init__(self) -> None:
        for name in ("creates_per_second", "others_per_second", "redis_timeout"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
                raise ConfigurationError(f"RateBudget {name} must be a number above 0, got {value!r}")
        if isinstance(self.headroom, bool) or not isinstance(self.headroom, int | float) or not 0 <= self.headroom < 1:
            raise ConfigurationError(f"RateBudget headroom must be a fraction from 0 to below 1, got {self.headroom!r}")
        if self.redis_url is not None and not (
            isinstance(self.redis_url, str) and self.redis_url.startswith(REDIS_SCHEMES)
        ):
            raise ConfigurationError(
                f"a shared rate budget needs a Redis URL (redis://host:port/db, rediss://..., unix://...), "
                f"got {self.redis_url!r}"
            )

    def intervals(self) -> dict[str, float]:
        """Seconds between two slots, per class."""
        spread = 1.0 + self.headroom
        return {CREATE: spread / self.creates_per_second, OTHER: spread / self.others_per_second}

    def slots(self, key: str) -> Slots:
        """The slots of ``key``: in process, or on Redis with the in-process ones standing in."""
        local = _local_slots(key, self.intervals())
        if self.redis_url is None:
            return local
        return SharedSlots(self, key, local)


class Slots:
    """Reserves slots; ``reserve`` returns the seconds until the slot, or ``-seconds - 1`` for none within ``limit``."""

    def reserve(self, kind: str, limit: float) -> float:
        raise NotImplementedError

    async def areserve(self, kind: str, limit: float) -> float:
        return self.reserve(kind, limit)

    def close(self) -> None:
        """Releases the connections of the sync clients (the slots themselves stay valid)."""

    async def aclose(self) -> None:
        """Releases the connections of the running event loop's clients."""


class LocalSlots(Slots):
    """The slots of one process, for one key (thread-safe; the async clients' waits do not hold the lock)."""

    def __init__(self, intervals: Mapping[str, float]) -> None:
        self._intervals = dict(intervals)
        self._next = dict.fromkeys(intervals, 0.0)  # time.monotonic() of each class's next free slot
        self._lock = threading.Lock()

    def reserve(self, kind: str, limit: float) -> float:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next[kind])
            wait = slot - now
            if wait > limit:
                return -wait - 1.0
            self._next[kind] = slot + self._intervals[kind]
            return wait


_LOCAL: dict[tuple[str, tuple[tuple[str, float], ...]], LocalSlots] = {}
_LOCAL_LOCK = threading.Lock()


def _local_slots(key: str, intervals: Mapping[str, float]) -> LocalSlots:
    """One set of slots per key and rates in the process, whichever client asks."""
    name = (key, tuple(sorted(intervals.items())))
    with _LOCAL_LOCK:
        slots = _LOCAL.get(name)
        if slots is None:
            slots = _LOCAL[name] = LocalSlots(intervals)
        return slots


# Why a script of our own rather than `limits` or `pyrate-limiter`: both only answer "allowed now or not", so a
# worker that is refused sleeps and asks again, and whoever asks first after a slot frees takes it: no order among
# waiters (a worker can be overtaken again and again) and a round trip per retry. This script reserves the next
# free slot atomically on Redis's own clock (machines' clocks never compared) and answers how long to wait for it:
# one round trip per request, and slots handed out in the order they were asked for.
_RESERVE: Final = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local wait = slot - now
if wait > limit then
  return -1 - wait
end
redis.call('SET', KEYS[1], string.format('%.0f', slot + interval), 'PX', math.floor((wait + interval) / 1000) + 1000)
return wait
"""


class SharedSlots(Slots):
    """The slots of one key on Redis, with the in-process slots standing in while Redis cannot be reached."""

    def __init__(self, budget: RateBudget, key: str, fallback: LocalSlots) -> None:
        try:
            import redis
            import redis.asyncio
            from redis.asyncio.retry import Retry as AsyncRetry
            from redis.backoff import NoBackoff
            from redis.retry import Retry
        except ImportError:
            raise ConfigurationError(
                "a shared rate budget needs redis-py: pip install 'vonage-voice-client[redis]'"
            ) from None
        self._redis, self._redis_asyncio = redis, redis.asyncio
        self.url = budget.redis_url or ""
        # No retries inside redis-py (its default backs off for seconds): a failure falls back at once.
        self._options: dict[str, Any] = {
            "socket_timeout": budget.redis_timeout,
            "socket_connect_timeout": budget.redis_timeout,
            "retry": Retry(NoBackoff(), 0),
        }
        self._async_options = {**self._options, "retry": AsyncRetry(NoBackoff(), 0)}
        self._keys = {kind: f"vonage-voice-client:rate-budget:{key}:{kind}" for kind in budget.intervals()}
        self._micros = {kind: round(seconds * 1e6) for kind, seconds in budget.intervals().items()}
        self._fallback = fallback
        self._sync: Any = None
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        self._down_until = 0.0
        self._down = False
        self._lock = threading.Lock()

    def reserve(self, kind: str, limit: float) -> float:
        if time.monotonic() < self._down_until:
            return self._fallback.reserve(kind, limit)
        try:
            if self._sync is None:
                self._sync = self._redis.Redis.from_url(self.url, **self._options).register_script(_RESERVE)
            answer = self._sync(keys=[self._keys[kind]], args=self._args(kind, limit))
        except self._redis.RedisError as error:
            self._went_down(error)
            return self._fallback.reserve(kind, limit)
        self._came_back()
        return _seconds(answer)

    async def areserve(self, kind: str, limit: float) -> float:
        if time.monotonic() < self._down_until:
            return self._fallback.reserve(kind, limit)
        import asyncio

        loop = asyncio.get_running_loop()  # a redis.asyncio client belongs to the loop it first ran in
        try:
            script = self._async.get(loop)
            if script is None:
                client = self._redis_asyncio.Redis.from_url(self.url, **self._async_options)
                script = self._async[loop] = client.register_script(_RESERVE)
            answer = await script(keys=[self._keys[kind]], args=self._args(kind, limit))
        except self._redis.RedisError as error:
            self._went_down(error)
            return self._fallback.reserve(kind, limit)
        self._came_back()
        return _seconds(answer)

    def close(self) -> None:
        script, self._sync = self._sync, None  # a later reserve connects again
        if script is not None:
            script.registered_client.close()

    async def aclose(self) -> None:
        import asyncio

        script = self._async.pop(asyncio.get_running_loop(), None)
        if script is not None:
            await script.registered_client.aclose()

    def _args(self, kind: str, limit: float) -> list[int]:
        return [self._micros[kind], min(_FOREVER_US, math.ceil(limit * 1e6)) if limit < math.inf else _FOREVER_US]

    def _went_down(self, error: Exception) -> None:
        with self._lock:
            self._down_until = time.monotonic() + _REDIS_RETRY_AFTER
            first, self._down = not self._down, True
        if first:
            logger.warning(
                "rate budget: Redis at %s cannot be reached (%s: %s); pacing with this process's own budget "
                "until it answers again",
                _redacted(self.url),
                type(error).__name__,
                error,
            )

    def _came_back(self) -> None:
        if self._down:
            with self._lock:
                back, self._down = self._down, False
            if back:
                logger.warning(
                    "rate budget: Redis at %s answers again; the budget is shared again", _redacted(self.url)
                )


def _seconds(micros: Any) -> float:
    """The script's answer (microseconds; ``-1 - wait`` when refused) in the convention of ``Slots.reserve``."""
    value: int = int(micros)
    return value / 1e6 if value >= 0 else (value + 1) / 1e6 - 1.0


def _redacted(url: str) -> str:
    """The URL without its password."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


@lru_cache(maxsize=1)
def _classes() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    return tuple((method, re.compile(path), kind) for method, path, kind in RATE_CLASSES)


def rate_class(request: httpx.Request) -> str:
    """``create`` or ``other``: the limit this request counts against, from the spec's ``x-vvc-rate``."""
    path = request.url.path
    for method, pattern, kind in _classes():
        if method == request.method and pattern.search(path):
            return kind
    return OTHER


def _limit(request: httpx.Request) -> tuple[float, str]:
    """The longest a request may wait for its slot, and what bounds it."""
    pool = request.extensions.get("timeout", {}).get("pool")
    limit, why = (math.inf, "") if pool is None else (float(pool), f"the pool timeout of {pool:g} s")
    deadline = DEADLINE.get()
    if deadline is not None and deadline.at - time.monotonic() < limit:
        limit, why = max(0.0, deadline.at - time.monotonic()), deadline.message().replace(" passed", "")
    return limit, why


def _refused(request: httpx.Request, kind: str, answer: float, why: str) -> httpx.PoolTimeout:
    what = "call creation" if kind == CREATE else "request"
    return httpx.PoolTimeout(
        f"rate budget: the next free slot for a {what} is {-answer - 1.0:.2f} s away, past {why}; "
        "the request was not sent",
        request=request,
    )


class PacedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Waits for a slot of the request's class, then sends it through the transport below (the retries)."""

    def __init__(
        self,
        slots: Slots,
        *,
        sync_transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.slots = slots
        self._sync = sync_transport
        self._async = async_transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._sync is None:
            raise RuntimeError("this transport was built for async use only")
        kind = rate_class(request)
        limit, why = _limit(request)
        wait = self.slots.reserve(kind, limit)
        if wait < 0:
            raise _refused(request, kind, wait, why)
        if wait > 0:
            time.sleep(wait)
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._async is None:
            raise RuntimeError("this transport was built for sync use only")
        kind = rate_class(request)
        limit, why = _limit(request)
        wait = await self.slots.areserve(kind, limit)
        if wait < 0:
            raise _refused(request, kind, wait, why)
        if wait > 0:
            import asyncio

            await asyncio.sleep(wait)
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()
            self.slots.close()  # the Redis connection of a shared budget, with the HTTP ones

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()
            await self.slots.aclose()
