"""construct_event and the Starlette helper: verify and parse a callback in one call, from what a framework hands
over (method, headers, raw body, raw query), for POST and GET callbacks; refusals are verification errors."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from vonage_voice_api.models import AnsweredEvent, AnswerWebhook

from tests.runtime.webhooks.support import BODY, NOW, SECRET, claims, compact_hash, sha256_hex, signed
from vonage_voice_client.webhooks import (
    CallbackParseError,
    MalformedTokenError,
    MissingTokenError,
    PayloadHashMismatchError,
    WebhookVerificationError,
    construct_event,
    event_from_request,
    parse_callback,
    verify_callback,
)

ANSWER_OBJECT = {
    "to": "447700900001",
    "from": "447700900000",
    "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
    "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
}
ANSWER_QUERY = urlencode(ANSWER_OBJECT)
GET_TOKEN = signed(claims(payload_hash=compact_hash(ANSWER_OBJECT)))


def construct(method: str, headers: Any, body: bytes = b"", query: str = "") -> object:
    return construct_event(method=method, headers=headers, body=body, query=query, secret=SECRET, clock=lambda: NOW)


def test_a_post_event_is_verified_and_typed_whatever_the_header_case() -> None:
    event = construct("POST", {"authorization": signed(), "content-type": "application/json"}, BODY)
    assert isinstance(event, AnsweredEvent) and event.status == "answered"


def test_a_get_answer_is_verified_against_its_query_and_typed() -> None:
    answer = construct("GET", [("Authorization", GET_TOKEN)], query=ANSWER_QUERY)
    assert isinstance(answer, AnswerWebhook) and answer.to_dict()["uuid"] == ANSWER_OBJECT["uuid"]


def test_a_missing_header_is_a_verification_error_not_a_key_error() -> None:
    with pytest.raises(MissingTokenError):
        construct("POST", {"content-type": "application/json"}, BODY)


def test_two_authorization_headers_are_refused() -> None:
    with pytest.raises(MalformedTokenError, match="more than one Authorization"):
        construct("POST", [("Authorization", signed()), ("authorization", signed())], BODY)


def test_a_changed_body_is_refused() -> None:
    with pytest.raises(PayloadHashMismatchError):
        construct("POST", {"Authorization": signed()}, BODY.replace(b"answered", b"completed"))


def test_a_get_callback_is_checked_against_its_query_even_when_a_body_is_sent() -> None:
    with pytest.raises(PayloadHashMismatchError):
        construct("GET", {"Authorization": GET_TOKEN}, BODY, query=ANSWER_QUERY.replace("447700900001", "447700900666"))


@pytest.mark.parametrize("depth", [1_000, 5_000, 30_000])
def test_a_signed_body_nested_too_deeply_is_a_parse_error_not_a_recursion_error(depth: int) -> None:
    body = ('{"status":"answered","uuid":"u","x":' + "[" * depth + "]" * depth + "}").encode()
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        construct("POST", {"Authorization": signed(claims(payload_hash=sha256_hex(body)))}, body)
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        parse_callback(body)


def test_verified_claims_are_typed_and_still_a_mapping() -> None:
    verified = verify_callback(signed(), BODY, SECRET, clock=lambda: NOW)
    assert (verified.issuer, verified.issued_at, verified.api_key) == ("Vonage", NOW, "abcd1234")
    assert verified.jti == verified["jti"] and dict(verified) == claims()


async def handler(request: Request) -> Response:
    try:
        callback = await event_from_request(request, SECRET, clock=lambda: NOW)
    except WebhookVerificationError as exc:
        return JSONResponse({"refused": type(exc).__name__}, status_code=401)
    return JSONResponse({"model": type(callback).__name__, "uuid": callback.to_dict().get("uuid")})


APP = Starlette(routes=[Route("/callback", handler, methods=["GET", "POST"])])


@pytest.mark.parametrize(
    ("method", "kwargs", "expected"),
    [
        ("POST", {"content": BODY, "headers": {"Authorization": signed()}}, (200, "AnsweredEvent")),
        ("GET", {"params": ANSWER_OBJECT, "headers": {"Authorization": GET_TOKEN}}, (200, "AnswerWebhook")),
        ("POST", {"content": BODY}, (401, "MissingTokenError")),
        (
            "POST",
            {"content": BODY[:-1] + b',"x":1}', "headers": {"Authorization": signed()}},
            (401, "PayloadHashMismatchError"),
        ),
    ],
    ids=["signed POST", "signed GET", "unsigned", "tampered"],
)
async def test_the_starlette_helper_reads_the_request_itself(
    method: str, kwargs: dict[str, Any], expected: tuple[int, str]
) -> None:
    # httpx's ASGI transport, not Starlette's TestClient (which deprecates httpx for httpx2 from Starlette 1.x).
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=APP), base_url="http://testserver") as client:
        response = await client.request(method, "/callback", **kwargs)
    body = json.loads(response.content)
    assert (response.status_code, body.get("model") or body.get("refused")) == expected
