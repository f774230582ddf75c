"""Waiting for a call to be answered before acting on it.

Call control (talk, stream, DTMF, mute, earmuff, transfer) succeeds only on an answered call: a run that does not
wait meets calls that still ring, and checks nothing but their refusals. A wait polls ``GET /v1/calls/{uuid}``
until the call is answered, or has ended (it never will be), or the wait runs out of time or polls; a 429 is
honoured (its Retry-After, within the same bounds). On a sandbox with a virtual clock (in process, or served with
one, as ``/_sandbox/info`` says) the clock is moved a second at a time between polls instead of sleeping, so the wait
costs no real time and is the same on every run.

The polls are not cases: no check runs on them and the summary does not count them (it counts the waits).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote

from .guard import CALLS_PATH
from .targets import Target
from .types import StCase

ANSWERED: Final = "answered"
RINGING: Final = frozenset({"started", "ringing"})  # not answered yet, but may be
POLL_INTERVAL: Final = 0.25  # seconds between polls of a served sandbox (it answers 4 s after the call is made)
LIVE_POLL_INTERVAL: Final = 1.0  # a live API: a person picks up in seconds, and polls count against rate limits
VIRTUAL_STEP: Final = 1.0  # seconds a virtual clock moves between polls
VIRTUAL_LIMIT: Final = 20  # virtual steps at most: every sandbox call is answered 4 s after it is made, or never
MAX_RETRY_AFTER: Final = 10.0  # a longer Retry-After is cut to this (the wait's own deadline still holds)


@dataclass(frozen=True)
class Waited:
    uuid: str
    status: str | None  # the last status seen; None: no record (404, or not JSON), or only 429s
    polls: int
    seconds: float  # real time spent sleeping between polls (none on a virtual clock)

    @property
    def answered(self) -> bool:
        return self.status == ANSWERED

    def describe(self) -> str:
        seen = self.status or "no record"
        waited = f" and {self.seconds:.1f} s" if self.seconds else ""
        return f"call {self.uuid} not answered after {self.polls} polls{waited} (last status: {seen})"


def wait_for_answer(
    target: Target,
    uuid: str,
    *,
    budget: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Waited:
    """Poll the call until it is answered, has ended, or the wait is over (``budget`` seconds of real time,
    ``target.wait_budget`` unless given; a bounded number of polls either way)."""
    budget = target.wait_budget if budget is None else budget
    interval = POLL_INTERVAL if target.is_sandbox else LIVE_POLL_INTERVAL
    limit = VIRTUAL_LIMIT + 1 if target.advance is not None else math.ceil(budget / interval) + 1
    started = clock()
    status: str | None = None
    polls, slept = 0, 0.0
    while polls < limit:
        polls += 1
        code, headers, payload = target.api_get(f"{CALLS_PATH}/{quote(uuid, safe='')}")
        pause = interval
        if code == 429:
            pause = retry_after(headers, interval)
        else:
            status = payload.get("status") if code == 200 and isinstance(payload, dict) else None
            if status not in RINGING:  # answered, ended, or no such call: waiting will not change it
                break
            if polls == limit:
                break
            if target.advance is not None:
                target.advance(VIRTUAL_STEP)
                continue
        remaining = budget - (clock() - started)
        if remaining <= 0:
            break
        sleep(min(pause, remaining))
        slept += min(pause, remaining)
    return Waited(uuid, status, polls, slept)


def retry_after(headers: dict[str, Any], default: float) -> float:
    """The seconds a 429's Retry-After asks for (delta-seconds; a date or nonsense counts as ``default``)."""
    value = next((str(v) for k, v in headers.items() if str(k).lower() == "retry-after"), "")
    try:
        seconds = float(value)
    except ValueError:
        return default
    return min(max(seconds, 0.0), MAX_RETRY_AFTER) if math.isfinite(seconds) else default


def needs_answer(case: StCase) -> bool:
    """Whether ``case`` can only succeed on an answered call: a positive write to one call (``{uuid}``), except a
    hangup, which also cancels a call that still rings."""
    if case.method.upper() == "GET" or "{uuid}" not in case.path:
        return False
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return False  # refused for its data whatever the call's status
    body = case.body if isinstance(case.body, dict) else {}
    return body.get("action") != "hangup"


def call_of(case: StCase) -> str | None:
    uuid = case.path_parameters.get("uuid") if isinstance(case.path_parameters, dict) else None
    return uuid if isinstance(uuid, str) and uuid else None
