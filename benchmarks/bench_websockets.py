"""Audio WebSockets from one sandbox: 50 concurrent 16 kHz sessions on the real clock, and 10 sessions of 60 s of
audio on the virtual clock, each counted by receivers in another process.

The sandbox runs in this process (uvicorn in a thread, as ``running_sandbox`` serves it); the receivers run in a
child process (``python -m benchmarks.bench_websockets --receiver``), a websockets server that checks each frame's
size and sequence number (the caller's scripted audio numbers its frames) and the time between frames, and prints
one JSON summary when every socket has closed. Run it with ``python -m benchmarks.bench_websockets``.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
import uuid
from typing import Any, Final

import httpx
import jwt

REAL_SESSIONS: Final = 50
REAL_SECONDS: Final = 5.0
VIRTUAL_SESSIONS: Final = 10
VIRTUAL_SECONDS: Final = 60.0
RATE: Final = 16000
FRAME: Final = RATE * 2 // 50
ANSWERED_AFTER: Final = 4.0  # the sandbox's callee rings 1 s, then answers 3 s later


def numbered_audio(seconds: float) -> bytes:
    """Caller audio whose frame i starts with i (4 bytes, little-endian): the receivers check the order."""
    return b"".join(i.to_bytes(4, "little") + bytes(FRAME - 4) for i in range(round(seconds * 50)))


# --- the receivers (child process) ----------------------------------------------------------------------------------


async def _receive(expected: int) -> None:
    from websockets.asyncio.server import ServerConnection, serve

    sessions: list[dict[str, Any]] = []
    done = asyncio.Event()

    async def handler(socket: ServerConnection) -> None:
        record: dict[str, Any] = {"frames": 0, "in_order": True, "intervals": [], "first": None, "last": None}
        sessions.append(record)
        async for message in socket:
            if not isinstance(message, bytes):
                continue
            now = time.time()
            if record["last"] is not None:
                record["intervals"].append(now - record["last"])
            record["first"] = record["first"] or now
            record["last"] = now
            index = int.from_bytes(message[:4], "little")
            record["in_order"] &= len(message) == FRAME and index == record["frames"]
            record["frames"] += 1
        record["closed"] = True
        if sum(1 for s in sessions if s.get("closed")) >= expected:
            done.set()

    async with serve(handler, "127.0.0.1", 0, compression=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(port, flush=True)
        await done.wait()
    print(json.dumps(sessions), flush=True)


# --- the sandbox side (this process) ---------------------------------------------------------------------------------


def _measure(sessions: int, seconds: float, virtual: bool) -> tuple[list[dict[str, Any]], float]:
    """Place ``sessions`` calls connected to receivers; return the receivers' records and the wall time of the audio."""
    from vonage_voice_sandbox import RealClock, running_sandbox
    from vonage_voice_sandbox.testing import VoiceSandbox

    receiver = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_websockets", "--receiver", str(sessions)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert receiver.stdout is not None
    port = int(receiver.stdout.readline())
    clock = None if virtual else RealClock()
    with running_sandbox(signature_secret="a-benchmark-signature-secret-of-32-bytes", clock=clock) as running:
        sandbox = VoiceSandbox(running)
        # Registered in process: over HTTP a callee's audio is bounded by the request size limit (1 MB by default).
        scenarios = running.app.sandbox.store.scenarios
        number = scenarios.register("answered", audio=(numbered_audio(seconds + 5), RATE))  # numbered to the hang-up
        claims = {"application_id": running.application_id, "iat": int(time.time()), "jti": str(uuid.uuid4())}
        headers = {"Authorization": f"Bearer {jwt.encode(claims, running.private_key_pem, algorithm='RS256')}"}
        endpoint = {"type": "websocket", "uri": f"ws://127.0.0.1:{port}/", "content-type": f"audio/l16;rate={RATE}"}
        body = {
            "to": [{"type": "phone", "number": number}],
            "from": {"type": "phone", "number": "14155550101"},
            "ncco": [{"action": "connect", "endpoint": [endpoint]}],
        }
        with httpx.Client(base_url=running.base_url, headers=headers, trust_env=False, timeout=30) as client:
            calls = [client.post("/v1/calls", json=body).json()["uuid"] for _ in range(sessions)]
            if virtual:
                sandbox.advance(ANSWERED_AFTER)
                started = time.time()
                sandbox.advance(seconds)
            else:
                time.sleep(ANSWERED_AFTER + seconds + 0.3)
                started = 0.0
            for call in calls:
                client.put(f"/v1/calls/{call}", json={"action": "hangup"})
            if virtual:
                sandbox.advance(0)
        out, _ = receiver.communicate(timeout=60)
        sandbox.close()
    records: list[dict[str, Any]] = json.loads(out.strip().splitlines()[-1])
    last = max(record["last"] or 0.0 for record in records)
    return records, last - started


def run() -> dict[str, float]:
    real, _ = _measure(REAL_SESSIONS, REAL_SECONDS, virtual=False)
    intervals = sorted(interval for record in real for interval in record["intervals"])
    per_second = [(r["frames"] - 1) / (r["last"] - r["first"]) for r in real if r["frames"] > 1]
    virtual, wall = _measure(VIRTUAL_SESSIONS, VIRTUAL_SECONDS, virtual=True)
    expected = round(VIRTUAL_SECONDS * 50)
    return {
        "ws_real_sessions": float(len(real)),
        "ws_real_frames_per_s_min": min(per_second),
        "ws_real_frames_per_s_median": statistics.median(per_second),
        "ws_real_p99_interval_ms": 1000 * intervals[int(0.99 * (len(intervals) - 1))],
        "ws_real_in_order_sessions": float(sum(r["in_order"] for r in real)),
        "ws_virtual_sessions": float(sum(r["frames"] == expected and r["in_order"] for r in virtual)),
        "ws_virtual_wall_s": wall,
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--receiver"]:
        asyncio.run(_receive(int(sys.argv[2])))
    else:
        print(json.dumps(run(), indent=2))
