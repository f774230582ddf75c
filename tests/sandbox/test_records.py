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
