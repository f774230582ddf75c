"""Call lifecycles on the virtual clock: every scenario number, the timers, and the records the API returns."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALLER, START, Harness, harness

RFC3339_MS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
WAIT_10 = [{"action": "wait", "timeout": 10}]


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def offset(timestamp: str) -> float:
    """Seconds after the harness's start time."""
    return datetime.fromisoformat(timestamp).timestamp() - START


async def timeline(sandbox: Harness, call_uuid: str) -> list[tuple[str, float]]:
    return [(e["type"], offset(e["payload"]["timestamp"])) for e in await sandbox.events(call_uuid)]


async def test_a_created_call_starts_with_a_uuid_and_a_conversation(sandbox: Harness) -> None:
    call = await sandbox.create()
    assert UUID.match(call["uuid"])
    assert call["conversation_uuid"] == f"CON-{call['conversation_uuid'][4:]}"
    assert UUID.match(call["conversation_uuid"][4:])
    assert call["status"] == "started"
    assert call["direction"] == "outbound"


async def test_an_answered_call_runs_its_ncco_then_completes(sandbox: Harness) -> None:
    call = await sandbox.create()
    await sandbox.advance(1)
    assert await sandbox.status(call["uuid"]) == "ringing"
    await sandbox.advance(3)
    assert await sandbox.status(call["uuid"]) == "answered"
    await sandbox.advance(60)
    assert await timeline(sandbox, call["uuid"]) == [
        ("started", 0.0),
        ("ringing", 1.0),
        ("answered", 4.0),
        ("completed", pytest.approx(4 + 22 / 15, abs=1e-3)),  # the talk: 22 characters at 15 per second
    ]


async def test_a_completed_record_has_money_and_times_in_the_api_format(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[{"action": "wait", "timeout": 90}])
    await sandbox.advance(200)
    record = await sandbox.record(call["uuid"])
    assert record["status"] == "completed"
    assert record["_links"]["self"]["href"] == f"/v1/calls/{call['uuid']}"
    assert record["to"] == {"type": "phone", "number": "14155550100"}
    assert record["from"] == CALLER
    assert RFC3339_MS.match(record["start_time"]) and RFC3339_MS.match(record["end_time"])
    assert record["start_time"] == "2024-04-19T01:34:22.000Z"
    assert record["end_time"] == "2024-04-19T01:35:52.000Z"
    assert (record["duration"], record["rate"], record["price"]) == ("90", "0.10000000", "0.15000000")
    assert record["network"]


async def test_money_and_end_time_appear_only_once_completed(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=WAIT_10)
    await sandbox.advance(5)
    record = await sandbox.record(call["uuid"])
    assert record["status"] == "answered"
    assert "start_time" in record
    assert not {"end_time", "duration", "price", "rate"} & set(record)


SCENARIOS: list[tuple[str, dict[str, Any], list[tuple[str, float]], dict[str, Any]]] = [
    ("15550000001", {}, [("started", 0), ("busy", 1)], {"sip_code": 486}),
    ("15550000002", {}, [("started", 0), ("ringing", 1), ("unanswered", 31)], {"detail": "unavailable"}),
    ("15550000003", {}, [("started", 0), ("ringing", 1), ("timeout", 61)], {}),
    ("15550000003", {"ringing_timer": 20}, [("started", 0), ("ringing", 1), ("timeout", 21)], {}),
    ("15550000004", {}, [("started", 0), ("ringing", 1), ("rejected", 3)], {"detail": "declined"}),
    ("15550000005", {}, [("started", 0), ("failed", 1)], {"detail": "cannot_route"}),
    ("15550000006", {"ncco": WAIT_10}, [("started", 0), ("ringing", 1), ("answered", 4), ("completed", 14)], {}),
    ("15550000007", {"length_timer": 100}, [("started", 0), ("ringing", 1), ("answered", 4), ("completed", 104)], {}),
    ("15550000008", {"ncco": WAIT_10}, [("started", 0), ("ringing", 1), ("answered", 4), ("completed", 9)], {}),
    ("14155550100", {"ringing_timer": 2}, [("started", 0), ("ringing", 1), ("timeout", 3)], {}),
    ("14155550100", {"ncco": [{"action": "conversation", "name": "room"}], "length_timer": 30},
     [("started", 0), ("ringing", 1), ("answered", 4), ("completed", 34)], {}),
]  # fmt: skip


@pytest.mark.parametrize(("number", "fields", "expected", "last_fields"), SCENARIOS)
async def test_scenario_numbers(
    sandbox: Harness,
    number: str,
    fields: dict[str, Any],
    expected: list[tuple[str, float]],
    last_fields: dict[str, Any],
) -> None:
    call = await sandbox.create(number, **fields)
    await sandbox.advance(200)
    assert await timeline(sandbox, call["uuid"]) == expected
    last = (await sandbox.events(call["uuid"]))[-1]["payload"]
    assert last.items() >= last_fields.items()
    assert await sandbox.status(call["uuid"]) == expected[-1][0]


async def test_the_callee_hanging_up_is_disconnected_by_user(sandbox: Harness) -> None:
    call = await sandbox.create("15550000008", ncco=WAIT_10)
    await sandbox.advance(60)
    completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
    assert completed["disconnected_by"] == "user"


async def test_the_ncco_ending_is_disconnected_by_platform(sandbox: Harness) -> None:
    call = await sandbox.create()
    await sandbox.advance(60)
    completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
    assert completed["disconnected_by"] == "platform"
    assert completed["duration"] == "1"


@pytest.mark.parametrize(
    ("number", "detection", "expected"),
    [
        ("15550000006", {"machine_detection": "continue"}, ["machine"]),
        ("14155550100", {"machine_detection": "continue"}, ["human"]),
        ("15550000006", {"advanced_machine_detection": {"behavior": "continue", "mode": "detect_beep"}}, ["machine"]),
        ("15550000006", {}, []),
    ],
)
async def test_machine_detection_reports_who_answered(
    sandbox: Harness, number: str, detection: dict[str, Any], expected: list[str]
) -> None:
    call = await sandbox.create(number, ncco=WAIT_10, **detection)
    await sandbox.advance(60)
    found = [e for e in await sandbox.events(call["uuid"]) if e["type"] in ("human", "machine")]
    assert [e["type"] for e in found] == expected
    for event in found:
        assert offset(event["payload"]["timestamp"]) == 6  # 2 s after the answer
        assert event["payload"]["call_uuid"] == call["uuid"]  # not `uuid`, as the API sends it
        assert "uuid" not in event["payload"]
    if "advanced_machine_detection" in detection:
        assert found[0]["payload"]["sub_state"] == "beep_start"
    assert await sandbox.status(call["uuid"]) == "completed"


async def test_a_machine_with_hangup_behaviour_ends_the_call(sandbox: Harness) -> None:
    call = await sandbox.create("15550000006", ncco=WAIT_10, machine_detection="hangup")
    await sandbox.advance(60)
    assert (await timeline(sandbox, call["uuid"]))[-2:] == [("machine", 6), ("completed", 6)]


async def test_unknown_calls_are_404_problems(sandbox: Harness) -> None:
    unknown = "63f61863-4a51-4f6b-86e1-46edebcf9356"
    for method, suffix, body in [
        ("GET", "", None),
        ("PUT", "", {"action": "hangup"}),
        ("PUT", "/talk", {"text": "hi"}),
        ("DELETE", "/stream", None),
        ("PUT", "/dtmf", {"digits": "1"}),
    ]:
        response = await sandbox.client.request(
            method, f"/v1/calls/{unknown}{suffix}", json=body, headers=sandbox.headers
        )
        assert response.status_code == 404, (method, suffix)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "https://developer.nexmo.com/api-errors#not-found"


async def test_finished_calls_keep_their_record_but_refuse_changes(sandbox: Harness) -> None:
    call = await sandbox.create("15550000001")
    await sandbox.advance(10)
    assert await sandbox.status(call["uuid"]) == "busy"
    for suffix, body in [("", {"action": "hangup"}), ("", {"action": "mute"}), ("/talk", {"text": "hi"})]:
        response = await sandbox.put(call["uuid"], suffix, body)
        assert response.status_code == 400, suffix
        assert "busy" in response.json()["detail"]


async def test_virtual_time_moved_directly_is_seen_by_the_next_request(sandbox: Harness) -> None:
    call = await sandbox.create()
    sandbox.clock.advance(2)
    assert await sandbox.status(call["uuid"]) == "ringing"


async def test_a_real_clock_cannot_be_advanced(rsa_key: rsa.RSAPrivateKey) -> None:
    from vonage_voice_sandbox import RealClock

    async with harness(rsa_key, clock=RealClock()) as sandbox:
        response = await sandbox.client.post("/_sandbox/clock/advance", json={"seconds": 1})
        assert response.status_code == 409
        info = (await sandbox.client.get("/_sandbox/info")).json()
        assert info["clock"] == "real"


@pytest.mark.parametrize("seconds", [-1, "5", None, 1e300, True])
async def test_bad_clock_advances_are_refused(sandbox: Harness, seconds: Any) -> None:
    response = await sandbox.client.post("/_sandbox/clock/advance", json={"seconds": seconds})
    assert response.status_code == 400
