"""Clocks for call state: real time when served, a virtual clock that tests move by hand.

Only call progress (statuses, NCCO timing, timestamps in records and events) follows this clock. JWT checks, rate
limits and webhook signatures always use the wall clock, because clients sign tokens with real time.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

__all__ = ["AdvanceableClock", "Clock", "RealClock", "VirtualClock", "format_time"]


@runtime_checkable
class Clock(Protocol):
    """Anything with ``now()``, Unix seconds as a float."""

    def now(self) -> float: ...


@runtime_checkable
class AdvanceableClock(Clock, Protocol):
    """A clock that ``POST /_sandbox/clock/advance`` can move."""

    def advance(self, seconds: float) -> float: ...


class RealClock:
    """Wall-clock time."""

    def now(self) -> float:
        return time.time()


class VirtualClock:
    """Time that moves only when :meth:`advance` is called; starts at ``start`` (default: the current time)."""

    def __init__(self, start: float | None = None) -> None:
        self._now = time.time() if start is None else float(start)
        self._lock = threading.Lock()  # tests may advance it from another thread than the server's

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move forward by ``seconds`` (>= 0) and return the new time."""
        if not seconds >= 0:  # also refuses NaN
            raise ValueError(f"a clock only moves forward; got {seconds!r} seconds")
        with self._lock:
            self._now += seconds
            return self._now

    def __repr__(self) -> str:
        return f"VirtualClock(now={format_time(self._now)})"


def format_time(seconds: float) -> str:
    """RFC 3339 UTC with milliseconds, the API's format: ``2024-04-19T01:34:18.000Z``."""
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
