"""Retries, below authentication: a transport that re-sends a request when doing so cannot duplicate an effect.

The rule is decided by effect, not by HTTP verb, and declared in the spec: each operation (and each updateCall
action) is ``repeatable`` or ``once`` (overlays/29-retry-rules.yaml, turned into ``_retry_rules.py`` by
`make generate`). This module applies the table without naming any operation:
* every request is re-sent on 429 (the API refused it unprocessed) and when the connection was never made;
* a ``repeatable`` request (reads, stops, mute/earmuff switches) is also re-sent on 502, 503, 504 and after any
  network failure;
* a ``once`` request (create, talk, stream, DTMF, DTMF subscription, transfer, hangup), or one the table does not
  know, is never re-sent once it may have reached the server: a second copy would repeat its effect (a PIN typed
  twice) or turn its success into an error (a second hangup).
* Retry-After (seconds or an HTTP date) is honoured up to ``max_retry_after``, never shorter than the capped
  exponential backoff with jitter used without it. ``max_retries=0`` disables retries.
* Under a deadline (``connect(deadline=...)``, ``client.deadline(...)``), no attempt starts after it and no wait
  would end past it: the last outcome is final instead.

Why our own transport rather than httpx-retries: its policy decides on the method and status code, without seeing
the path or body, so it cannot tell a mute (safe to repeat) from a transfer (not) on the same PUT.

Each attempt is logged at DEBUG on the ``vonage_voice_client`` logger: method, path, status, time, trace id and
attempt number. Headers are never logged, so no token is.
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import lru_cache

import httpx

from ._retry_rules import RETRY_RULES
from ._wire import DEADLINE, bound_timeouts, fits
from .errors import TRACE_HEADER, parse_retry_after

logger = logging.getLogger("vonage_voice_client")

REPEATABLE = "repeatable"
RETRY_STATUSES = frozenset({502, 503, 504})  # retried for repeatable requests; 429 is retried for all
# Raised before a single byte of the request left this machine: safe to retry even for POST.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors about the request itself, not the network: retrying cannot help.
NEVER_RETRY_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
    httpx.ProxyError,
)


async def _asyncio_sleep(seconds: float) -> None:
    # asyncio is imported at the first async retry, not with the package (12 ms of a cold import for sync users).
    import asyncio

    await asyncio.sleep(seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before re-sending. Immutable; shared by the sync and async clients."""

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=_asyncio_sleep, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.max_retries, int) or isinstance(self.max_retries, bool) or self.max_retries < 0:
            raise ValueError(f"max_retries must be an integer >= 0, not {self.max_retries!r}")

    def retries_status(self, rule: str, status: int) -> bool:
        return status == 429 or (rule == REPEATABLE and status in RETRY_STATUSES)

    def retries_error(self, rule: str, error: httpx.TransportError) -> bool:
        if isinstance(error, NEVER_RETRY_ERRORS):
            return False
        return rule == REPEATABLE or isinstance(error, NOT_SENT_ERRORS)

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Seconds to wait before attempt ``attempt + 1``."""
        ceiling: float = min(self.backoff_cap, self.backoff_base * 2.0 ** (attempt - 1))
        # "Equal jitter": never less than half the step, so retries stay spaced out, never in lockstep.
        backoff = ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311 - jitter, not cryptography
        retry_after = None if response is None else parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is None:  # absent, or nonsense (nan, inf, -5): the server gave no usable wait
            return backoff
        # Retry-After says "not before", so it is a floor, capped at max_retry_after; the backoff still applies
        # (as Stripe's Python client does): a past date or 0 must not make every client retry at once.
        return max(min(retry_after, self.max_retry_after), backoff)


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wraps the real transports; one instance serves a sync client, an async client, or both."""

    def __init__(
        self,
        policy: RetryPolicy,
        *,
        sync_transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.policy = policy
        self._sync = sync_transport
        self._async = async_transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._sync is None:
            raise RuntimeError("this transport was built for async use only")
        attempt, deadline = 1, DEADLINE.get()
        while True:
            if deadline is not None:
                bound_timeouts(request, deadline)
            started = time.perf_counter()
            try:
                response = self._sync.handle_request(request)
            except httpx.TransportError as error:
                delay = self._next_delay(request, attempt, started, error=error)
                if delay is None:
                    raise
            else:
                delay = self._next_delay(request, attempt, started, response=response)
                if delay is None:
                    return response
                response.close()
            self.policy.sleep(delay)
            attempt += 1

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._async is None:
            raise RuntimeError("this transport was built for sync use only")
        attempt, deadline = 1, DEADLINE.get()
        while True:
            if deadline is not None:
                bound_timeouts(request, deadline)
            started = time.perf_counter()
            try:
                response = await self._async.handle_async_request(request)
            except httpx.TransportError as error:
                delay = self._next_delay(request, attempt, started, error=error)
                if delay is None:
                    raise
            else:
                delay = self._next_delay(request, attempt, started, response=response)
                if delay is None:
                    return response
                await response.aclose()
            await self.policy.async_sleep(delay)
            attempt += 1

    def _next_delay(
        self,
        request: httpx.Request,
        attempt: int,
        started: float,
        *,
        response: httpx.Response | None = None,
        error: httpx.TransportError | None = None,
    ) -> float | None:
        """Log the attempt; return the wait before the next one, or None when this outcome is final."""
        _log(request, attempt, started, response=response, error=error)
        if attempt > self.policy.max_retries:
            return None
        if response is not None and response.status_code != 429 and response.status_code not in RETRY_STATUSES:
            return None  # a final answer (a success, a 4xx): no rule to look up, no body to read
        rule = retry_rule(request)
        if response is not None:
            again = self.policy.retries_status(rule, response.status_code)
        else:
            again = error is not None and self.policy.retries_error(rule, error)
        if not again:
            return None
        delay = self.policy.delay(attempt, response)
        return delay if fits(delay) else None

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()


_Compiled = tuple[str, re.Pattern[str], str, str | None, dict[str, str]]


@lru_cache(maxsize=1)
def _rules() -> tuple[_Compiled, ...]:
    return tuple((method, re.compile(path), rule, field, values) for method, path, rule, field, values in RETRY_RULES)


def retry_rule(request: httpx.Request) -> str:
    """``repeatable`` or ``once`` for this request, from the spec's rule table (``once`` when it has no rule)."""
    path = request.url.path
    for method, pattern, rule, field_name, by_value in _rules():
        if method == request.method and pattern.search(path):
            if field_name is None:
                return rule
            return by_value.get(_body_field(request, field_name) or "", "once")
    return "once"


def _body_field(request: httpx.Request, name: str) -> str | None:
    try:
        body = json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return None
    value = body.get(name) if isinstance(body, dict) else None
    return value if isinstance(value, str) else None


def _log(
    request: httpx.Request,
    attempt: int,
    started: float,
    *,
    response: httpx.Response | None = None,
    error: Exception | None = None,
) -> None:
    if not logger.isEnabledFor(logging.DEBUG):
        return
    elapsed_ms = (time.perf_counter() - started) * 1000
    outcome = str(response.status_code) if response is not None else type(error).__name__
    trace = response.headers.get(TRACE_HEADER) if response is not None else None
    logger.debug(
        "%s %s -> %s in %.1f ms (attempt %d, trace id %s)",
        request.method,
        request.url.path,
        outcome,
        elapsed_ms,
        attempt,
        trace,
    )
