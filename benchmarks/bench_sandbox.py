"""Sandbox throughput on loopback: requests per second for getCall (GET) and createCall (POST).

The sandbox runs as ``make sandbox`` runs it, in its own process (``python -m vonage_voice_sandbox``: uvicorn,
one worker, on a virtual clock so that no ticker competes), and this process drives it with ``CONCURRENCY`` keep-alive
connections. Every request is fully checked: JWT signature, spec validation, state, and for POST an event logged.

Run it with ``PYTHONPATH=src python benchmarks/bench_sandbox.py``; ``make bench`` imports :func:`run`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import jwt

CONCURRENCY = 4
DURATION = 3.0  # seconds per measurement
WARM_UP = 0.5
CALL = {
    "to": [{"type": "phone", "number": "14155550100"}],
    "from": {"type": "phone", "number": "14155550101"},
    "ncco": [{"action": "talk", "text": "Hello from the benchmark"}],
}


@dataclass(frozen=True)
class Served:
    base_url: str
    headers: dict[str, str]  # Authorization for the API
    pid: int  # the sandbox's process, for its memory


@contextmanager
def served_sandbox_process() -> Iterator[Served]:
    """Start the CLI on a free port (virtual clock); yield where it serves, a JWT header and its process id."""
    command = [sys.executable, "-m", "vonage_voice_sandbox", "--port", "0", "--virtual-clock"]
    command += ["--log-level", "error"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    try:
        exports = _exports(process)
        pem = Path(exports["VONAGE_PRIVATE_KEY_PATH"]).read_bytes()
        now = int(time.time())
        claims = {"application_id": exports["VONAGE_APPLICATION_ID"], "iat": now, "exp": now + 3600}
        claims["jti"] = str(uuid.uuid4())
        headers = {"Authorization": f"Bearer {jwt.encode(claims, pem, algorithm='RS256')}"}
        yield Served(exports["VONAGE_BASE_URL"], headers, process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


@contextmanager
def served_sandbox() -> Iterator[tuple[str, dict[str, str]]]:
    """Start the CLI on a free port; yield its base URL and an Authorization header."""
    with served_sandbox_process() as served:
        yield served.base_url, served.headers


def _exports(process: subprocess.Popen[str]) -> dict[str, str]:
    exports: dict[str, str] = {}
    assert process.stdout is not None
    while "VONAGE_BASE_URL" not in exports:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox did not start")
        if "export " in line:
            name, _, value = line.strip().removeprefix("export ").partition("=")
            exports[name] = value
    return exports


async def _rate(client: httpx.AsyncClient, method: str, path: str, body: object | None, expected: int) -> float:
    """Requests per second over DURATION, after a warm-up, with CONCURRENCY requests in flight."""

    async def worker(until: float, counts: list[int]) -> None:
        while time.perf_counter() < until:
            response = await client.request(method, path, json=body)
            if response.status_code != expected:
                raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:200]}")
            counts.append(1)

    warm: list[int] = []
    await asyncio.gather(*(worker(time.perf_counter() + WARM_UP, warm) for _ in range(CONCURRENCY)))
    counts: list[int] = []
    started = time.perf_counter()
    await asyncio.gather(*(worker(started + DURATION, counts) for _ in range(CONCURRENCY)))
    return len(counts) / (time.perf_counter() - started)


async def _measure(base_url: str, headers: dict[str, str]) -> dict[str, float]:
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, trust_env=False) as client:
        created = await client.post("/v1/calls", json=CALL)
        call_uuid = created.json()["uuid"]
        get_rps = await _rate(client, "GET", f"/v1/calls/{call_uuid}", None, 200)
        post_rps = await _rate(client, "POST", "/v1/calls", CALL, 201)
    return {"sandbox_rps_get": round(get_rps, 1), "sandbox_rps_post": round(post_rps, 1)}


def run() -> dict[str, float]:
    with served_sandbox() as (base_url, headers):
        return asyncio.run(_measure(base_url, headers))


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
