"""Helpers for runtime tests: a client over an httpx.MockTransport, sleeps that only record, and a loopback socket
server that records what reaches it."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_client import RetryPolicy, VoiceClient, connect

APP_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
CALL_UUID = "63f61863-4a51-4f6b-86e1-46edebcf9356"
CON_UUID = "CON-f972836a-550f-45fa-956c-12a2ab5b7d22"


class Sleeps:
    """Records requested delays instead of sleeping (sync and async)."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.delays.append(seconds)


def mock_client(
    key: rsa.RSAPrivateKey,
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    max_retries: int = 3,
    sleeps: Sleeps | None = None,
    **options: Any,
) -> VoiceClient:
    sleeps = sleeps or Sleeps()
    policy = RetryPolicy(max_retries=max_retries, sleep=sleeps, async_sleep=sleeps.asleep)
    return connect(
        application_id=APP_ID,
        private_key=key,
        base_url="http://127.0.0.1:9",
        transport=httpx.MockTransport(handler),
        retry_policy=policy,
        **options,
    )


def problem(status: int, title: str, **fields: Any) -> httpx.Response:
    body = {"type": f"https://developer.nexmo.com/api-errors#{title.lower()}", "title": title, **fields}
    return httpx.Response(
        status,
        json=body,
        headers={"Content-Type": "application/problem+json", "X-Nexmo-Trace-Id": f"trace-{status}"},
    )


def call_record(**overrides: Any) -> dict[str, Any]:
    record = {
        "_links": {"self": {"href": f"/v1/calls/{CALL_UUID}"}},
        "uuid": CALL_UUID,
        "conversation_uuid": CON_UUID,
        "to": {"type": "phone", "number": "447700900000"},
        "from": {"type": "phone", "number": "447700900001"},
        "status": "completed",
        "direction": "outbound",
    }
    return record | overrides


@contextlib.contextmanager
def recording_server(reply: bytes = b"", timeout: float = 1.0) -> Iterator[tuple[int, list[bytes]]]:
    """A loopback TCP server that records the first bytes of each connection and answers ``reply`` (nothing by
    default); yields its port and what it received."""
    received: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(timeout)
                received.append(conn.recv(65536))
                if reply:
                    conn.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], received
    finally:
        stop.set()
        thread.join()
        server.close()
