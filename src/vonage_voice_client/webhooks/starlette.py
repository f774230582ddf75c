"""Signed callbacks in Starlette and FastAPI: the typed event from the ``Request`` itself.

    @app.post("/event")
    async def event(request: Request) -> Response:
        try:
            callback = await event_from_request(request, SIGNATURE_SECRET)
        except WebhookVerificationError:
            return Response(status_code=401)
        ...

The token is checked before the body is read, and the body is read streaming, up to ``max_body_bytes``: a forged
token costs the server no body, a huge one no memory. Catch ``PayloadTooLargeError`` first to answer 413.

Nothing of Starlette is imported at run time (the request is only read through its attributes), so this module costs
nothing to applications that do not use it, and needs no extra.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import aclosing
from typing import TYPE_CHECKING, Literal, Unpack, overload

from vonage_voice_api.models import AnswerWebhook, NotifyEvent

from .._redact import Hidden
from ._kinds import VerifyOptions
from .construct import DEFAULT_MAX_BODY_BYTES, Check, too_large
from .parse import Callback, CallbackKind, CallEvent
from .replay import ReplayCache
from .verify import DEFAULT_LEEWAY, DEFAULT_MAX_AGE

if TYPE_CHECKING:
    from starlette.requests import Request


@overload
async def event_from_request(
    request: Request, secret: str | bytes, *, kind: Literal["answer"], **options: Unpack[VerifyOptions]
) -> AnswerWebhook: ...
@overload
async def event_from_request(
    request: Request, secret: str | bytes, *, kind: Literal["notify"], **options: Unpack[VerifyOptions]
) -> NotifyEvent: ...
@overload
async def event_from_request(
    request: Request, secret: str | bytes, *, kind: Literal["event"], **options: Unpack[VerifyOptions]
) -> CallEvent: ...
@overload
async def event_from_request(
    request: Request, secret: str | bytes, *, kind: None = None, **options: Unpack[VerifyOptions]
) -> Callback: ...
async def event_from_request(
    request: Request,
    secret: str | bytes,
    *,
    kind: CallbackKind | None = None,
    replay_cache: ReplayCache | None = None,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    clock: Callable[[], float] = time.time,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callback:
    """Verify the callback ``request`` carries (POST body or GET query) and return its typed event.

    The token is checked before the body is read, and the body is read up to ``max_body_bytes`` only (64 KiB by
    default, far more than a Vonage callback): past it, :class:`PayloadTooLargeError` (answer 413). After a verified
    read, ``await request.body()`` still gives the body.
    """
    # First: the request is a mapping of its ASGI scope, whose headers hold the token; error trackers walk mappings.
    key, http = Hidden(secret), Hidden(request)
    del secret, request
    check = Check(max_age=max_age, leeway=leeway, replay_cache=replay_cache, clock=clock, max_body_bytes=max_body_bytes)
    claims = check.token(Hidden(http.reveal().headers), key)
    method = http.reveal().method
    body = b"" if method.upper() in ("GET", "HEAD") else await _capped_body(http, max_body_bytes)
    return check.event(claims, method, body, http.reveal().url.query, kind)


async def _capped_body(request: Hidden[Request], cap: int) -> bytes:
    """The body, read as it streams in and refused once past ``cap`` bytes (or at once, if its length says so)."""
    if _declared_length(request.reveal().headers.get("content-length")) > cap:
        raise too_large(cap)
    chunks: list[bytes] = []
    size = 0
    async with aclosing(request.reveal().stream()) as stream:
        async for chunk in stream:
            size += len(chunk)
            if size > cap:
                raise too_large(cap)
            chunks.append(chunk)
    body = b"".join(chunks)
    # Kept where Request.body() keeps what it read, so the handler can still call it (the stream is consumed).
    request.reveal()._body = body
    return body


def _declared_length(value: str | None) -> int:
    """The Content-Length, or 0 when absent or unreadable (the streamed count decides then)."""
    if value is None or not value.strip().isdigit() or len(value) > 20:
        return 0
    return int(value)
