"""The body of a callback is read only once its token holds, and only up to ``max_body_bytes``: a forged token with
a huge body costs the server nothing, a good token with a huge body a bounded read, refused with
``PayloadTooLargeError`` (answered 413)."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.runtime.webhooks.support import BODY, EVENT, NOW, SECRET, WRONG_SECRET, signed
from vonage_voice_client.errors import ConfigurationError
from vonage_voice_client.webhooks import (
    DEFAULT_MAX_BODY_BYTES,
    InvalidSignatureError,
    PayloadTooLargeError,
    WebhookVerificationError,
    construct_event,
    event_from_request,
)

CHUNK = b" " * 65_536
HUGE = 300 * 1024 * 1024  # the 300 MB POST that took a server from 46 to 647 MiB


def construct(body: bytes | str, *, token: str | None = None, **options: Any) -> object:
    headers = {"Authorization": token or signed()}
    return construct_event(method="POST", headers=headers, body=body, secret=SECRET, clock=lambda: NOW, **options)


def test_the_default_cap_is_64_kib() -> None:
    assert DEFAULT_MAX_BODY_BYTES == 64 * 1024


def test_construct_event_refuses_a_body_over_the_cap_before_hashing_it() -> None:
    padded = BODY + b" " * DEFAULT_MAX_BODY_BYTES  # still the signed event once parsed: only its size is wrong
    with pytest.raises(PayloadTooLargeError, match="max_body_bytes"):
        construct(padded)
    assert type(construct(padded, max_body_bytes=len(padded))).__name__ == "AnsweredEvent"
    with pytest.raises(PayloadTooLargeError):
        construct(BODY, max_body_bytes=len(BODY) - 1)


def test_a_str_body_is_measured_in_utf8_bytes() -> None:
    text = json.dumps({**EVENT, "note": "é" * 40}, ensure_ascii=False)
    with pytest.raises(PayloadTooLargeError):
        construct(text, max_body_bytes=len(text))  # as many characters as allowed, more bytes


def test_a_forged_token_is_refused_as_forged_whatever_the_size_of_the_body() -> None:
    with pytest.raises(InvalidSignatureError):
        construct(BODY + b" " * 1_000_000, token=signed(secret=WRONG_SECRET))


@pytest.mark.parametrize("cap", [0, -1, True, 1.5, None])
def test_a_cap_that_is_not_a_positive_number_of_bytes_is_a_configuration_error(cap: Any) -> None:
    with pytest.raises(ConfigurationError, match="max_body_bytes"):
        construct(BODY, max_body_bytes=cap)


# --- the Starlette helper, with a body streamed in ------------------------------------------------------------------


async def handler(request: Request) -> Response:
    try:
        callback = await event_from_request(request, SECRET, clock=lambda: NOW)
    except PayloadTooLargeError:
        return Response(status_code=413)
    except WebhookVerificationError as exc:
        return JSONResponse({"refused": type(exc).__name__}, status_code=401)
    # the body the helper read is still there for the handler
    return JSONResponse({"model": type(callback).__name__, "body": len(await request.body())})


APP = Starlette(routes=[Route("/event", handler, methods=["POST"])])


class Upload:
    """A streamed request body of ``size`` bytes, counting what the server took of it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self.size:
            self.sent += len(CHUNK)
            yield CHUNK


async def post(token: str, content: Any, headers: dict[str, str] | None = None) -> tuple[httpx.Response, int]:
    """The response, and the peak of Python memory allocated while the request was served."""
    tracemalloc.start()
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=APP), base_url="http://testserver") as client:
            response = await client.post("/event", content=content, headers={"Authorization": token, **(headers or {})})
        return response, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def test_a_forged_token_with_a_huge_body_is_refused_without_reading_the_body() -> None:
    upload = Upload(HUGE)
    response, peak = await post(signed(secret=WRONG_SECRET), upload)
    assert (response.status_code, response.json()) == (401, {"refused": "InvalidSignatureError"})
    assert upload.sent == 0
    assert peak < 2 * 1024 * 1024


async def test_a_good_token_with_a_huge_body_is_refused_after_reading_no_more_than_the_cap() -> None:
    upload = Upload(HUGE)
    response, peak = await post(signed(), upload)
    assert response.status_code == 413
    assert upload.sent <= DEFAULT_MAX_BODY_BYTES + len(CHUNK)
    assert peak < 2 * 1024 * 1024


async def test_a_declared_length_over_the_cap_is_refused_before_the_body_is_read() -> None:
    upload = Upload(HUGE)
    response, _ = await post(signed(), upload, {"Content-Length": str(HUGE)})
    assert (response.status_code, upload.sent) == (413, 0)


async def test_a_genuine_callback_streamed_in_chunks_is_read_whole_and_left_for_the_handler() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(BODY), 7):
            yield BODY[start : start + 7]

    response, _ = await post(signed(), chunks())
    assert (response.status_code, response.json()) == (200, {"model": "AnsweredEvent", "body": len(BODY)})
