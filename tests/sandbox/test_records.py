"""A call record shows only the endpoint fields the spec declares, whatever the create request carried."""

from __future__ import annotations

from typing import Any

import httpx

from vonage_voice_client import VonageJWT


def test_unknown_endpoint_properties_are_not_echoed(voice_sandbox: Any) -> None:
    auth = VonageJWT(
        voice_sandbox.application_id, voice_sandbox.private_key_pem, allowed_origins=[voice_sandbox.base_url]
    )
    body = {
        "to": [{"type": "phone", "number": "14155550100", "dtmfAnswer": "p*1#", "x-extra": "not in the spec"}],
        "from": {"type": "phone", "number": "14155550199"},
        "ncco": [{"action": "talk", "text": "Hello"}],
    }
    with httpx.Client(base_url=voice_sandbox.base_url, auth=auth, trust_env=False) as http:
        created = http.post("/v1/calls", json=body)
        assert created.status_code == 201, created.text
        record = http.get(f"/v1/calls/{created.json()['uuid']}").json()
    assert record["to"] == {"type": "phone", "number": "14155550100", "dtmfAnswer": "p*1#"}


def test_unknown_nested_properties_are_not_echoed(voice_sandbox: Any) -> None:
    auth = VonageJWT(
        voice_sandbox.application_id, voice_sandbox.private_key_pem, allowed_origins=[voice_sandbox.base_url]
    )
    websocket = {
        "type": "websocket",
        "uri": "wss://example.com/socket",
        "content-type": "audio/l16;rate=16000",
        "headers": {"customer_id": "ABC123", "any": "header"},
        "authorization": {"type": "custom", "value": "Bearer x", "x-extra": 1},
    }
    body = {"to": [websocket], "random_from_number": True, "ncco": [{"action": "talk", "text": "Hello"}]}
    with httpx.Client(base_url=voice_sandbox.base_url, auth=auth, trust_env=False) as http:
        created = http.post("/v1/calls", json=body)
        assert created.status_code == 201, created.text
        record = http.get(f"/v1/calls/{created.json()['uuid']}").json()
    assert record["to"]["authorization"] == {"type": "custom", "value": "Bearer x"}
    assert record["to"]["headers"] == {"customer_id": "ABC123", "any": "header"}, "open objects are kept whole"


def test_a_connect_legs_record_does_not_echo_unknown_endpoint_properties(voice_sandbox: Any) -> None:
    """The WebSocket leg a connect action makes is a call of its own, listed by getCalls: its ``to`` holds what the
    spec declares, as for createCall (a client parsing the list must not meet fields the spec never names)."""
    auth = VonageJWT(
        voice_sandbox.application_id, voice_sandbox.private_key_pem, allowed_origins=[voice_sandbox.base_url]
    )
    socket = {
        "type": "websocket",
        "uri": "wss://example.com/socket",
        "content-type": "audio/l16;rate=16000",
        "authorization": {"type": "vonage", "x-extra": 1},
        "x-extra": "not in the spec",
    }
    body = {
        "to": [{"type": "phone", "number": "14155550100"}],
        "from": {"type": "phone", "number": "14155550199"},
        "ncco": [{"action": "connect", "endpoint": [socket]}],
    }
    with httpx.Client(base_url=voice_sandbox.base_url, auth=auth, trust_env=False) as http:
        created = http.post("/v1/calls", json=body)
        assert created.status_code == 201, created.text
        voice_sandbox.advance(4)
        (session,) = voice_sandbox.websockets(created.json()["uuid"])
        record = http.get(f"/v1/calls/{session.call_uuid}").json()
    assert record["to"] == {
        "type": "websocket",
        "uri": "wss://example.com/socket",
        "content-type": "audio/l16;rate=16000",
        "authorization": {"type": "vonage"},
    }
