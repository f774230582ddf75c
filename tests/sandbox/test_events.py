"""Events: the payloads of the webhook reference, signed as Vonage signs them, delivered to loopback receivers only."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from tests.sandbox.support import APP_ID, Harness, harness, receiver
from vonage_voice_client.webhooks import verify_callback
from vonage_voice_sandbox.spec.document import load_spec

SECRET = "a-signature-secret-of-32-characters"
STATUS_FIELDS = {"from", "to", "uuid", "conversation_uuid", "status", "direction", "timestamp"}


@pytest.fixture
async def signed(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key, signature_secret=SECRET) as running:
        yield running


@pytest.fixture
async def unsigned(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def claims_of(authorization: str) -> dict[str, Any]:
    scheme, _, token = authorization.partition(" ")
    assert scheme == "Bearer"
    return dict(jwt.decode(token, SECRET, algorithms=["HS256"], options={"require": ["iat", "jti", "payload_hash"]}))


async def test_events_arrive_at_a_loopback_receiver_in_order(signed: Harness) -> None:
    with receiver() as hook:
        call = await signed.create(event_url=[hook.url("/events")])
        await signed.advance(60)
        bodies = [request.json() for request in hook.on("/events")]
        assert [body["status"] for body in bodies] == ["started", "ringing", "answered", "completed"]
        assert all(request.method == "POST" for request in hook.requests)
        assert all(request.headers["Content-Type"] == "application/json" for request in hook.requests)
        assert {e["delivery"]["state"] for e in await signed.events(call["uuid"])} == {"delivered"}


async def test_signed_posts_verify_with_pyjwt_and_the_payload_hash(signed: Harness) -> None:
    with receiver() as hook:
        await signed.create(event_url=[hook.url("/events")])
        await signed.advance(60)
        for request in hook.requests:
            claims = claims_of(request.headers["Authorization"])
            assert claims["iss"] == "Vonage"
            assert claims["application_id"] == APP_ID
            assert claims["payload_hash"] == hashlib.sha256(request.body).hexdigest()
            assert request.body == json.dumps(request.json(), separators=(",", ":"), ensure_ascii=False).encode()


async def test_signed_posts_verify_with_the_runtime_webhook_checker(signed: Harness) -> None:
    with receiver() as hook:
        await signed.create(event_url=[hook.url("/events")])
        await signed.advance(60)
        for request in hook.requests:
            claims = verify_callback(request.headers["Authorization"], request.body, SECRET)
            assert claims["iss"] == "Vonage"


async def test_get_events_carry_the_payload_in_the_query_and_sign_it(signed: Harness) -> None:
    with receiver() as hook:
        call = await signed.create(event_url=[hook.url("/events")], event_method="GET")
        await signed.advance(60)
        [started, *_] = hook.on("/events")
        assert started.method == "GET"
        query = dict(parse_qsl(started.query))
        assert query["uuid"] == call["uuid"] and query["status"] == "started"
        expected = hashlib.sha256(json.dumps(query, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
        assert claims_of(started.headers["Authorization"])["payload_hash"] == expected
        verify_callback(started.headers["Authorization"], b"", SECRET, query=started.query)


async def test_unsigned_without_a_secret(unsigned: Harness) -> None:
    with receiver() as hook:
        await unsigned.create(event_url=[hook.url("/events")])
        await unsigned.advance(60)
        assert hook.requests
        assert all("Authorization" not in request.headers for request in hook.requests)


async def test_other_addresses_are_recorded_but_never_contacted(unsigned: Harness) -> None:
    call = await unsigned.create(event_url=["https://example.com/events"])
    await unsigned.advance(60)
    events = await unsigned.events(call["uuid"])
    assert [e["delivery"] for e in events] == [{"state": "not-contacted", "reason": "not a loopback address"}] * 4
    assert events[0]["url"] == "https://example.com/events"


async def test_without_event_url_events_are_only_recorded(unsigned: Harness) -> None:
    call = await unsigned.create()
    await unsigned.advance(60)
    assert {e["delivery"]["state"] for e in await unsigned.events(call["uuid"])} == {"no-url"}


async def test_delivery_can_be_turned_off(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, event_delivery=False) as sandbox:
        with receiver() as hook:
            call = await sandbox.create(event_url=[hook.url("/events")])
            await sandbox.advance(60)
            assert hook.requests == []
            assert {e["delivery"]["state"] for e in await sandbox.events(call["uuid"])} == {"disabled"}


async def test_a_dead_receiver_is_recorded_and_breaks_nothing(unsigned: Harness) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: connections are refused
        call = await unsigned.create(event_url=[f"http://127.0.0.1:{port}/events"])
        await unsigned.advance(60)
    events = await unsigned.events(call["uuid"])
    assert {e["delivery"]["state"] for e in events} == {"failed"}
    assert "ConnectError" in events[0]["delivery"]["error"]
    assert await unsigned.status(call["uuid"]) == "completed"
    assert await unsigned.internal_errors() == []


async def test_a_refusing_receiver_is_recorded(unsigned: Harness) -> None:
    with receiver() as hook:
        hook.replies["/events"] = (503, {"busy": True})
        call = await unsigned.create(event_url=[hook.url("/events")])
        await unsigned.advance(60)
        assert {json.dumps(e["delivery"]) for e in await unsigned.events(call["uuid"])} == {
            json.dumps({"state": "rejected", "status_code": 503})
        }


async def test_status_payload_fields(unsigned: Harness) -> None:
    call = await unsigned.create()
    await unsigned.advance(60)
    started, ringing, answered, completed = (e["payload"] for e in await unsigned.events(call["uuid"]))
    assert set(started) == set(ringing) == STATUS_FIELDS
    assert set(answered) == STATUS_FIELDS | {"start_time", "rate", "network"}
    assert answered["network"] == ""  # empty at this point (the webhook reference)
    assert set(completed) >= STATUS_FIELDS | {"start_time", "end_time", "duration", "rate", "price", "network"}
    assert completed["disconnected_by"] == "platform"
    assert (started["from"], started["to"], started["direction"]) == ("14155550101", "14155550100", "outbound")


SCHEMAS = {
    "input": "InputEvent",
    "record": "RecordEvent",
    "transfer": "TransferEvent",
    "notify": "NotifyEvent",
    "error": "ErrorEvent",
}


def schema_for(kind: str) -> str:
    return SCHEMAS.get(kind, "CallStatusEvent")


async def test_every_event_kind_matches_the_spec_event_schemas(unsigned: Harness) -> None:
    """Whatever event schemas the patched spec has, the sandbox's payloads must satisfy them."""
    components = load_spec().document.get("components", {})
    missing = sorted({*SCHEMAS.values(), "CallStatusEvent"} - set(components.get("schemas", {})))
    assert missing == [], f"the patched spec lost event schemas the sandbox's events are checked against: {missing}"
    with receiver() as hook:
        hook.replies["/answer"] = (404, None)
        numbers = ["14155550100", "15550000001", "15550000002", "15550000003", "15550000004", "15550000005"]
        for number in numbers:
            await unsigned.create(number, ncco=[{"action": "record"}, {"action": "input", "type": ["dtmf", "speech"]}])
        await unsigned.create("15550000006", machine_detection="continue", ncco=[{"action": "wait", "timeout": 5}])
        await unsigned.create(answer_url=[hook.url("/answer")])  # -> an error event
        hold = await unsigned.create(ncco=[{"action": "conversation", "name": "room"}])
        await unsigned.advance(5)
        await unsigned.put(
            hold["uuid"],
            "",
            {
                "action": "transfer",
                "destination": {
                    "type": "ncco",
                    "ncco": [{"action": "notify", "payload": {"a": 1}, "eventUrl": ["https://example.com/n"]}],
                },
            },
        )
        await unsigned.create(ncco=[{"action": "wait", "timeout": 1}], to=[{"type": "sip", "uri": "sip:a@example.com"}])
        await unsigned.advance(200)
    events = await unsigned.events()
    kinds = {e["type"] for e in events}
    assert kinds >= {"started", "ringing", "answered", "completed", "busy", "unanswered", "timeout", "rejected",
                     "failed", "machine", "input", "record", "transfer", "notify", "error"}  # fmt: skip
    for event in events:
        schema = {"$ref": f"#/components/schemas/{schema_for(event['type'])}", "components": components}
        errors = [
            e.message for e in OAS30Validator(schema, format_checker=oas30_format_checker).iter_errors(event["payload"])
        ]
        assert errors == [], (event["type"], event["payload"])
