"""Injected faults and the API's rate limits, both off by default."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALLER, TALK, Harness, harness
from vonage_voice_sandbox import ConnectionDropped
from vonage_voice_sandbox.__main__ import _parser
from vonage_voice_sandbox.web.faults import FaultRule, RateLimiter, parse_rate_limits, rate_limiter

CALL = {"to": [{"type": "phone", "number": "14155550100"}], "from": CALLER, "ncco": TALK}


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


async def add_fault(sandbox: Harness, rule: dict[str, Any] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = await sandbox.client.post("/_sandbox/faults", json=rule)
    assert response.status_code == 201, response.text
    return list(response.json()["rules"])


async def post_call(sandbox: Harness) -> int:
    return (await sandbox.client.post("/v1/calls", json=CALL, headers=sandbox.headers)).status_code


@pytest.mark.parametrize(
    ("status", "retry_after", "kind"),
    [(429, 3, "throttled"), (503, 2, "service-unavailable"), (500, None, "internal-error"), (502, None, "bad-gateway")],
)
async def test_a_status_fault_answers_once_then_lets_requests_through(
    sandbox: Harness, status: int, retry_after: int | None, kind: str
) -> None:
    await add_fault(sandbox, {"method": "POST", "path": "/v1/calls", "status": status, "retry_after": retry_after})
    failed = await sandbox.client.post("/v1/calls", json=CALL, headers=sandbox.headers)
    assert failed.status_code == status
    assert failed.headers["content-type"] == "application/problem+json"
    assert failed.json()["type"].endswith(f"#{kind}")
    assert failed.headers.get("Retry-After") == (None if retry_after is None else str(retry_after))
    assert await post_call(sandbox) == 201
    assert len(sandbox.app.sandbox.store.calls) == 1  # the faulted request did nothing


async def test_after_and_count_choose_which_requests_fail(sandbox: Harness) -> None:
    await add_fault(sandbox, {"method": "POST", "path": "/v1/calls", "status": 503, "after": 1, "count": 2})
    assert [await post_call(sandbox) for _ in range(5)] == [201, 503, 503, 201, 201]
    [rule] = (await sandbox.client.get("/_sandbox/faults")).json()["rules"]
    assert (rule["matched"], rule["applied"]) == (5, 2)


async def test_a_rule_without_count_applies_until_deleted(sandbox: Harness) -> None:
    await add_fault(sandbox, {"path": "/v1/calls*", "status": 500, "count": None})
    assert [await post_call(sandbox) for _ in range(3)] == [500, 500, 500]
    assert (await sandbox.client.delete("/_sandbox/faults")).json() == {"removed": 1}
    assert await post_call(sandbox) == 201


async def test_rules_match_method_and_path(sandbox: Harness) -> None:
    await add_fault(sandbox, [{"method": "GET", "path": "/v1/calls/*", "status": 500, "count": None}])
    assert await post_call(sandbox) == 201  # another method
    assert (await sandbox.client.get("/v1/calls", headers=sandbox.headers)).status_code == 200  # another path
    call_uuid = next(iter(sandbox.app.sandbox.store.calls))
    assert (await sandbox.client.get(f"/v1/calls/{call_uuid}", headers=sandbox.headers)).status_code == 500
    assert (await sandbox.client.get("/_sandbox/info")).status_code == 200  # never the admin endpoints


async def test_latency_delays_then_answers_normally(sandbox: Harness) -> None:
    waits: list[tuple[float, int]] = []

    async def sleep(seconds: float) -> None:  # the delay, and how many calls existed while it lasted
        waits.append((seconds, len(sandbox.app.sandbox.store.calls)))

    sandbox.app.sandbox.sleep = sleep
    await add_fault(sandbox, {"method": "POST", "path": "/v1/calls", "latency": 0.2})
    assert await post_call(sandbox) == 201
    assert waits == [(0.2, 0)], "the request waited 0.2 s before it took effect"
    assert len(sandbox.app.sandbox.store.calls) == 1
    assert await post_call(sandbox) == 201
    assert waits == [(0.2, 0)], "count 1: the next request is not delayed"


async def test_a_dropped_connection_before_handling_creates_nothing(sandbox: Harness) -> None:
    await add_fault(sandbox, {"method": "POST", "path": "/v1/calls", "drop": "before"})
    with pytest.raises(ConnectionDropped):  # in process; over uvicorn the socket closes (test_server)
        await sandbox.client.post("/v1/calls", json=CALL, headers=sandbox.headers)
    assert sandbox.app.sandbox.store.calls == {}


async def test_a_dropped_connection_after_handling_loses_only_the_answer(sandbox: Harness) -> None:
    await add_fault(sandbox, {"method": "POST", "path": "/v1/calls", "drop": "after"})
    with pytest.raises(ConnectionDropped):
        await sandbox.client.post("/v1/calls", json=CALL, headers=sandbox.headers)
    assert len(sandbox.app.sandbox.store.calls) == 1  # the call was placed: a client must not blindly retry


async def test_faults_given_to_create_app(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, faults=[{"path": "/v1/calls", "status": 503, "retry_after": 1}]) as sandbox:
        assert [await post_call(sandbox) for _ in range(2)] == [503, 201]


@pytest.mark.parametrize(
    "rule",
    [
        {"status": 418},
        {"path": "/v1/calls"},
        {"status": 503, "drop": "before"},
        {"drop": "sideways"},
        {"status": 503, "count": 0},
        {"status": 503, "colour": "red"},
        {"latency": -1},
        {"latency": "slow"},
        "not an object",
    ],
)
async def test_invalid_rules_are_refused(sandbox: Harness, rule: Any) -> None:
    response = await sandbox.client.post("/_sandbox/faults", json=rule)
    assert response.status_code == 400
    assert response.json()["invalid_parameters"][0]["name"] == "rule"
    assert (await sandbox.client.get("/_sandbox/faults")).json()["rules"] == []


def test_fault_rules_from_python() -> None:
    rule = FaultRule.from_dict({"method": "put", "path": "/v1/calls/*/talk", "status": 429, "retry_after": 1})
    assert rule.matches("PUT", "/v1/calls/abc/talk")
    assert not rule.matches("PUT", "/v1/calls/abc")


# --- rate limits ------------------------------------------------------------------------------------------------


async def test_rate_limits_are_off_by_default(sandbox: Harness) -> None:
    assert [await post_call(sandbox) for _ in range(6)] == [201] * 6


async def test_the_api_rate_limits(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, rate_limits=True) as sandbox:
        # The limits are per second of wall-clock time: frozen here, so the test does not depend on how fast it runs.
        sandbox.app.sandbox.rate_limiter = RateLimiter(wall_clock=lambda: 1_000.0)
        posts = [await post_call(sandbox) for _ in range(4)]
        assert posts == [201, 201, 201, 429]
        limited = await sandbox.client.post("/v1/calls", json=CALL, headers=sandbox.headers)
        assert limited.json()["type"] == "https://developer.nexmo.com/api-errors#throttled"
        assert limited.headers["Retry-After"] == "1"
        gets = [(await sandbox.client.get("/v1/calls", headers=sandbox.headers)).status_code for _ in range(16)]
        assert gets == [200] * 15 + [429]


async def test_the_rate_limits_take_other_rates(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, rate_limits=(2, 3)) as sandbox:  # 7 requests: well inside one second
        assert [await post_call(sandbox) for _ in range(3)] == [201, 201, 429]
        gets = [(await sandbox.client.get("/v1/calls", headers=sandbox.headers)).status_code for _ in range(4)]
        assert gets == [200] * 3 + [429]


def test_rate_limits_are_read_as_creates_and_others() -> None:
    assert parse_rate_limits("30,60") == (30, 60)
    for wrong in ("30", "30,60,90", "0,15", "3,x", "-3,15"):
        with pytest.raises(ValueError, match=r"CREATES,OTHERS|each at least 1"):
            parse_rate_limits(wrong)
    with pytest.raises(ValueError, match="each at least 1"):
        rate_limiter((3, 0))
    assert rate_limiter(False) is None


def test_the_cli_rate_limits_flag() -> None:
    assert _parser().parse_args(["--rate-limits"]).rate_limits == (3, 15)  # the bare flag: the API's
    assert _parser().parse_args(["--rate-limits", "30,60"]).rate_limits == (30, 60)
    assert _parser().parse_args([]).rate_limits is False


def test_the_rate_limit_window_slides() -> None:
    now = [100.0]
    limiter = RateLimiter(wall_clock=lambda: now[0])
    assert [limiter.check("POST") for _ in range(4)] == [None, None, None, 1]
    now[0] += 0.5
    assert limiter.check("POST") == 1
    now[0] += 0.6  # the first hits are now more than a second old
    assert limiter.check("POST") is None
    assert [limiter.check("GET") for _ in range(16)][-2:] == [None, 1]
