"""Signed callbacks in Starlette and FastAPI: the typed event from the ``Request`` itself.

    @app.post("/event")
    async def event(request: Request) -> Response:
        try:
            callback = await event_from_request(request, SIGNATURE_SECRET)
        except WebhookVerificationError:
            return Response(status_code=401)
        ...

Nothing of Starlette is imported at run time (the request is only read through its public attributes), so this
module costs nothing to applications that do not use it, and needs no extra.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Unpack, overload

from vonage_voice_api.models import AnswerWebhook, NotifyEvent

from ._kinds import VerifyOptions
from .construct import construct_any_event
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
) -> Callback:
    """Verify the callback ``request`` carries (POST body or GET query) and return its typed event."""
    return construct_any_event(
        method=request.method,
        headers=request.headers,
        body=await request.body(),
        query=request.url.query,
        secret=secret,
        kind=kind,
        max_age=max_age,
        leeway=leeway,
        replay_cache=replay_cache,
        clock=clock,
    )
