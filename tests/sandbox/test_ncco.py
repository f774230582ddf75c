"""The NCCO runs far enough to matter: talk and stream take time, input waits for DTMF, webhooks can answer NCCOs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import START, Harness, harness, receiver

ANSWERED_AT = 4.0  # seconds after creation, for a normal number


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def offset(timestamp: str) -> float:
    return datetime.fromisoformat(timestamp).timestamp() - START


async def completed_after_answer(sandbox: Harness, ncco: list[dict[str, Any]]) -> float:
    call = await sandbox.create(ncco=ncco)
    await sandbox.advance(ANSWERED_AT)
    await sandbox.advance(3600)
    completed = await sandbox.events(call["uuid"], "completed")
    return offset(completed[0]["payload"]["timestamp"]) - ANSWERED_AT


@pytest.mark.parametrize(
    ("ncco", "seconds"),
    [
        ([{"action": "talk", "text": "x" * 30}], 2.0),
        ([{"action": "talk", "text": "x" * 30, "loop": 3}], 6.0),
        ([{"action": "talk", "text": "x" * 30, "bargeIn": True}, {"action": "wait", "timeout": 1}], 1.0),
        ([{"action": "stream", "streamUrl": ["https://example.com/a.mp3"]}], 5.0),
        ([{"action": "stream", "streamUrl": ["https://example.com/a.mp3"], "loop": 2}], 10.0),
        ([{"action": "wait", "timeout": 2.5}, {"action": "wait"}], 12.5),
        ([{"action": "record"}, {"action": "wait", "timeout": 1}], 1.0),
    ],
)
async def test_actions_take_time(sandbox: Harness, ncco: list[dict[str, Any]], seconds: float) -> None:
    assert await completed_after_answer(sandbox, ncco) == pytest.approx(seconds)


async def test_a_talk_that_loops_forever_holds_the_call_until_length_timer(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[{"action": "talk", "text": "hold", "loop": 0}], length_timer=50)
    await sandbox.advance(200)
    completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
    assert offset(completed["timestamp"]) == ANSWERED_AT + 50


async def test_the_current_step_is_visible(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[{"action": "talk", "text": "x" * 30}, {"action": "wait", "timeout": 5}])
    await sandbox.advance(ANSWERED_AT + 3)
    step = (await sandbox.internals(call["uuid"]))["step"]
    assert (step["index"], step["action"]["action"], step["waiting"]) == (1, "wait", "timer")


INPUT = {"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": 3, "timeOut": 5}}


async def test_input_waits_for_the_digits_sent_with_dtmf(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[INPUT, {"action": "talk", "text": "x" * 15}])
    await sandbox.advance(ANSWERED_AT + 2)
    assert (await sandbox.put(call["uuid"], "/dtmf", {"digits": "12"})).status_code == 200
    await sandbox.advance(2)  # less than timeOut since the last key: still collecting
    assert (await sandbox.events(call["uuid"], "input")) == []
    await sandbox.put(call["uuid"], "/dtmf", {"digits": "3"})
    [event] = await sandbox.events(call["uuid"], "input")
    assert event["payload"]["dtmf"] == {"digits": "123", "timed_out": False}
    assert event["payload"]["uuid"] == call["uuid"]
    assert offset(event["payload"]["timestamp"]) == ANSWERED_AT + 4
    await sandbox.advance(60)
    completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
    assert offset(completed["timestamp"]) == ANSWERED_AT + 5  # then the 1 s talk


async def test_input_times_out_without_digits(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[INPUT])
    await sandbox.advance(60)
    [event] = await sandbox.events(call["uuid"], "input")
    assert event["payload"]["dtmf"] == {"digits": None, "timed_out": True}
    assert offset(event["payload"]["timestamp"]) == ANSWERED_AT + 5


async def test_input_submits_on_hash(sandbox: Harness) -> None:
    ncco = [{"action": "input", "type": ["dtmf"], "dtmf": {"submitOnHash": True, "maxDigits": 10}}]
    call = await sandbox.create(ncco=ncco)
    await sandbox.advance(ANSWERED_AT)
    await sandbox.put(call["uuid"], "/dtmf", {"digits": "42#9"})
    [event] = await sandbox.events(call["uuid"], "input")
    assert event["payload"]["dtmf"] == {"digits": "42", "timed_out": False}


async def test_speech_input_reports_a_start_timeout(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[{"action": "input", "type": ["speech"], "speech": {"startTimeout": 4}}])
    await sandbox.advance(60)
    [event] = await sandbox.events(call["uuid"], "input")
    assert event["payload"]["speech"] == {"timeout_reason": "start_timeout", "results": []}
    assert offset(event["payload"]["timestamp"]) == ANSWERED_AT + 4


async def test_an_input_answer_from_a_loopback_receiver_replaces_the_ncco(sandbox: Harness) -> None:
    with receiver() as hook:
        hook.replies["/input"] = (200, [{"action": "talk", "text": "x" * 45}])
        ncco = [{**INPUT, "eventUrl": [hook.url("/input")]}, {"action": "talk", "text": "never said"}]
        call = await sandbox.create(ncco=ncco)
        await sandbox.advance(ANSWERED_AT)
        await sandbox.put(call["uuid"], "/dtmf", {"digits": "999"})
        [sent] = hook.on("/input")
        assert sent.json()["dtmf"] == {"digits": "999", "timed_out": False}
        internals = await sandbox.internals(call["uuid"])
        assert internals["ncco"] == [{"action": "talk", "text": "x" * 45}]
        await sandbox.advance(60)
        completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
        assert offset(completed["timestamp"]) == ANSWERED_AT + 3


async def test_notify_sends_its_payload_and_an_empty_answer_lets_the_ncco_go_on(sandbox: Harness) -> None:
    with receiver() as hook:
        ncco = [
            {"action": "notify", "payload": {"step": "one", "ünïcode": "✓"}, "eventUrl": [hook.url("/notify")]},
            {"action": "wait", "timeout": 2},
        ]
        call = await sandbox.create(ncco=ncco)
        await sandbox.advance(ANSWERED_AT)
        [sent] = hook.on("/notify")
        assert sent.json() == {"step": "one", "ünïcode": "✓"}
        await sandbox.advance(60)
        completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
        assert offset(completed["timestamp"]) == ANSWERED_AT + 2


async def test_a_record_action_reports_its_recording_when_the_call_ends(sandbox: Harness) -> None:
    with receiver() as hook:
        ncco = [{"action": "record", "eventUrl": [hook.url("/record")]}, {"action": "wait", "timeout": 3}]
        call = await sandbox.create(ncco=ncco)
        await sandbox.advance(60)
        [sent] = hook.on("/record")
        body = sent.json()
        assert body["conversation_uuid"] == call["conversation_uuid"]
        assert "/v1/files/" in body["recording_url"] and body["size"] > 0  # a file the sandbox serves
        assert offset(body["end_time"]) - offset(body["start_time"]) == 3


async def test_an_answer_url_on_loopback_is_fetched_for_the_ncco(sandbox: Harness) -> None:
    with receiver() as hook:
        hook.replies["/answer"] = (200, [{"action": "wait", "timeout": 7}])
        call = await sandbox.create(answer_url=[hook.url("/answer")])
        await sandbox.advance(60)
        [fetched] = hook.on("/answer")
        assert fetched.method == "GET"
        query = {name: values[0] for name, values in parse_qs(fetched.query).items()}
        assert query == {
            "to": "14155550100",
            "from": "14155550101",
            "uuid": call["uuid"],
            "conversation_uuid": call["conversation_uuid"],
        }
        completed = (await sandbox.events(call["uuid"], "completed"))[0]["payload"]
        assert offset(completed["timestamp"]) == pytest.approx(ANSWERED_AT + 7, abs=0.5)  # + the real fetch time


async def test_an_answer_url_can_be_posted_to(sandbox: Harness) -> None:
    with receiver() as hook:
        hook.replies["/answer"] = (200, [{"action": "wait", "timeout": 1}])
        await sandbox.create(answer_url=[hook.url("/answer")], answer_method="POST")
        await sandbox.advance(60)
        [fetched] = hook.on("/answer")
        assert fetched.method == "POST"
        assert fetched.json()["to"] == "14155550100"


async def test_an_answer_url_that_returns_no_ncco_ends_the_call_with_an_error_event(sandbox: Harness) -> None:
    with receiver() as hook:
        hook.replies["/answer"] = (500, {"oops": True})
        call = await sandbox.create(answer_url=[hook.url("/answer")])
        await sandbox.advance(60)
        kinds = [e["type"] for e in await sandbox.events(call["uuid"])]
        assert kinds == ["started", "ringing", "answered", "error", "completed"]
        error = (await sandbox.events(call["uuid"], "error"))[0]["payload"]
        assert "HTTP 500" in error["reason"]


async def test_an_answer_url_off_loopback_is_never_contacted(sandbox: Harness) -> None:
    call = await sandbox.create(answer_url=["https://example.com/answer"])
    await sandbox.advance(ANSWERED_AT)
    internals = await sandbox.internals(call["uuid"])
    assert internals["ncco"][0]["action"] == "talk"  # a stand-in NCCO saying the address was not contacted
    await sandbox.advance(60)
    assert await sandbox.status(call["uuid"]) == "completed"


async def test_asynchronous_input_sends_each_digit_to_the_dtmf_listener(sandbox: Harness) -> None:
    with receiver() as hook:
        ncco = [{"action": "input", "type": ["dtmf"], "mode": "asynchronous"}, {"action": "conversation", "name": "r"}]
        call = await sandbox.create(ncco=ncco)
        await sandbox.advance(ANSWERED_AT)
        subscribed = await sandbox.put(call["uuid"], "/input/dtmf", {"event_url": [hook.url("/digits")]})
        assert subscribed.status_code == 200
        await sandbox.put(call["uuid"], "/dtmf", {"digits": "12"})
        assert [r.json()["dtmf"]["digits"] for r in hook.on("/digits")] == ["1", "2"]
        unsubscribe = await sandbox.client.delete(f"/v1/calls/{call['uuid']}/input/dtmf", headers=sandbox.headers)
        assert unsubscribe.status_code == 200
        assert (await sandbox.internals(call["uuid"]))["dtmf_listener"] is None
