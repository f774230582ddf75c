"""A voice agent on Starlette: Vonage streams the caller's audio over a WebSocket, the agent answers with audio.

    app = create_app(signature_secret=os.environ["VONAGE_SIGNATURE_SECRET"])   # serve with uvicorn, behind HTTPS

Point the Vonage application (or the call's ``answer_url``/``event_url``) at:

    GET  /answer   an NCCO that connects the call to this app's WebSocket (16 kHz)
    POST /event    call progress events (the WebSocket leg's too), kept in ``app.state.agent.events``
    WS   /socket   the call's audio: the handshake is verified, then the caller is heard and answered

The agent stands in for speech recognition and synthesis: a 20 ms frame with any sound in it is the caller
speaking; when the caller falls silent, the agent answers with ``reply_seconds`` of audio and asks Vonage to tell it
(``notify``) when that has played. If the caller speaks while the answer plays, the agent stops it (``clear``,
barge-in). After ``replies`` answers have played, it hangs up by closing the WebSocket.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from vonage_voice_client.webhooks import JtiCache, WebhookVerificationError, event_from_request
from vonage_voice_client.websocket import (
    Cleared,
    Connected,
    Notified,
    accept_vonage_websocket,
    audio_frames,
    clear,
    notify,
    parse_message,
)

__all__ = ["AgentLog", "create_app", "reply_audio"]

logger = logging.getLogger(__name__)

RATE = 16000


def reply_audio(number: int, seconds: float, rate: int = RATE) -> bytes:
    """The agent's ``number``-th answer: ``seconds`` of a constant sample (a stand-in for synthesised speech)."""
    return (1000 * number).to_bytes(2, "little", signed=True) * round(seconds * rate)


@dataclass
class AgentLog:
    """What the agent saw, for its tests and its logs."""

    connected: list[Connected] = field(default_factory=list)
    frame_sizes: list[int] = field(default_factory=list)  # every caller frame, in order
    replies: int = 0
    notified: list[Any] = field(default_factory=list)  # the payloads Vonage sent back, in order
    cleared: int = 0
    refused: list[str] = field(default_factory=list)  # why handshakes were refused (the error's class)
    events: list[dict[str, Any]] = field(default_factory=list)


def create_app(*, signature_secret: str, reply_seconds: float = 1.0, replies: int = 3) -> Starlette:
    log = AgentLog()
    handshakes = JtiCache()  # each handshake token is accepted once

    async def answer(request: Request) -> Response:
        socket = str(request.base_url).replace("http", "ws", 1) + "socket"
        endpoint = {"type": "websocket", "uri": socket, "content-type": f"audio/l16;rate={RATE}"}
        return JSONResponse([{"action": "connect", "endpoint": [{**endpoint, "headers": {"agent": "example"}}]}])

    async def event(request: Request) -> Response:
        try:
            callback = await event_from_request(request, signature_secret, kind="event")
        except WebhookVerificationError:
            return Response(status_code=401)
        log.events.append(callback.to_dict())
        return Response(status_code=204)

    async def socket(websocket: WebSocket) -> None:
        try:
            await accept_vonage_websocket(websocket, signature_secret, replay_cache=handshakes)
        except WebhookVerificationError as exc:
            log.refused.append(type(exc).__name__)
            return
        with contextlib.suppress(WebSocketDisconnect):  # the call hung up
            await converse(websocket)

    async def converse(websocket: WebSocket) -> None:
        speaking = heard = False  # the agent's answer is playing; the caller has spoken since the last answer
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            if message.get("text") is not None:
                parsed = parse_message(message["text"])
                if isinstance(parsed, Connected):
                    log.connected.append(parsed)
                elif isinstance(parsed, Notified):
                    log.notified.append(parsed.payload)
                    speaking = False
                    if len(log.notified) >= replies:
                        await websocket.close()  # goodbye: Vonage ends the WebSocket leg
                        return
                elif isinstance(parsed, Cleared):
                    log.cleared += 1
                continue
            frame = message.get("bytes") or b""
            log.frame_sizes.append(len(frame))
            if any(frame):  # the caller is talking
                if speaking and not heard:
                    await websocket.send_text(clear())  # barge-in: stop the answer playing
                heard = True
            elif heard:  # the caller stopped: answer
                heard, speaking = False, True
                log.replies += 1
                for chunk in audio_frames(reply_audio(log.replies, reply_seconds), RATE):
                    await websocket.send_bytes(chunk)
                await websocket.send_text(notify({"reply": log.replies}))

    app = Starlette(
        routes=[
            Route("/answer", answer, methods=["GET"]),
            Route("/event", event, methods=["POST"]),
            WebSocketRoute("/socket", socket),
        ]
    )
    app.state.agent = log
    return app
