"""Vonage's audio WebSocket in Starlette and FastAPI: verify the handshake and accept, in one call.

    @app.websocket("/socket")                       # or Starlette's WebSocketRoute
    async def socket(websocket: WebSocket) -> None:
        try:
            await accept_vonage_websocket(websocket, SIGNATURE_SECRET, replay_cache=REPLAYS)
        except WebhookVerificationError:
            return                                  # refused: closed with 1008 before accepting (HTTP 403)
        connected = parse_message(await websocket.receive_text())

Nothing of Starlette is imported at run time, so this module needs no extra.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ..webhooks.replay import ReplayCache
from ..webhooks.verify import DEFAULT_LEEWAY, DEFAULT_MAX_AGE, VerifiedClaims, WebhookVerificationError
from .handshake import verify_handshake

if TYPE_CHECKING:
    from starlette.websockets import WebSocket

__all__ = ["POLICY_VIOLATION", "accept_vonage_websocket"]

POLICY_VIOLATION: Final = 1008  # RFC 6455: the close code for a refused handshake


async def accept_vonage_websocket(
    websocket: WebSocket,
    secret: str | bytes,
    *,
    replay_cache: ReplayCache | None = None,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    clock: Callable[[], float] = time.time,
) -> VerifiedClaims:
    """Verify the handshake's ``Authorization`` (:func:`.verify_handshake`) and accept the WebSocket.

    On a refusal the WebSocket is closed before it is accepted (the client sees HTTP 403) and the
    :class:`~vonage_voice_client.webhooks.WebhookVerificationError` is raised for the route to log.
    """
    try:
        claims = verify_handshake(
            websocket.headers.get("authorization"),
            secret,
            max_age=max_age,
            leeway=leeway,
            clock=clock,
            replay_cache=replay_cache,
        )
    except WebhookVerificationError:
        await websocket.close(code=POLICY_VIOLATION)
        raise
    await websocket.accept()
    return claims
