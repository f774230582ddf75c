"""Injected faults and the API's rate limits; both off unless asked for.

A fault rule matches API requests by method and path (a glob) and does one or more of: wait (``latency``), answer
with an error status (429/500/502/503/504, with ``Retry-After`` for 429 and 503), or drop the connection
(``drop: "before"`` the request is handled, or ``"after"``: the request takes effect and the answer is lost).
``after`` lets that many matching requests through first; ``count`` is how many it then applies to (null: all).

Rate limits are the API's (Vonage's API errors page): 3 POST requests per second and 15 other requests per
second, over a sliding one-second window of wall-clock time; a request over the limit gets 429 and is not counted.
Tests and benchmarks may set other rates (``rate_limits=(creates, others)``), to reach the limit in less time.
"""

from __future__ import annotations

import fnmatch
import itertools
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Final

__all__ = ["API_RATE_LIMITS", "FaultRule", "FaultSet", "RateLimiter", "RateLimits", "parse_rate_limits", "rate_limiter"]

RateLimits = tuple[int, int]  # POST (call creations) and other requests per second
API_RATE_LIMITS: Final[RateLimits] = (3, 15)
FAULT_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
MAX_LATENCY: Final = 60.0
_FIELDS: Final = frozenset({"method", "path", "status", "retry_after", "latency", "drop", "count", "after"})


@dataclass
class FaultRule:
    method: str = "*"
    path: str = "*"
    status: int | None = None
    retry_after: int | None = None
    latency: float = 0.0
    drop: str | None = None
    count: int | None = 1
    after: int = 0
    id: int = 0
    matched: int = 0  # matching requests seen
    applied: int = 0  # of which the rule acted on

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FaultRule:
        """A rule from JSON; raises ``ValueError`` naming the first field that is wrong."""
        if not isinstance(data, Mapping):
            raise ValueError("a fault rule is a JSON object")
        unknown = sorted(set(data) - _FIELDS)
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r}; fields are {', '.join(sorted(_FIELDS))}")
        rule = cls(
            method=_text(data, "method", "*").upper(),
            path=_text(data, "path", "*"),
            status=_integer(data, "status", None),
            retry_after=_integer(data, "retry_after", None),
            latency=_seconds(data.get("latency", 0.0)),
            drop=data.get("drop"),
            count=_integer(data, "count", 1),
            after=_integer(data, "after", 0) or 0,
        )
        rule.check()
        return rule

    def check(self) -> None:
        if self.status is not None and self.status not in FAULT_STATUSES:
            raise ValueError(f"status must be one of {sorted(FAULT_STATUSES)}")
        if self.drop not in (None, "before", "after"):
            raise ValueError("drop must be 'before' or 'after'")
        if self.status is None and self.drop is None and not self.latency:
            raise ValueError("a rule needs status, latency or drop")
        if self.status is not None and self.drop is not None:
            raise ValueError("a rule answers with a status or drops the connection, not both")
        if self.retry_after is not None and not 0 <= self.retry_after <= 3600:
            raise ValueError("retry_after must be 0..3600 seconds")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1, or null for every matching request")
        if self.after < 0:
            raise ValueError("after must not be negative")

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method.upper()) and fnmatch.fnmatchcase(path, self.path)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class FaultSet:
    """The active rules (at most ``max_rules``); the first rule that matches a request and still has uses left acts
    on it."""

    def __init__(self, rules: Iterable[FaultRule | Mapping[str, Any]] = (), max_rules: int = 100) -> None:
        self._rules: list[FaultRule] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.max_rules = max_rules
        self.add_all(rules)

    def add(self, rule: FaultRule | Mapping[str, Any]) -> FaultRule:
        return self.add_all([rule])[0]

    def add_all(self, rules: Iterable[FaultRule | Mapping[str, Any]]) -> list[FaultRule]:
        """Add every rule, or none: raises ``ValueError`` for the first invalid one, or when they would exceed
        ``max_rules``."""
        parsed = [rule if isinstance(rule, FaultRule) else FaultRule.from_dict(rule) for rule in rules]
        for rule in parsed:
            rule.check()
        with self._lock:
            if len(self._rules) + len(parsed) > self.max_rules:
                raise ValueError(
                    f"{len(self._rules)} rules are active and {len(parsed)} more would exceed the limit of "
                    f"{self.max_rules} (Limits.max_fault_rules): DELETE /_sandbox/faults first"
                )
            for rule in parsed:
                rule.id = next(self._ids)
                self._rules.append(rule)
        return parsed

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def take(self, method: str, path: str) -> FaultRule | None:
        """The rule that acts on this request, if any (counting it as used)."""
        with self._lock:
            for rule in self._rules:
                if not rule.matches(method, path):
                    continue
                rule.matched += 1
                if rule.matched <= rule.after:
                    continue
                if rule.count is not None and rule.applied >= rule.count:
                    continue
                rule.applied += 1
                return rule
        return None


class RateLimiter:
    """The API's per-second limits: ``check()`` returns None, or the seconds to wait before retrying."""

    def __init__(
        self, post_per_second: int = 3, other_per_second: int = 15, wall_clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limits = {"POST": post_per_second, "other": other_per_second}
        self._hits: dict[str, deque[float]] = {"POST": deque(), "other": deque()}
        self._now = wall_clock
        self._lock = threading.Lock()

    def check(self, method: str) -> int | None:
        kind = "POST" if method.upper() == "POST" else "other"
        now = self._now()
        with self._lock:
            hits = self._hits[kind]
            while hits and hits[0] <= now - 1.0:
                hits.popleft()
            if len(hits) >= self._limits[kind]:
                return max(1, math.ceil(hits[0] + 1.0 - now))
            hits.append(now)
        return None


def rate_limiter(rate_limits: bool | RateLimits) -> RateLimiter | None:
    """The limiter ``create_app(rate_limits=...)`` asks for: None (False), the API's (True), or these rates."""
    if rate_limits is False:
        return None
    posts, others = API_RATE_LIMITS if rate_limits is True else _check_rates(rate_limits)
    return RateLimiter(posts, others)


def parse_rate_limits(text: str) -> RateLimits:
    """``"CREATES,OTHERS"`` (``--rate-limits 30,60``) as two whole numbers of requests per second."""
    parts = text.split(",")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        raise ValueError(f"rate limits are CREATES,OTHERS per second, two whole numbers such as 3,15; got {text!r}")
    return _check_rates((int(parts[0]), int(parts[1])))


def _check_rates(rates: object) -> RateLimits:
    if (
        not isinstance(rates, tuple)
        or len(rates) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in rates)
    ):
        raise ValueError(f"rate_limits is True, False or (creates, others) per second, each at least 1; got {rates!r}")
    return rates[0], rates[1]


def _text(data: Mapping[str, Any], name: str, default: str) -> str:
    value = data.get(name, default)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    return value


def _integer(data: Mapping[str, Any], name: str, default: int | None) -> int | None:
    value = data.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_LATENCY:
        raise ValueError(f"latency must be a number of seconds from 0 to {MAX_LATENCY:g}")
    return float(value)
