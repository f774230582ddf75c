"""Four worker processes creating calls as fast as they can against ``python -m vonage_voice_sandbox --rate-limits``,
the account's budget shared on a real Redis: no 429 and every call created; without the budget, 429s. With Redis
frozen mid-run, the workers go on at their own in-process rate: no request hangs, each warns once.

The sandbox's limits are raised (30 call creations a second) so that a run takes 2 s. The budget keeps 20 % headroom
here, where four processes and the sandbox share a busy CI machine: a request delayed more than the next one on its
way to the server narrows their gap, and the sandbox counts over an exact sliding second.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.rate_workers import WorkerResult, Workers, sandbox_cli
from tests.support.redis_server import RedisServer, running_redis

WORKERS = 4
CREATES = 30  # per second, the sandbox's limit and the budget's
SECONDS = 2.0
PACE = CREATES / 1.2  # the budget's slots a second, headroom taken off


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    with sandbox_cli(f"{CREATES},60") as cli, Workers(cli, WORKERS) as started:
        yield started


def budget(redis_url: str) -> dict[str, Any]:
    return {"creates_per_second": CREATES, "others_per_second": 60, "headroom": 0.2, "redis_url": redis_url}


def created(results: list[WorkerResult]) -> int:
    return sum(len(result.created) for result in results)


def test_a_shared_budget_keeps_every_worker_under_the_limit(workers: Workers, redis_server: RedisServer) -> None:
    shared = workers.run(seconds=SECONDS, budget=budget(redis_server.url), budget_key=_key())
    assert [result.errors for result in shared] == [[]] * WORKERS
    assert [len(result.limited) for result in shared] == [0] * WORKERS  # no 429: every call asked for was created
    assert created(shared) >= 0.8 * PACE * SECONDS, created(shared)
    assert min(len(result.created) for result in shared) >= 0.5 * created(shared) / WORKERS  # fair: none starved

    time.sleep(1.1)  # the sandbox's window forgets the run above
    alone = workers.run(seconds=SECONDS, budget=None)
    assert sum(len(result.limited) for result in alone) > 0  # the same workers without the budget hit the wall


def test_when_redis_freezes_the_workers_go_on_at_their_own_rate(workers: Workers) -> None:
    seconds, frozen_after = 3.0, 1.0
    with running_redis() as redis:

        def freeze(start_at: float) -> None:
            time.sleep(max(0.0, start_at + frozen_after - time.time()))
            redis.pause()  # accepts connections, never answers: only the short socket timeouts save the workers

        time.sleep(1.1)
        started = time.monotonic()
        results = workers.run(seconds=seconds, budget=budget(redis.url), budget_key=_key(), during=freeze)
        assert time.monotonic() - started < seconds + 5  # no worker hung
    for result in results:
        assert result.errors == []
        assert result.finished - result.started < seconds + 1.0  # the last request did not hang either
        assert [message for message in result.warnings if "cannot be reached" in message] == [result.warnings[0]]
        assert len(result.warnings) == 1, result.warnings
        # Each worker alone now, at the in-process pace (429s from the sandbox, four workers sharing its 30 a
        # second): going on, never unlimited. A try of the frozen Redis each second costs its 0.25 s timeout.
        frozen_at = result.started + frozen_after + 0.5
        span = result.finished - frozen_at
        attempts = [at for at in result.attempts if at > frozen_at]
        assert 0.5 * PACE * span <= len(attempts) <= PACE * span + 2, (len(attempts), span)


def _key() -> str:
    return f"test-{uuid.uuid4()}"  # a budget of its own, not one a previous run left slots in
