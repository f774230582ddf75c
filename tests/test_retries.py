"""The retry rule: what is re-sent, how often, and how long it waits; never a duplicate call."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import create_call, get_call, update_call
from vonage_voice_api.api.play_tts import stop_talk
from vonage_voice_api.models import CreateCallRequestNcco, Hangup

from tests.runtime_support import CALL_UUID, CON_UUID, Sleeps, call_record, mock_client, problem
from vonage_voice_client import (
    RateLimitedError,
    RetryPolicy,
    ServerError,
    VoiceAPIError,
    VoiceClient,
    VoiceTransportError,
)

MAX_RETRIES = 3
CREATE_BODY = {"to": [{"type": "phone", "number": "14155550100"}], "ncco": [{"action": "talk", "text": "Hello"}]}


def rate_limited(request: httpx.Request) -> httpx.Response:
    response = problem(429, "Too Many Requests")
    response.headers["Retry-After"] = "2"
    return response


def unavailable(request: httpx.Request) -> httpx.Response:
    return problem(503, "Service Unavailable")


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def read_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out after sending", request=request)


SCENARIOS: dict[str, tuple[Callable[[httpx.Request], httpx.Response], type[Exception]]] = {
    "429+Retry-After": (rate_limited, RateLimitedError),
    "503": (unavailable, ServerError),
    "connection-refused": (refused, VoiceTransportError),
    "read-timeout-after-send": (read_timeout, VoiceTransportError),
}
CALLS: dict[str, Callable[[VoiceClient], Any]] = {
    "GET": lambda client: get_call.sync(CALL_UUID, client=client),
    "PUT": lambda client: update_call.sync(CALL_UUID, client=client, body=Hangup.from_dict({"action": "hangup"})),
    "DELETE": lambda client: stop_talk.sync(CALL_UUID, client=client),
    "POST": lambda client: create_call.sync(client=client, body=CreateCallRequestNcco.from_dict(CREATE_BODY)),
}
ALL = 1 + MAX_RETRIES
# method -> scenario -> attempts the rule allows
EXPECTED = {
    "GET": dict.fromkeys(SCENARIOS, ALL),
    "PUT": dict.fromkeys(SCENARIOS, ALL),
    "DELETE": dict.fromkeys(SCENARIOS, ALL),
    "POST": {"429+Retry-After": ALL, "503": 1, "connection-refused": ALL, "read-timeout-after-send": 1},
}


@pytest.mark.parametrize("method", list(CALLS))
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_retry_table(rsa_key: rsa.RSAPrivateKey, method: str, scenario: str) -> None:
    handler, error_class = SCENARIOS[scenario]
    attempts: list[str] = []

    def counting(request: httpx.Request) -> httpx.Response:
        attempts.append(request.method)
        return handler(request)

    sleeps = Sleeps()
    with mock_client(rsa_key, counting, max_retries=MAX_RETRIES, sleeps=sleeps) as client, pytest.raises(error_class):
        CALLS[method](client)
    assert len(attempts) == EXPECTED[method][scenario]
    assert set(attempts) == {method}
    if scenario == "429+Retry-After":
        assert sleeps.delays == [2.0] * MAX_RETRIES


@pytest.mark.parametrize("scenario", ["connection-refused", "read-timeout-after-send"])
def test_transport_error_says_whether_the_request_may_have_reached_the_server(
    rsa_key: rsa.RSAPrivateKey, scenario: str
) -> None:
    handler, _ = SCENARIOS[scenario]
    with mock_client(rsa_key, handler, max_retries=0) as client, pytest.raises(VoiceTransportError) as caught:
        CALLS["POST"](client)
    assert caught.value.may_have_reached_server is (scenario != "connection-refused")


def test_max_retries_zero_disables_retries(rsa_key: rsa.RSAPrivateKey) -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        return unavailable(request)

    with mock_client(rsa_key, handler, max_retries=0) as client, pytest.raises(ServerError):
        CALLS["GET"](client)
    assert len(attempts) == 1


def test_a_transient_failure_then_success_returns_the_result(rsa_key: rsa.RSAPrivateKey) -> None:
    def ok(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=call_record())

    answers: Iterator[Callable[[httpx.Request], httpx.Response]] = iter([unavailable, refused, ok])
    with mock_client(rsa_key, lambda r: next(answers)(r)) as client:
        assert str(CALLS["GET"](client).uuid) == CALL_UUID


def test_retry_after_as_http_date_is_honoured_and_capped() -> None:
    policy = RetryPolicy(max_retry_after=30.0)
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=10), usegmt=True)
    late = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    assert 8.0 <= policy.delay(1, httpx.Response(429, headers={"Retry-After": soon})) <= 10.0
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": late})) == 30.0
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": "900"})) == 30.0


def test_backoff_is_exponential_jittered_and_capped() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=4.0)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (9, 4.0)]:
        delays = {policy.delay(attempt, None) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1, "jitter spreads retries"


def test_negative_max_retries_is_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)


def test_random_failures_never_create_a_call_twice(rsa_key: rsa.RSAPrivateKey) -> None:
    """1,000 creates through a network failing 30% of requests: no duplicate, every failure typed."""
    rng = random.Random(20261126)
    created: dict[str, int] = {}

    def flaky_server(request: httpx.Request) -> httpx.Response:
        key = request.content.decode()  # each create sends a distinct destination number
        roll = rng.random()
        if roll < 0.075:
            raise httpx.ConnectError("refused", request=request)  # never reached the server
        if roll < 0.15:
            return rate_limited(request)  # reached, refused unprocessed
        if roll < 0.225:
            created[key] = created.get(key, 0) + 1
            raise httpx.ReadError("connection dropped after the call was created", request=request)
        if roll < 0.30:
            return unavailable(request)  # reached; may or may not have acted: never retried
        created[key] = created.get(key, 0) + 1
        body = {"uuid": CALL_UUID, "status": "started", "direction": "outbound", "conversation_uuid": CON_UUID}
        return httpx.Response(201, json=body)

    outcomes = {"ok": 0, "api": 0, "transport": 0}
    with mock_client(rsa_key, flaky_server, max_retries=MAX_RETRIES) as client:
        for index in range(1000):
            body = CREATE_BODY | {"to": [{"type": "phone", "number": f"1415{index:07d}"}]}
            try:
                create_call.sync(client=client, body=CreateCallRequestNcco.from_dict(body))
                outcomes["ok"] += 1
            except VoiceAPIError:
                outcomes["api"] += 1
            except VoiceTransportError as error:
                outcomes["transport"] += 1
                assert error.method == "POST"
    assert max(created.values()) == 1, "a call was created twice"
    assert sum(outcomes.values()) == 1000
    assert outcomes["api"] > 0 and outcomes["transport"] > 0 and outcomes["ok"] > 600
