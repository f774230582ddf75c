"""The rate budget in one process: requests paced per class (the spec's ``x-vvc-rate``), waits bounded by the
deadline, the pool timeout and cancellation; the same slots on a real Redis, and the in-process ones when it is gone.

Without it, a process sending 4 creates at once drew 429s from its own burst (the API allows 3 a second)."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.runtime.support import APP_ID, mock_client
from tests.support.redis_server import RedisServer
from vonage_voice_client import ConfigurationError, VoiceClient, VoiceTransportError, connect
from vonage_voice_client.ratebudget import LocalSlots, RateBudget, SharedSlots, rate_class

FAST = RateBudget(creates_per_second=10, others_per_second=1000, headroom=0.0)  # creates 100 ms apart
SLOW = RateBudget(creates_per_second=1, others_per_second=1000, headroom=0.0)  # creates 1 s apart
CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1: refused at once


class Recorder:
    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.times.append((request.method, time.monotonic()))
        return httpx.Response(201 if request.method == "POST" else 200, json={})


def paced(key: rsa.RSAPrivateKey, budget: RateBudget, recorder: Recorder, **options: Any) -> VoiceClient:
    # A key of its own per test: the in-process slots are shared by every client of one key in the process.
    return mock_client(key, recorder, rate_budget=budget, rate_budget_key=str(uuid.uuid4()), **options)


def gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def assert_spaced(creates: list[float]) -> None:
    """Slots 100 ms apart, as the server saw them: a busy machine may delay one request more than the next, so each
    gap is only bounded loosely; unpaced, the four would arrive within a few milliseconds."""
    assert creates[-1] - creates[0] >= 3 * 0.1 - 0.04, gaps(creates)
    assert min(gaps(creates)) >= 0.05, gaps(creates)


def test_creates_are_spaced_and_other_requests_do_not_wait_for_them(rsa_key: rsa.RSAPrivateKey) -> None:
    recorder = Recorder()
    with paced(rsa_key, FAST, recorder) as client:
        http = client.get_httpx_client()
        for _ in range(4):
            http.post("/v1/calls", json={})
            http.get("/v1/calls")
    creates = [at for method, at in recorder.times if method == "POST"]
    reads = [at for method, at in recorder.times if method == "GET"]
    assert_spaced(creates)
    assert all(read - create < 0.07 for create, read in zip(creates, reads, strict=True))  # reads never wait a slot


def test_which_requests_are_creates_comes_from_the_spec() -> None:
    def kind(method: str, url: str) -> str:
        return rate_class(httpx.Request(method, url))

    assert kind("POST", "https://api.nexmo.com/v1/calls") == "create"
    assert kind("POST", "https://gateway.internal/vonage/v1/calls") == "create"  # a prefix of the base URL
    assert kind("GET", "https://api.nexmo.com/v1/calls") == "other"
    assert kind("PUT", "https://api.nexmo.com/v1/calls/abc/talk") == "other"


def test_connect_chooses_the_budget(rsa_key: rsa.RSAPrivateKey) -> None:
    def slots(**options: object) -> object:
        client = connect(application_id=APP_ID, private_key=rsa_key, **options)  # type: ignore[arg-type]
        return client._settings.slots

    assert isinstance(slots(), LocalSlots)  # Vonage's host: paced in process by default
    assert slots() is slots()  # one budget per application in the process, whichever client asks
    assert slots() is not slots(rate_budget_key="account-1")
    assert slots(base_url="http://127.0.0.1:8000") is None  # the sandbox is not slowed down
    assert slots(transport=httpx.MockTransport(Recorder())) is None
    assert slots(rate_budget=None) is None
    assert isinstance(slots(rate_budget="redis://127.0.0.1:6379/0", base_url="http://127.0.0.1:8000"), SharedSlots)
    with pytest.raises(ConfigurationError, match="Redis URL"):
        slots(rate_budget="http://127.0.0.1:6379")
    with pytest.raises(ConfigurationError, match="creates_per_second must be a number above 0"):
        RateBudget(creates_per_second=0)
    with pytest.raises(ConfigurationError, match="rate_budget_key must be a non-empty string"):
        slots(rate_budget_key="")


def test_a_wait_past_the_deadline_fails_at_once_unsent(rsa_key: rsa.RSAPrivateKey) -> None:
    recorder = Recorder()
    with paced(rsa_key, SLOW, recorder) as client:
        http = client.get_httpx_client()
        http.post("/v1/calls", json={})
        started = time.monotonic()
        with client.deadline(0.3), pytest.raises(VoiceTransportError) as caught:
            http.post("/v1/calls", json={})
        assert time.monotonic() - started < 0.25  # not slept until the deadline: no slot could come in time
    assert caught.value.may_have_reached_server is False
    assert "rate budget" in str(caught.value) and "deadline of 0.3 s" in str(caught.value)
    assert len(recorder.times) == 1


def test_a_wait_past_the_pool_timeout_fails_unsent(rsa_key: rsa.RSAPrivateKey) -> None:
    recorder = Recorder()
    with paced(rsa_key, SLOW, recorder, timeout=httpx.Timeout(5.0, pool=0.2)) as client:
        http = client.get_httpx_client()
        http.post("/v1/calls", json={})
        with pytest.raises(VoiceTransportError, match=r"rate budget.*pool timeout of 0\.2 s"):
            http.post("/v1/calls", json={})
    assert len(recorder.times) == 1


async def test_async_requests_are_paced_and_a_wait_can_be_cancelled(rsa_key: rsa.RSAPrivateKey) -> None:
    recorder = Recorder()
    async with paced(rsa_key, FAST, recorder) as client:
        http = client.get_async_httpx_client()
        await asyncio.gather(*(http.post("/v1/calls", json={}) for _ in range(4)))
        assert_spaced(sorted(at for _, at in recorder.times))
    recorder = Recorder()
    async with paced(rsa_key, SLOW, recorder) as client:
        http = client.get_async_httpx_client()
        await http.post("/v1/calls", json={})
        waiting = asyncio.create_task(http.post("/v1/calls", json={}))
        await asyncio.sleep(0.1)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    assert len(recorder.times) == 1


# --- on Redis ------------------------------------------------------------------------------------------------------


def shared(url: str, key: str, budget: RateBudget = SLOW) -> SharedSlots:
    slots = RateBudget(**{**budget.__dict__, "redis_url": url}).slots(key)
    assert isinstance(slots, SharedSlots)
    return slots


def test_processes_share_the_slots_on_redis_in_the_order_asked(redis_server: RedisServer) -> None:
    key = str(uuid.uuid4())
    first, second = shared(redis_server.url, key), shared(redis_server.url, key)  # as two processes hold them
    waits = [slots.reserve("create", 60.0) for slots in (first, second, first, second)]
    assert waits[0] == pytest.approx(0.0, abs=0.05)
    assert gaps(waits) == pytest.approx([1.0, 1.0, 1.0], abs=0.05)
    assert second.reserve("create", 0.5) < 0  # too far: refused, and no slot taken
    assert first.reserve("other", 60.0) == pytest.approx(0.0, abs=0.05)  # another class, another limit


async def test_async_reservations_share_the_same_slots(redis_server: RedisServer) -> None:
    key = str(uuid.uuid4())
    slots, other = shared(redis_server.url, key), shared(redis_server.url, key)
    try:
        assert [round(await slots.areserve("create", 60.0)) for _ in range(2)] + [
            round(other.reserve("create", 60.0))
        ] == [0, 1, 2]
    finally:
        await slots.aclose()
        other.close()


def redis_clients(url: str) -> int:
    """The connections Redis holds open, this one's own not counted."""
    import redis

    with redis.Redis.from_url(url) as probe:
        return len(probe.client_list()) - 1


async def test_closing_the_client_closes_its_connections_to_redis(
    rsa_key: rsa.RSAPrivateKey, redis_server: RedisServer
) -> None:
    before = redis_clients(redis_server.url)
    budget = RateBudget(**{**FAST.__dict__, "redis_url": redis_server.url})
    client = paced(rsa_key, budget, Recorder())
    client.get_httpx_client().post("/v1/calls", json={})
    await client.get_async_httpx_client().post("/v1/calls", json={})
    assert redis_clients(redis_server.url) == before + 2  # one sync, one for this event loop
    client.close()
    await client.aclose()
    assert redis_clients(redis_server.url) == before  # a process closing its clients leaves no socket behind


@pytest.mark.parametrize("flow", ["sync", "async"])
def test_without_redis_the_in_process_slots_stand_in_with_one_warning(
    flow: str, caplog: pytest.LogCaptureFixture
) -> None:
    slots = shared(CLOSED_PORT_URL, str(uuid.uuid4()), FAST)
    reserve: Callable[[], float] = (
        (lambda: slots.reserve("create", 60.0))
        if flow == "sync"
        else (lambda: asyncio.run(slots.areserve("create", 60.0)))
    )
    caplog.set_level(logging.WARNING, logger="vonage_voice_client")
    started = time.monotonic()
    waits = [reserve() for _ in range(5)]
    assert time.monotonic() - started < 1.0  # no hang on the dead Redis
    assert gaps(waits) == pytest.approx([0.1] * 4, abs=0.03)  # still paced: never unlimited
    warnings = [record.getMessage() for record in caplog.records if "rate budget" in record.getMessage()]
    assert len(warnings) == 1 and "cannot be reached" in warnings[0] and "127.0.0.1:1" in warnings[0]
