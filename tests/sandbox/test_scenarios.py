"""Registered numbers (a named scenario plus a scripted callee) and signing control, at ``/_sandbox/``.

What the CLI's users and the ``voice_sandbox`` fixture rely on: a bad request is a 400 naming the field, the callee
answers an input one second after it starts, and a reset forgets registered numbers and restores the secret.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import Harness, harness

SECRET = "a-signature-secret-of-32-characters"


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key, signature_secret=SECRET) as running:
        yield running


async def register(sandbox: Harness, **body: Any) -> str:
    response = await sandbox.client.post("/_sandbox/scenarios", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["number"])


def menu(*kinds: str, **dtmf: Any) -> list[dict[str, Any]]:
    return [{"action": "input", "type": list(kinds), "dtmf": dtmf, "eventUrl": ["https://example.com/input"]}]


async def test_the_callee_presses_its_keys_one_second_into_the_input(sandbox: Harness) -> None:
    number = await register(sandbox, dtmf=["12#"])
    call = await sandbox.create(number, ncco=menu("dtmf", submitOnHash=True))
    await sandbox.advance(4)  # answered: the input starts
    await sandbox.advance(0.9)
    assert await sandbox.events(call["uuid"], "input") == []
    await sandbox.advance(0.1)
    [event] = await sandbox.events(call["uuid"], "input")
    assert event["payload"]["dtmf"] == {"digits": "12", "timed_out": False}


async def test_speech_is_recognised_after_end_on_silence(sandbox: Harness) -> None:
    number = await register(sandbox, speech=["I want sales"])
    ncco = [{"action": "input", "type": ["speech"], "speech": {"endOnSilence": 1.5}}]
    call = await sandbox.create(number, ncco=ncco)
    await sandbox.advance(4 + 1 + 1.4)
    assert await sandbox.events(call["uuid"], "input") == []
    await sandbox.advance(0.1)
    [event] = await sandbox.events(call["uuid"], "input")
    assert event["payload"]["speech"]["results"] == [{"text": "I want sales", "confidence": "0.95"}]


async def test_a_registered_number_keeps_its_scenario(sandbox: Harness) -> None:
    call = await sandbox.create(await register(sandbox, scenario="busy", dtmf=["1"]))
    await sandbox.advance(5)
    assert await sandbox.statuses(call["uuid"]) == ["started", "busy"]


async def test_reset_forgets_registered_numbers_and_restores_signing(sandbox: Harness) -> None:
    number = await register(sandbox, scenario="busy")
    assert (await sandbox.client.put("/_sandbox/signature", json={"secret": None})).json() == {"signed": False}
    assert (await sandbox.client.get("/_sandbox/info")).json()["signed_callbacks"] is False
    assert (await sandbox.client.post("/_sandbox/reset", json={})).status_code == 200
    assert (await sandbox.client.get("/_sandbox/info")).json()["signed_callbacks"] is True
    call = await sandbox.create(number)
    await sandbox.advance(5)
    assert await sandbox.statuses(call["uuid"]) == ["started", "ringing", "answered"], "no longer busy"


@pytest.mark.parametrize(
    ("path", "method", "body", "name"),
    [
        ("/_sandbox/scenarios", "POST", {"scenario": "engaged"}, "scenario"),
        ("/_sandbox/scenarios", "POST", {"dtmf": "1"}, "dtmf"),
        ("/_sandbox/scenarios", "POST", {"speech": [""]}, "speech"),
        ("/_sandbox/signature", "PUT", {"secret": 42}, "secret"),
        ("/_sandbox/signature", "PUT", {"secret": ""}, "secret"),
    ],
)
async def test_bad_admin_requests_are_400_naming_the_field(
    sandbox: Harness, path: str, method: str, body: dict[str, Any], name: str
) -> None:
    response = await sandbox.client.request(method, path, json=body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_parameters"]] == [name]
    assert await sandbox.internal_errors() == []
