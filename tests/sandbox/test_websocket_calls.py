"""Audio WebSockets from the sandbox's side: where it connects and refuses to, the handshake, framing and pacing,
the play-out buffer, and what hang-ups and closes do to the call (the example voice agent covers the happy path)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from vonage_voice_sandbox import ServeApp, VoiceSandbox
from vonage_voice_sandbox.engine.media import MAX_QUEUED_FRAMES, MediaSession, resample

from .support import token_for

Received = dict[str, Any]


def receiver(on_connect: Callable[[WebSocket], Any] | None = None) -> tuple[Starlette, Received]:
    """A WebSocket app that records the handshake, text messages and frame sizes; ``on_connect`` may talk back."""
    seen: Received = {"headers": None, "texts": [], "frames": []}

    async def socket(websocket: WebSocket) -> None:
        seen["headers"] = dict(websocket.headers)
        await websocket.accept()
        if on_connect is not None:
            await on_connect(websocket)
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    seen["close"] = message.get("code")
                    return
                if message.get("text") is not None:
                    seen["texts"].append(json.loads(message["text"]))
                else:
                    seen["frames"].append(len(message["bytes"]))
        except WebSocketDisconnect:
            return

    return Starlette(routes=[WebSocketRoute("/socket", socket)]), seen


def create(sandbox: VoiceSandbox, body: dict[str, Any]) -> str:
    headers = token_for(sandbox.application_id, sandbox.private_key_pem)
    response = httpx.post(f"{sandbox.base_url}/v1/calls", json=body, headers=headers, trust_env=False)
    assert response.status_code == 201, response.text
    return str(response.json()["uuid"])


def connect_call(uri: str, *, event_url: str | None = None, **endpoint: Any) -> dict[str, Any]:
    socket = {"type": "websocket", "uri": uri, "content-type": "audio/l16;rate=16000", **endpoint}
    body: dict[str, Any] = {
        "to": [{"type": "phone", "number": "14155550100"}],
        "from": {"type": "phone", "number": "14155550101"},
        "ncco": [{"action": "connect", "endpoint": [socket]}],
    }
    if event_url is not None:
        body["event_url"] = [event_url]
    return body


def ws(base: str) -> str:
    return base.replace("http://", "ws://") + "/socket"


@pytest.mark.parametrize(
    ("uri", "reason"),
    [
        ("ws://192.0.2.10/socket", "not a loopback address"),
        ("wss://example.com/socket", "not a loopback address"),
    ],
)
def test_a_socket_beyond_loopback_is_refused_with_an_error_event(
    voice_sandbox: VoiceSandbox, uri: str, reason: str
) -> None:
    uuid = create(voice_sandbox, connect_call(uri))
    voice_sandbox.advance(4)
    (session,) = voice_sandbox.websockets(uuid)
    assert session.state == "refused" and reason in (session.error or "")
    errors = voice_sandbox.events(uuid, type="error")
    assert len(errors) == 1 and uri in errors[0].payload["reason"]
    assert [e.status for e in voice_sandbox.events(session.call_uuid)] == ["started", "failed"]
    assert voice_sandbox.events(uuid)[-1].status == "completed", "the NCCO went on, and was over"


def test_the_sandbox_never_connects_to_itself(voice_sandbox: VoiceSandbox) -> None:
    uuid = create(voice_sandbox, connect_call(ws(voice_sandbox.base_url)))
    voice_sandbox.advance(4)
    (session,) = voice_sandbox.websockets(uuid)
    assert session.state == "refused" and "own address" in (session.error or "")


def test_custom_authorization_is_sent_verbatim_and_8khz_frames_are_320_bytes(
    voice_sandbox: VoiceSandbox, voice_webhook_server: ServeApp
) -> None:
    app, seen = receiver()
    auth = {"type": "custom", "value": "ApiKey abc123"}
    body = connect_call(ws(voice_webhook_server(app)), authorization=auth, **{"content-type": "audio/l16;rate=8000"})
    uuid = create(voice_sandbox, body)
    voice_sandbox.advance(4 + 0.5)
    assert seen["headers"]["authorization"] == "ApiKey abc123"
    assert seen["texts"] == [{"event": "websocket:connected", "content-type": "audio/l16;rate=8000"}]
    assert seen["frames"] == [320] * 25
    assert voice_sandbox.websockets(uuid)[0].handshake_headers["Authorization"] == "ApiKey abc123"


def test_a_hang_up_closes_the_socket(voice_sandbox: VoiceSandbox, voice_webhook_server: ServeApp) -> None:
    app, seen = receiver()
    uuid = create(voice_sandbox, connect_call(ws(voice_webhook_server(app))))
    voice_sandbox.advance(5)
    headers = token_for(voice_sandbox.application_id, voice_sandbox.private_key_pem)
    hangup = httpx.put(f"{voice_sandbox.base_url}/v1/calls/{uuid}", json={"action": "hangup"}, headers=headers)
    assert hangup.status_code == 204
    voice_sandbox.advance(0)
    (session,) = voice_sandbox.websockets(uuid)
    assert session.closed_by == "sandbox" and session.close_code == 1000 and seen.get("close") == 1000
    assert [e.status for e in voice_sandbox.events(session.call_uuid)][-1] == "completed"


def test_a_call_created_to_a_websocket_is_the_websocket_leg(
    voice_sandbox: VoiceSandbox, voice_webhook_server: ServeApp
) -> None:
    async def hang_up_at_once(websocket: WebSocket) -> None:
        await websocket.close()

    app, _ = receiver(hang_up_at_once)
    uri = ws(voice_webhook_server(app))
    endpoint = {"type": "websocket", "uri": uri, "content-type": "audio/l16;rate=16000"}
    uuid = create(
        voice_sandbox,
        {"to": [endpoint], "from": {"type": "phone", "number": "1"}, "ncco": [{"action": "conversation", "name": "x"}]},
    )
    voice_sandbox.advance(4)
    voice_sandbox.advance(0)
    (session,) = voice_sandbox.websockets(uuid)
    assert session.call_uuid == uuid and session.parent_uuid is None and session.closed_by == "application"
    statuses = [e.status for e in voice_sandbox.events(uuid)]
    assert statuses[-2:] == ["disconnected", "completed"]


def test_the_play_out_buffer_holds_3072_frames() -> None:
    session = MediaSession("leg", None, "ws://x", 16000, "audio/l16;rate=16000", {}, {}, started_at=100.0)
    frame = bytes(640)
    played = [session.play(frame, 100.0) for _ in range(MAX_QUEUED_FRAMES + 5)]
    assert played.count(False) == 5 and session.frames_dropped == 5
    assert session.queued_seconds(100.0) == pytest.approx(MAX_QUEUED_FRAMES * 0.02)
    assert session.play(frame, 100.02), "one frame played: room for one more"


def test_caller_audio_is_resampled_to_the_endpoint_rate() -> None:
    pcm = b"".join(i.to_bytes(2, "little", signed=True) for i in range(160))  # 20 ms at 8 kHz
    assert len(resample(pcm, 8000, 16000)) == 640 and len(resample(pcm, 8000, 8000)) == 320


def test_callee_audio_must_be_pcm_at_a_websocket_rate(voice_sandbox: VoiceSandbox) -> None:
    with pytest.raises(ValueError, match="rate"):
        voice_sandbox.number(audio=(bytes(640), 44100))
    with pytest.raises(ValueError, match="WAV"):
        voice_sandbox.number(audio=b"not a wav file")


def test_an_ncco_in_the_answer_to_disconnected_runs_on_the_call(
    voice_sandbox: VoiceSandbox, voice_webhook_server: ServeApp
) -> None:
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    fallback = [{"action": "talk", "text": "Sorry, our agent is away."}]

    async def event(request: Request) -> Response:
        payload = await request.json()
        return JSONResponse(fallback) if payload.get("status") == "disconnected" else Response(status_code=204)

    async def hang_up_at_once(websocket: WebSocket) -> None:
        await websocket.close()

    socket_app, _ = receiver(hang_up_at_once)
    app = Starlette(routes=[Route("/event", event, methods=["POST"]), *socket_app.routes])
    base = voice_webhook_server(app)
    uuid = create(voice_sandbox, connect_call(ws(base), event_url=f"{base}/event"))
    voice_sandbox.advance(4)
    voice_sandbox.advance(0)
    assert voice_sandbox.call(uuid)["ncco"] == fallback
    (session,) = voice_sandbox.websockets(uuid)
    assert [e.status for e in voice_sandbox.events(session.call_uuid)][-2:] == ["disconnected", "completed"]
    assert voice_sandbox.call(uuid)["record"]["status"] == "answered", "the fallback talk is playing"
