"""What the benchmarks share: the canned bodies, an in-memory transport, a key, and side-by-side timing.

Every comparison runs its variants interleaved, round after round (A, B, B, A, ...), so that a slower or faster
stretch of the machine falls on both sides; a ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, Final

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT: Final = Path(__file__).resolve().parent.parent
APP_ID: Final = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
CALL_UUID: Final = "63f61863-4a51-4f6b-86e1-46edebcf9356"
ROUNDS: Final = 5

# The shapes the Voice API really answers with (tests/data/real_responses.yaml): a completed call's record and the
# answer to POST /v1/calls.
CALL_RECORD: Final[dict[str, Any]] = {
    "_links": {"self": {"href": f"/v1/calls/{CALL_UUID}"}},
    "uuid": CALL_UUID,
    "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
    "to": {"type": "phone", "number": "447700900000"},
    "from": {"type": "phone", "number": "447700900001"},
    "status": "completed",
    "direction": "outbound",
    "rate": "0.10000000",
    "price": "0.00333333",
    "duration": "2",
    "start_time": "2024-04-19T01:34:18.000Z",
    "end_time": "2024-04-19T01:34:20.000Z",
    "network": "23420",
}
CREATED_CALL: Final[dict[str, Any]] = {
    "uuid": CALL_UUID,
    "status": "started",
    "direction": "outbound",
    "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
}
CREATE_CALL_REQUEST: Final[dict[str, Any]] = {
    "to": [{"type": "phone", "number": "447700900000"}],
    "from": {"type": "phone", "number": "447700900001"},
    "ncco": [{"action": "talk", "text": "Hello from the benchmark"}],
}


class CannedTransport(httpx.BaseTransport):
    """Answers every POST with the created call (201) and anything else with the call record (200), in memory.

    The same class serves our client and the raw-httpx floor, so both pay the same transport cost.
    """

    _HEADERS: Final = (("Content-Type", "application/json"), ("X-Nexmo-Trace-Id", "bench"))

    def __init__(self) -> None:
        self._record = json.dumps(CALL_RECORD).encode()
        self._created = json.dumps(CREATED_CALL).encode()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if request.method == "POST":
            return httpx.Response(201, headers=self._HEADERS, content=self._created)
        return httpx.Response(200, headers=self._HEADERS, content=self._record)


def pem(key: rsa.RSAPrivateKey) -> bytes:
    """The key as unencrypted PKCS#8 PEM, as an application's private.key file holds it."""
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def per_call_us(operation: Callable[[], object], count: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Microseconds per call of ``operation`` over ``count`` calls (after a full collection, so none is pending).

    ``clock`` is wall time by default; work that never waits (in memory) is better timed with
    ``time.process_time``, which a busy machine's other processes do not inflate.
    """
    gc.collect()
    start = clock()
    for _ in range(count):
        operation()
    return (clock() - start) / count * 1e6


def side_by_side(
    variants: Mapping[str, Callable[[], float]], rounds: int = ROUNDS, warmup: int = 1
) -> dict[str, list[float]]:
    """Run each measurement ``rounds`` times, interleaved and alternating in order; return the values per variant.

    Each variant is a function that performs one measurement and returns its figure (e.g. microseconds per request).
    """
    names = list(variants)
    for _ in range(warmup):
        for name in names:
            variants[name]()
    results: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        for name in names if index % 2 == 0 else reversed(names):
            results[name].append(variants[name]())
    return results


def median(values: list[float]) -> float:
    return statistics.median(values)


def paired_ratio(numerators: list[float], denominators: list[float]) -> float:
    """The median of the per-round ratios (rounds are paired in time, so drift cancels within each pair)."""
    return statistics.median(a / b for a, b in zip(numerators, denominators, strict=True))


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    return {
        "cpu": _cpu_model(),
        "cpus": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "httpx": metadata.version("httpx"),
        "uvicorn": _version("uvicorn"),
    }


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()
