"""What a long-running sandbox costs in memory: RSS growth over many calls, and the size of the admin listings.

The sandbox runs as ``make sandbox`` runs it (``python -m vonage_voice_sandbox``, one uvicorn worker), on a virtual
clock that this process advances after each batch of calls, so that they complete and the oldest ended ones can be
forgotten (``Limits.max_calls``). Memory is the sandbox process's resident set (``VmRSS`` in ``/proc``, Linux only;
elsewhere the figures are null), measured after a warm-up batch, halfway and at the end: with every store bounded,
the second half adds next to nothing. The admin listings are measured as the bytes of their first page.

Run it with ``PYTHONPATH=src python -m benchmarks.bench_sandbox_memory``; ``make bench`` imports :func:`run`.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Final

import httpx

from .bench_sandbox import CALL, Served, served_sandbox_process

CALLS: Final = 50_000  # as many as the issue that bounded the stores measured (RSS +230 MB then)
BATCH: Final = 1_000
CONCURRENCY: Final = 8
ADVANCE: Final = {"seconds": 60}  # long enough for every call of a batch to complete


def rss_mb(pid: int) -> float | None:
    """The resident set of process ``pid`` in MB, or None where /proc does not say."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


async def _batch(client: httpx.AsyncClient, count: int) -> None:
    remaining = [count]

    async def worker() -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            response = await client.post("/v1/calls", json=CALL)
            if response.status_code != 201:
                raise RuntimeError(f"POST /v1/calls: {response.status_code} {response.text[:200]}")

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    (await client.post("/_sandbox/clock/advance", json=ADVANCE)).raise_for_status()


async def _measure(served: Served) -> dict[str, float | None]:
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(
        base_url=served.base_url, headers=served.headers, limits=limits, trust_env=False, timeout=60
    ) as client:
        await _batch(client, BATCH)  # warm-up: imports, caches, the first pages of memory
        baseline = rss_mb(served.pid)
        half: float | None = None
        started = time.perf_counter()
        for done in range(BATCH, CALLS + 1, BATCH):
            await _batch(client, BATCH)
            if done == CALLS // 2:
                half = rss_mb(served.pid)
        elapsed = time.perf_counter() - started
        final = rss_mb(served.pid)
        kept = (await client.get("/v1/calls", params={"page_size": 1})).json()["count"]
        calls_page = await client.get("/_sandbox/calls")
        events_page = await client.get("/_sandbox/events")
        info = (await client.get("/_sandbox/info")).json()
    return {
        "sandbox_memory_calls": float(CALLS),
        "sandbox_memory_calls_per_s": round(CALLS / elapsed, 1),
        "sandbox_rss_baseline_mb": _rounded(baseline),
        "sandbox_rss_growth_mb": _growth(final, baseline),
        "sandbox_rss_growth_half_mb": _growth(half, baseline),
        "sandbox_calls_kept": float(kept),
        "sandbox_max_calls": float(info["limits"]["max_calls"]),
        "sandbox_admin_calls_page_kb": round(len(calls_page.content) / 1024, 1),
        "sandbox_admin_events_page_kb": round(len(events_page.content) / 1024, 1),
        "sandbox_admin_page_size": float(info["limits"]["admin_page_size"]),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _growth(value: float | None, baseline: float | None) -> float | None:
    return None if value is None or baseline is None else round(value - baseline, 1)


def run() -> dict[str, float | None]:
    with served_sandbox_process() as served:
        return asyncio.run(_measure(served))


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
