"""A total deadline per call, retries and their waits included, against a real trickling loopback server.

httpx's timeouts bound each read: before the deadline, a server sending one byte every 0.2 s held a call with
`timeout=2.0` for as long as it kept sending, and retries added their waits on top.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_call

from tests.runtime.support import APP_ID, CALL_UUID, problem
from vonage_voice_client import (
    ConfigurationError,
    RateLimitedError,
    ServerError,
    VoiceClient,
    VoiceTransportError,
    connect,
)

DEADLINE = 1.0
SLACK = 1.0  # scheduling on a shared 2-CPU machine; the trickle lasts 5 s, so a cut inside this is the deadline's


class TrickleServer:
    """Loopback HTTP server answering every request one byte every 0.2 s, from the status line or after the
    headers (``headers_first``), for 5 s (then it hangs up: a test without the deadline fails, not hangs).
    Counts connections."""

    def __init__(self, *, headers_first: bool) -> None:
        self.headers_first = headers_first
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            thread = threading.Thread(target=self._trickle, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5.0)
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
            if self.headers_first:
                conn.sendall(head)
            payload = b"" if self.headers_first else head
            payload += b" " * 100000
            for byte in payload[:25]:
                if self._stop.wait(0.2):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return  # the client gave up: what the deadline is for

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()
        self._server.close()


@pytest.fixture(params=[False, True], ids=["trickled headers", "trickled body"])
def trickle(request: pytest.FixtureRequest) -> Iterator[TrickleServer]:
    server = TrickleServer(headers_first=request.param)
    yield server
    server.close()


def voice(key: rsa.RSAPrivateKey, base_url: str, **options: object) -> VoiceClient:
    return connect(application_id=APP_ID, private_key=key, base_url=base_url, timeout=2.0, **options)  # type: ignore[arg-type]


def test_connect_deadline_cuts_a_trickling_answer(rsa_key: rsa.RSAPrivateKey, trickle: TrickleServer) -> None:
    with voice(rsa_key, trickle.base_url, deadline=DEADLINE) as client:
        started = time.monotonic()
        with pytest.raises(VoiceTransportError, match="deadline of 1 s") as cut:
            get_call.sync(CALL_UUID, client=client)
    assert time.monotonic() - started < DEADLINE + SLACK
    assert cut.value.may_have_reached_server
    assert trickle.connections == 1  # the cut is final: a repeatable GET is not retried past the deadline


async def test_connect_deadline_cuts_a_trickling_answer_async(
    rsa_key: rsa.RSAPrivateKey, trickle: TrickleServer
) -> None:
    async with voice(rsa_key, trickle.base_url, deadline=DEADLINE) as client:
        started = time.monotonic()
        with pytest.raises(VoiceTransportError, match="deadline of 1 s"):
            await get_call.asyncio(CALL_UUID, client=client)
    assert time.monotonic() - started < DEADLINE + SLACK


def test_a_deadline_block_bounds_every_call_in_it(rsa_key: rsa.RSAPrivateKey, trickle: TrickleServer) -> None:
    with voice(rsa_key, trickle.base_url, deadline=30.0) as client:
        started = time.monotonic()
        with client.deadline(DEADLINE), pytest.raises(VoiceTransportError, match="deadline of 1 s"):
            get_call.sync(CALL_UUID, client=client)
        assert time.monotonic() - started < DEADLINE + SLACK
        with client.deadline(0.5), client.deadline(20.0), pytest.raises(VoiceTransportError, match="deadline"):
            get_call.sync(CALL_UUID, client=client)  # the sooner end wins
        assert time.monotonic() - started < DEADLINE + 0.5 + SLACK


async def test_a_deadline_block_bounds_async_calls(rsa_key: rsa.RSAPrivateKey, trickle: TrickleServer) -> None:
    async with voice(rsa_key, trickle.base_url) as client:
        started = time.monotonic()
        async with client.deadline(DEADLINE):
            with pytest.raises(VoiceTransportError, match="deadline of 1 s"):
                await get_call.asyncio(CALL_UUID, client=client)
    assert time.monotonic() - started < DEADLINE + SLACK


def test_no_retry_waits_past_the_deadline(rsa_key: rsa.RSAPrivateKey) -> None:
    """503s retried with real sleeps: the retries stop when the next wait would end past the deadline."""
    answers: list[float] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        answers.append(time.monotonic())
        return problem(503, "Service Unavailable")

    client = connect(
        application_id=APP_ID,
        private_key=rsa_key,
        base_url="http://127.0.0.1:9",
        transport=httpx.MockTransport(unavailable),
        max_retries=10,
        deadline=DEADLINE,
    )
    started = time.monotonic()
    with client, pytest.raises(ServerError):
        get_call.sync(CALL_UUID, client=client)
    assert time.monotonic() - started < DEADLINE + 0.3  # the last wait ended before the deadline; one fast attempt
    assert len(answers) >= 2  # backoff of 0.25-0.5 s: at least one retry fits

    slow = httpx.MockTransport(lambda request: httpx.Response(429, headers={"Retry-After": "30"}))
    client = connect(application_id=APP_ID, private_key=rsa_key, base_url="http://127.0.0.1:9", transport=slow)
    started = time.monotonic()
    with client, client.deadline(DEADLINE), pytest.raises(RateLimitedError):
        get_call.sync(CALL_UUID, client=client)
    assert time.monotonic() - started < 0.5  # a 30 s Retry-After does not fit: the 429 is final at once


@pytest.mark.parametrize("bad", [0, -1, float("inf"), float("nan"), True, "5"])
def test_a_deadline_is_positive_seconds(rsa_key: rsa.RSAPrivateKey, bad: object) -> None:
    with pytest.raises(ConfigurationError, match="deadline must be a number of seconds"):
        voice(rsa_key, "http://127.0.0.1:9", deadline=bad)
    with pytest.raises(ConfigurationError, match="deadline must be a number of seconds"):
        voice(rsa_key, "http://127.0.0.1:9").deadline(bad)  # type: ignore[arg-type]
