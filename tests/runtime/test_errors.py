"""Non-2xx answers raise typed errors carrying the problem body and trace id; success returns the model."""

from __future__ import annotations

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_call
from vonage_voice_api.models import Call

from tests.runtime.support import CALL_UUID, call_record, mock_client, problem
from vonage_voice_client import (
    APIResponseError,
    AuthenticationError,
    ForbiddenError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ValidationError,
    VoiceAPIError,
)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, ValidationError),
        (401, AuthenticationError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (409, VoiceAPIError),
        (422, ValidationError),
        (429, RateLimitedError),
        (500, ServerError),
        (503, ServerError),
    ],
)
def test_each_status_raises_its_class_with_body_fields(
    rsa_key: rsa.RSAPrivateKey, status: int, error_class: type[VoiceAPIError]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return problem(
            status,
            "Problem",
            detail="what went wrong",
            instance="bf0ca0bf927b3b52e3cb03217e1a1ddf",
            invalid_parameters=[{"name": "to", "reason": "bad number"}],
        )

    with mock_client(rsa_key, handler, max_retries=0) as client, pytest.raises(error_class) as caught:
        get_call.sync(CALL_UUID, client=client)
    error = caught.value
    assert type(error) is error_class
    assert (error.status, error.title, error.detail) == (status, "Problem", "what went wrong")
    assert error.type == "https://developer.nexmo.com/api-errors#problem"
    assert error.instance == "bf0ca0bf927b3b52e3cb03217e1a1ddf"
    assert error.trace_id == f"trace-{status}"
    assert (error.method, error.path) == ("GET", f"/v1/calls/{CALL_UUID}")
    assert [(p.name, p.reason) for p in error.invalid_parameters] == [("to", "bad number")]
    assert f"trace-{status}" in str(error) and "what went wrong" in str(error)


def test_rate_limited_carries_retry_after(rsa_key: rsa.RSAPrivateKey) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        response = problem(429, "Too Many Requests")
        response.headers["Retry-After"] = "7"
        return response

    with mock_client(rsa_key, handler, max_retries=0) as client, pytest.raises(RateLimitedError) as caught:
        get_call.sync(CALL_UUID, client=client)
    assert caught.value.retry_after == 7.0


def test_old_error_format_is_read_too(rsa_key: rsa.RSAPrivateKey) -> None:
    body = {"type": "BAD_REQUEST", "error_title": "Bad Request", "invalid_parameters": {"event_url": "Invalid type"}}
    with (
        mock_client(rsa_key, lambda r: httpx.Response(400, json=body), max_retries=0) as client,
        pytest.raises(ValidationError) as caught,
    ):
        get_call.sync(CALL_UUID, client=client)
    assert caught.value.title == "Bad Request"
    assert [(p.name, p.reason) for p in caught.value.invalid_parameters] == [("event_url", "Invalid type")]


def test_non_json_502_keeps_the_raw_text(rsa_key: rsa.RSAPrivateKey) -> None:
    html = "<html><body>502 Bad Gateway</body></html>"
    with (
        mock_client(rsa_key, lambda r: httpx.Response(502, text=html), max_retries=0) as client,
        pytest.raises(ServerError) as caught,
    ):
        get_call.sync(CALL_UUID, client=client)
    assert caught.value.body is None and caught.value.title is None
    assert caught.value.text == html
    assert "502 Bad Gateway" in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [b"not json at all", b'{"_links": "not an object", "uuid": "x"}', b'{"to": {"type": "phone"}}'],
    ids=["not-json", "wrong-type", "branch-missing-field"],
)
def test_malformed_200_raises_a_clear_error_with_the_raw_body(rsa_key: rsa.RSAPrivateKey, content: bytes) -> None:
    with (
        mock_client(rsa_key, lambda r: httpx.Response(200, content=content)) as client,
        pytest.raises(MalformedResponseError) as caught,
    ):
        get_call.sync(CALL_UUID, client=client)
    assert isinstance(caught.value, APIResponseError)
    assert caught.value.content == content
    assert "does not match the API spec" in str(caught.value)


def test_success_returns_the_model_itself(rsa_key: rsa.RSAPrivateKey) -> None:
    with mock_client(rsa_key, lambda r: httpx.Response(200, json=call_record())) as client:
        call = get_call.sync(CALL_UUID, client=client)
    assert isinstance(call, Call)
    assert str(call.uuid) == CALL_UUID
    assert call.to_dict()["conversation_uuid"] == "CON-f972836a-550f-45fa-956c-12a2ab5b7d22"


async def test_async_errors_are_typed_the_same_way(rsa_key: rsa.RSAPrivateKey) -> None:
    async with mock_client(rsa_key, lambda r: problem(404, "Not Found"), max_retries=0) as client:
        with pytest.raises(NotFoundError) as caught:
            await get_call.asyncio(CALL_UUID, client=client)
    assert caught.value.trace_id == "trace-404"


def test_the_message_keeps_title_and_detail_apart(rsa_key: rsa.RSAPrivateKey) -> None:
    detail = f"Call {CALL_UUID} was not found"
    with (
        mock_client(rsa_key, lambda request: problem(404, "Not Found", detail=detail)) as client,
        pytest.raises(NotFoundError) as caught,
    ):
        get_call.sync(CALL_UUID, client=client)
    assert f"HTTP 404 from GET /v1/calls/{CALL_UUID}: Not Found: {detail} (trace id trace-404)" == str(caught.value)
