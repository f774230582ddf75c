"""An account's rate budget shared through Redis: N worker processes creating calls as fast as they can.

The sandbox runs as ``python -m vonage_voice_sandbox --rate-limits 30,60`` (its limit on call creations raised from
Vonage's 3 a second to 30, so that a run is short), a real ``redis-server`` on loopback holds the budget, and N
processes (4, then 8) each create calls in a loop for ``SECONDS``, with no retries so that every 429 is counted.
With the shared budget (its default 5 % headroom), the throughput is the calls created within the run per second
over the limit; without it, the same workers each on their own, as this client was before. The workers are
tests/support/rate_workers.py, as the tests use them.

Run it with ``python -m benchmarks.bench_rate_budget``; ``make bench`` imports :func:`run`.
"""

from __future__ import annotations

import time
import uuid
from typing import Final

from tests.support.rate_workers import WorkerResult, Workers, sandbox_cli
from tests.support.redis_server import running_redis

CREATES: Final = 30  # the sandbox's limit on call creations per second, and the budget's
OTHERS: Final = 60
SECONDS: Final = 4.0
COUNTS: Final = (4, 8)


def _within(results: list[WorkerResult], start: float, end: float) -> int:
    return sum(1 for result in results for at in result.created if start <= at <= end)


def run() -> dict[str, float]:
    figures: dict[str, float] = {"rate_budget_limit": CREATES}
    with running_redis() as redis, sandbox_cli(f"{CREATES},{OTHERS}") as sandbox:
        for count in COUNTS:
            with Workers(sandbox, count) as workers:
                budget = {"creates_per_second": CREATES, "others_per_second": OTHERS, "redis_url": redis.url}
                shared = workers.run(seconds=SECONDS, budget=budget, budget_key=f"bench-{uuid.uuid4()}")
                start = shared[0].started
                figures[f"rate_budget_ratio_{count}"] = _within(shared, start, start + SECONDS) / SECONDS / CREATES
                figures[f"rate_budget_429_{count}"] = sum(len(result.limited) for result in shared)
                figures[f"rate_budget_errors_{count}"] = sum(len(result.errors) for result in shared)
                time.sleep(1.1)  # the sandbox's sliding second forgets the run above
                alone = workers.run(seconds=SECONDS, budget=None)
                start = alone[0].started
                figures[f"rate_alone_ratio_{count}"] = _within(alone, start, start + SECONDS) / SECONDS / CREATES
                figures[f"rate_alone_429_{count}"] = sum(len(result.limited) for result in alone)
                time.sleep(1.1)
    return figures


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value:g}")
