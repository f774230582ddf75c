"""One rule for an NCCO wherever it comes from: inline in createCall or a transfer (a 400 naming the field), fetched
from an answer URL or a transfer URL, or answered by an input/notify webhook (an ``error`` event naming the field,
and the call ends, as Vonage reports a bad NCCO). The string forms the real API accepts for NCCO booleans and numbers
(D32: exactly ``"true"``/``"false"`` and numeric strings) are taken everywhere, inline too; anything else is refused."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALLER, Harness, harness, receiver

HOLD = [{"action": "talk", "text": "hold", "loop": 0}]
SOCKET = {"type": "websocket", "uri": "http://x", "content-type": "audio/l16;rate=16000"}

# (the NCCO, the field its error names)
BAD = {
    "talk without text": ([{"action": "talk"}], "ncco[0].text"),
    "record with beepStart yes": ([{"action": "record", "beepStart": "yes"}], "ncco[0].beepStart"),
    "websocket on http": ([{"action": "connect", "endpoint": [SOCKET]}], "ncco[0].endpoint[0].uri"),
    "talk loop as words": ([{"action": "talk", "text": "hi", "loop": "two"}], "ncco[0].loop"),
}
LOOSE = [{"action": "record", "beepStart": "true", "timeOut": "45"}, {"action": "talk", "text": "hi", "loop": "2"}]


async def _error_reason(sandbox: Harness, call_uuid: str) -> str:
    """The reason of the one ``error`` event of a call that ended because its NCCO was refused."""
    assert await sandbox.status(call_uuid) == "completed"
    [error] = await sandbox.events(call_uuid, "error")
    return str(error["payload"]["reason"])


async def _create_inline(sandbox: Harness, ncco: list[Any]) -> tuple[int, Any]:
    body = {"to": [{"type": "phone", "number": "14155550100"}], "from": CALLER, "ncco": ncco}
    response = await sandbox.client.post("/v1/calls", json=body, headers=sandbox.headers)
    return response.status_code, response.json()


@pytest.mark.parametrize(("ncco", "field"), BAD.values(), ids=BAD.keys())
async def test_a_bad_ncco_is_refused_inline_and_fetched_naming_the_same_field(
    rsa_key: rsa.RSAPrivateKey, ncco: list[Any], field: str
) -> None:
    async with harness(rsa_key) as sandbox:
        status, problem = await _create_inline(sandbox, ncco)
        assert status == 400, problem
        assert field in [parameter["name"] for parameter in problem["invalid_parameters"]]
        with receiver() as hook:
            hook.replies["/answer"] = (200, ncco)
            call = await sandbox.create(answer_url=[hook.url("/answer")])
            await sandbox.advance(5)
        reason = await _error_reason(sandbox, call["uuid"])
    assert reason.startswith("the NCCO is not valid: ") and f"{field}:" in reason, reason


async def test_a_bad_ncco_from_a_transfer_url_ends_the_call_with_an_error(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key) as sandbox:
        with receiver() as hook:
            hook.replies["/transfer"] = (200, [{"action": "talk"}])
            call = await sandbox.create(ncco=HOLD)
            await sandbox.advance(5)
            destination = {"type": "ncco", "url": [hook.url("/transfer")]}
            response = await sandbox.put(call["uuid"], "", {"action": "transfer", "destination": destination})
            assert response.status_code == 204, response.text
            await sandbox.advance(1)
        assert "ncco[0].text: is required" in await _error_reason(sandbox, call["uuid"])


async def test_a_bad_ncco_answered_by_a_notify_webhook_ends_the_call_with_an_error(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    async with harness(rsa_key) as sandbox:
        with receiver() as hook:
            hook.replies["/notify"] = (200, [{"action": "record", "beepStart": "yes"}])
            call = await sandbox.create(ncco=[{"action": "notify", "payload": {}, "eventUrl": [hook.url("/notify")]}])
            await sandbox.advance(5)
        assert "ncco[0].beepStart:" in await _error_reason(sandbox, call["uuid"])


async def test_an_answer_that_is_a_list_of_non_actions_is_refused_naming_the_item(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    async with harness(rsa_key) as sandbox:
        with receiver() as hook:
            hook.replies["/answer"] = (200, ["talk"])
            call = await sandbox.create(answer_url=[hook.url("/answer")])
            await sandbox.advance(5)
        assert "ncco[0]:" in await _error_reason(sandbox, call["uuid"])


async def test_the_string_forms_the_api_accepts_are_taken_inline_and_fetched(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key) as sandbox:
        status, created = await _create_inline(sandbox, LOOSE)
        assert status == 201, created
        transfer = {"action": "transfer", "destination": {"type": "ncco", "ncco": LOOSE}}
        call = await sandbox.create(ncco=HOLD)
        await sandbox.advance(5)
        response = await sandbox.put(call["uuid"], "", transfer)
        assert response.status_code == 204, response.text
        with receiver() as hook:
            hook.replies["/answer"] = (200, LOOSE)
            fetched = await sandbox.create(answer_url=[hook.url("/answer")])
            await sandbox.advance(5)
        for call_uuid in (created["uuid"], call["uuid"], fetched["uuid"]):
            assert await sandbox.events(call_uuid, "error") == []
        # Run as typed values: the record action started (a recording is being made), the talk loops twice.
        internals = await sandbox.internals(fetched["uuid"])
    assert internals["ncco"] == [
        {"action": "record", "beepStart": True, "timeOut": 45},
        {"action": "talk", "text": "hi", "loop": 2},
    ], internals["ncco"]
