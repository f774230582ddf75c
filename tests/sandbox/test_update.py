"""updateCall actions and the talk, stream and DTMF operations change the call, and are visible in /_sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import START, Harness, harness, receiver

HOLD = [{"action": "conversation", "name": "room"}]
ANSWERED_AT = 4.0


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


async def answered_call(sandbox: Harness) -> str:
    call = await sandbox.create(ncco=HOLD)
    await sandbox.advance(ANSWERED_AT + 1)
    return str(call["uuid"])


def offset(timestamp: str) -> float:
    return datetime.fromisoformat(timestamp).timestamp() - START


async def test_hangup_completes_an_answered_call(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    response = await sandbox.put(call_uuid, "", {"action": "hangup"})
    assert response.status_code == 204
    assert response.content == b""
    record = await sandbox.record(call_uuid)
    assert (record["status"], record["duration"]) == ("completed", "1")
    completed = (await sandbox.events(call_uuid, "completed"))[0]["payload"]
    assert offset(completed["timestamp"]) == ANSWERED_AT + 1


@pytest.mark.parametrize(
    ("wait", "expected"), [(0, ["started", "cancelled"]), (2, ["started", "ringing", "cancelled"])]
)
async def test_hangup_before_the_answer_cancels_the_call(sandbox: Harness, wait: float, expected: list[str]) -> None:
    call = await sandbox.create(ncco=HOLD)
    await sandbox.advance(wait)
    assert (await sandbox.put(call["uuid"], "", {"action": "hangup"})).status_code == 204
    assert await sandbox.statuses(call["uuid"]) == expected
    await sandbox.advance(60)
    assert await sandbox.status(call["uuid"]) == "cancelled"


@pytest.mark.parametrize(
    ("actions", "muted", "earmuffed"),
    [
        (["mute"], True, False),
        (["mute", "unmute"], False, False),
        (["earmuff"], False, True),
        (["earmuff", "unearmuff"], False, False),
        (["mute", "earmuff"], True, True),
    ],
)
async def test_mute_and_earmuff_are_recorded(
    sandbox: Harness, actions: list[str], muted: bool, earmuffed: bool
) -> None:
    call_uuid = await answered_call(sandbox)
    for action in actions:
        assert (await sandbox.put(call_uuid, "", {"action": action})).status_code == 204
    internals = await sandbox.internals(call_uuid)
    assert (internals["muted"], internals["earmuffed"]) == (muted, earmuffed)
    assert [control["action"] for control in internals["controls"]] == actions
    assert internals["record"]["status"] == "answered"


async def test_transfer_to_an_ncco_replaces_it_in_a_new_conversation(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    before = await sandbox.record(call_uuid)
    destination = {"type": "ncco", "ncco": [{"action": "wait", "timeout": 3}]}
    assert (await sandbox.put(call_uuid, "", {"action": "transfer", "destination": destination})).status_code == 204
    [transfer] = await sandbox.events(call_uuid, "transfer")
    after = await sandbox.record(call_uuid)
    assert transfer["payload"]["conversation_uuid_from"] == before["conversation_uuid"]
    assert transfer["payload"]["conversation_uuid_to"] == after["conversation_uuid"] != before["conversation_uuid"]
    assert (await sandbox.internals(call_uuid))["ncco"] == destination["ncco"]
    await sandbox.advance(60)
    completed = (await sandbox.events(call_uuid, "completed"))[0]["payload"]
    assert offset(completed["timestamp"]) == ANSWERED_AT + 1 + 3


async def test_transfer_to_a_loopback_url_fetches_the_ncco(sandbox: Harness) -> None:
    with receiver() as hook:
        hook.replies["/ncco"] = (200, [{"action": "wait", "timeout": 2}])
        call_uuid = await answered_call(sandbox)
        destination = {"type": "ncco", "url": [hook.url("/ncco")]}
        assert (await sandbox.put(call_uuid, "", {"action": "transfer", "destination": destination})).status_code == 204
        assert len(hook.on("/ncco")) == 1
        assert (await sandbox.internals(call_uuid))["ncco"] == [{"action": "wait", "timeout": 2}]


async def test_transfer_to_a_remote_url_is_recorded_but_not_fetched(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    destination = {"type": "ncco", "url": ["https://example.com/ncco.json"]}
    assert (await sandbox.put(call_uuid, "", {"action": "transfer", "destination": destination})).status_code == 204
    internals = await sandbox.internals(call_uuid)
    assert internals["controls"][-1] == {**internals["controls"][-1], "action": "transfer", "destination": destination}
    assert internals["ncco"][0]["action"] == "talk"


async def test_talk_and_stream_start_and_stop(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    talk = await sandbox.put(call_uuid, "/talk", {"text": "x" * 30, "loop": 2})
    assert talk.json() == {"message": "Talk started", "uuid": call_uuid}
    stream = await sandbox.put(call_uuid, "/stream", {"stream_url": ["https://example.com/a.mp3"]})
    assert stream.json() == {"message": "Stream started", "uuid": call_uuid}
    internals = await sandbox.internals(call_uuid)
    assert internals["talk"]["request"]["text"] == "x" * 30
    assert offset(internals["talk"]["ends_at"]) - offset(internals["talk"]["started_at"]) == 4
    assert internals["stream"]["request"]["stream_url"] == ["https://example.com/a.mp3"]
    stopped = await sandbox.client.delete(f"/v1/calls/{call_uuid}/talk", headers=sandbox.headers)
    assert stopped.json() == {"message": "Talk stopped", "uuid": call_uuid}
    stopped = await sandbox.client.delete(f"/v1/calls/{call_uuid}/stream", headers=sandbox.headers)
    assert stopped.json() == {"message": "Stream stopped", "uuid": call_uuid}
    internals = await sandbox.internals(call_uuid)
    assert (internals["talk"], internals["stream"]) == (None, None)
    assert [c["action"] for c in internals["controls"]] == ["talk:start", "stream:start", "talk:stop", "stream:stop"]


async def test_dtmf_is_recorded(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    response = await sandbox.put(call_uuid, "/dtmf", {"digits": "1p2#"})
    assert response.json() == {"message": "DTMF sent", "uuid": call_uuid}
    assert (await sandbox.internals(call_uuid))["controls"][-1]["digits"] == "1p2#"


@pytest.mark.parametrize(
    ("suffix", "body"),
    [
        ("", {"action": "mute"}),
        ("", {"action": "transfer", "destination": {"type": "ncco", "ncco": HOLD}}),
        ("/talk", {"text": "too early"}),
        ("/stream", {"stream_url": ["https://example.com/a.mp3"]}),
        ("/dtmf", {"digits": "1"}),
        ("/input/dtmf", {"event_url": ["https://example.com/dtmf"]}),
    ],
)
async def test_controls_before_the_answer_are_400(sandbox: Harness, suffix: str, body: dict[str, object]) -> None:
    call = await sandbox.create(ncco=HOLD)
    response = await sandbox.put(call["uuid"], suffix, body)
    assert response.status_code == 400
    assert response.json()["type"] == "https://developer.nexmo.com/api-errors#bad-request"
    assert "not answered" in response.json()["detail"]
