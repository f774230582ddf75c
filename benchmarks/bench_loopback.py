"""Against the sandbox over loopback (uvicorn in a process of its own): latency per GET, and async throughput.

* ``loopback_ratio_get``: sequential ``GET /v1/calls/{uuid}``, ``get_call.sync`` on our client over raw
  ``httpx.Client.get`` + ``json.loads`` with a ready bearer token (the in-memory floor, now with a real server).
* ``async_throughput_ratio``: 2,000 ``GET /v1/calls/{uuid}`` at concurrency 50 (50 tasks sharing one client),
  ``get_call.asyncio`` on our client over raw ``httpx.AsyncClient``; both with the same connection limits (50, all
  kept alive), both warmed up first so every connection is open. Requests per second, ours over raw (higher is
  better). The client process's CPU time per request is recorded beside it, to tell a client-bound run from a
  server-bound one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Final

import httpx
from cryptography.hazmat.primitives import serialization
from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.models import CreateCallRequestNcco

from vonage_voice_client import VoiceClient, connect

from ._common import CREATE_CALL_REQUEST, median, paired_ratio, per_call_us, rsa_key, side_by_side
from ._sandbox_process import SandboxEndpoint, sandbox_process

SEQUENTIAL_REQUESTS: Final = 80
SEQUENTIAL_ROUNDS: Final = 15
ASYNC_REQUESTS: Final = 2_000
CONCURRENCY: Final = 50
ASYNC_ROUNDS: Final = 5
LIMITS: Final = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)

Request = Callable[[], Awaitable[object]]


def credentials() -> tuple[str, bytes]:
    pem = rsa_key().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return str(uuid.uuid4()), pem


@contextlib.contextmanager
def sandbox() -> Iterator[SandboxEndpoint]:
    application_id, pem = credentials()
    with sandbox_process(application_id, pem) as endpoint:
        yield endpoint


def our_client(endpoint: SandboxEndpoint) -> VoiceClient:
    return connect(
        application_id=endpoint.application_id,
        private_key=endpoint.private_key_pem,
        base_url=endpoint.base_url,
        limits=LIMITS,
    )


def new_call(client: VoiceClient) -> str:
    """Create a call in the sandbox (so that GET has something to read) and return its UUID."""
    created = create_call.sync(client=client, body=CreateCallRequestNcco.from_dict(CREATE_CALL_REQUEST))
    return str(created.uuid)


def sequential(endpoint: SandboxEndpoint) -> dict[str, float]:
    with our_client(endpoint) as ours, httpx.Client(base_url=endpoint.base_url, limits=LIMITS) as raw:
        call = new_call(ours)
        auth = {"Authorization": f"Bearer {ours.auth.token()}"}

        def ours_get() -> object:
            return get_call.sync(call, client=ours)

        def raw_get() -> object:
            return json.loads(raw.get(f"/v1/calls/{call}", headers=auth).raise_for_status().content)

        times = side_by_side(
            {
                "ours": lambda: per_call_us(ours_get, SEQUENTIAL_REQUESTS),
                "raw": lambda: per_call_us(raw_get, SEQUENTIAL_REQUESTS),
            },
            rounds=SEQUENTIAL_ROUNDS,
        )
    return {
        "loopback_get_ours_us": median(times["ours"]),
        "loopback_get_raw_us": median(times["raw"]),
        "loopback_ratio_get": paired_ratio(times["ours"], times["raw"]),
    }


async def _burst(request: Request, count: int) -> tuple[float, float]:
    """Send ``count`` requests from CONCURRENCY tasks; return (requests per second, client CPU µs per request)."""
    remaining = iter(range(count))

    async def worker() -> None:
        for _ in remaining:
            await request()

    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return count / wall, cpu / count * 1e6


@contextlib.asynccontextmanager
async def _sides(endpoint: SandboxEndpoint, call: str, token: str) -> AsyncIterator[dict[str, Request]]:
    """Fresh clients, ours and raw, each with its own pool; closed when the block ends."""
    ours = our_client(endpoint)
    raw = httpx.AsyncClient(base_url=endpoint.base_url, limits=LIMITS)
    auth = {"Authorization": f"Bearer {token}"}

    async def ours_get() -> object:
        return await get_call.asyncio(call, client=ours)

    async def raw_get() -> object:
        response = await raw.get(f"/v1/calls/{call}", headers=auth)
        return json.loads(response.raise_for_status().content)

    try:
        yield {"ours": ours_get, "raw": raw_get}
    finally:
        await raw.aclose()
        await ours.aclose()


async def _timed_burst(endpoint: SandboxEndpoint, call: str, token: str, side: str) -> tuple[float, float]:
    """One measurement on new clients: open every connection with an untimed burst, then time ASYNC_REQUESTS.

    New clients each time, because a burst of the other side lasts longer than uvicorn keeps an idle connection
    (5 s): reused pools would start with dead connections, and pay for reconnecting inside the timing.
    """
    async with _sides(endpoint, call, token) as sides:
        await _burst(sides[side], CONCURRENCY * 2)
        return await _burst(sides[side], ASYNC_REQUESTS)


async def _throughput(endpoint: SandboxEndpoint, rounds: int) -> dict[str, list[float]]:
    with our_client(endpoint) as setup:
        call = new_call(setup)
        token = setup.auth.token()
    results: dict[str, list[float]] = {f"{side}_{kind}": [] for side in ("ours", "raw") for kind in ("rps", "cpu")}
    for index in range(rounds):
        for side in ("ours", "raw") if index % 2 == 0 else ("raw", "ours"):
            rps, cpu = await _timed_burst(endpoint, call, token, side)
            results[f"{side}_rps"].append(rps)
            results[f"{side}_cpu"].append(cpu)
    return results


def throughput(endpoint: SandboxEndpoint, rounds: int = ASYNC_ROUNDS) -> dict[str, float]:
    results = asyncio.run(_throughput(endpoint, rounds))
    return {
        "async_rps_ours": median(results["ours_rps"]),
        "async_rps_raw": median(results["raw_rps"]),
        "async_throughput_ratio": paired_ratio(results["ours_rps"], results["raw_rps"]),
        "async_cpu_us_ours": median(results["ours_cpu"]),
        "async_cpu_us_raw": median(results["raw_cpu"]),
    }


def run() -> dict[str, float]:
    with sandbox() as endpoint:
        return sequential(endpoint) | throughput(endpoint)


def main() -> None:
    for name, value in run().items():
        print(f"{name:28s} {value:10.2f}")


if __name__ == "__main__":
    main()
