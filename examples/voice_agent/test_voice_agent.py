"""The voice agent tested as an application's own suite would: only the public fixtures (``voice_sandbox``,
``voice_client``, ``voice_webhook_server``), the generated client, the runtime and the app itself.

The sandbox calls a number whose scripted callee speaks (``number(audio=...)``), fetches the app's NCCO, opens the
app's WebSocket as Vonage would and streams the callee's audio on the virtual clock: ``advance(t)`` sends t seconds
of 20 ms frames, and what the app sends back plays from the virtual time it arrived.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import jwt
import pytest
import websockets.sync.client
from vonage_voice_api.api.calls import create_call
from vonage_voice_api.models import CreateCallRequestAnswerUrl, EndpointPhoneTo
from websockets.exceptions import InvalidStatus

from examples.voice_agent.app import AgentLog, create_app, reply_audio
from vonage_voice_client import VoiceClient
from vonage_voice_sandbox import ServeApp, VoiceSandbox, WebSocketSession

RATE = 16000
ANSWERED_AFTER = 4.0  # the sandbox's callee: rings after 1 s, answers 3 s later; the WebSocket opens then


def speech(seconds: float) -> bytes:
    return b"\x10\x00" * round(seconds * RATE)


def silence(seconds: float) -> bytes:
    return bytes(2 * round(seconds * RATE))


def start(
    sandbox: VoiceSandbox, client: VoiceClient, serve: ServeApp, callee: bytes, **options: float
) -> tuple[str, AgentLog]:
    app = create_app(signature_secret=sandbox.signature_secret, **options)  # type: ignore[arg-type]
    base = serve(app)
    body = CreateCallRequestAnswerUrl(
        to=[EndpointPhoneTo(number=sandbox.number(audio=(callee, RATE)))],
        random_from_number=True,
        answer_url=[f"{base}/answer"],
        event_url=[f"{base}/event"],
    )
    uuid = str(create_call.sync(client=client, body=body).uuid)
    sandbox.advance(ANSWERED_AFTER)
    return uuid, app.state.agent


def eventually(check: Callable[[], bool], timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while not check() and time.monotonic() < deadline:
        time.sleep(0.01)
    return check()


def session(sandbox: VoiceSandbox, uuid: str) -> WebSocketSession:
    (found,) = sandbox.websockets(uuid)
    return found


def test_the_agent_hears_50_frames_of_640_bytes_per_second(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    uuid, agent = start(voice_sandbox, voice_client, voice_webhook_server, speech(3))
    assert [c.content_type for c in agent.connected] == ["audio/l16;rate=16000"]
    assert agent.connected[0].headers == {"agent": "example"}, "the endpoint's headers, as top-level keys"

    voice_sandbox.advance(1)
    assert agent.frame_sizes == [640] * 50
    voice_sandbox.advance(1.5)
    assert agent.frame_sizes == [640] * 125
    assert session(voice_sandbox, uuid).frames_sent == 125


def test_the_answer_plays_and_notify_comes_back_once_it_has_played(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    uuid, agent = start(voice_sandbox, voice_client, voice_webhook_server, speech(1), reply_seconds=1.0)
    voice_sandbox.advance(1.1)  # the caller spoke for 1 s, then fell silent: the agent answers with 1 s of audio
    assert agent.replies == 1
    voice_sandbox.advance(0.5)
    half = session(voice_sandbox, uuid)
    assert half.seconds_played == pytest.approx(0.5) and agent.notified == [], "half played: no notify yet"

    voice_sandbox.advance(0.5)
    played = session(voice_sandbox, uuid)
    assert played.seconds_played == pytest.approx(1.0) and played.audio_played == reply_audio(1, 1.0)
    assert agent.notified == [{"reply": 1}], "notify answered once the audio queued before it had played"
    assert {"event": "websocket:notify", "payload": {"reply": 1}} in played.messages_sent


def test_clear_on_barge_in_drops_the_rest_and_what_follows_plays(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    callee = speech(1) + silence(1) + speech(0.5)  # the caller talks over the agent's answer at 2 s
    uuid, agent = start(voice_sandbox, voice_client, voice_webhook_server, callee, reply_seconds=3.0)
    voice_sandbox.advance(1.1)  # answer 1 (3 s) starts playing at 1.1 s
    voice_sandbox.advance(1.0)  # at 2.1 s the agent has heard the caller again: clear
    cleared = session(voice_sandbox, uuid)
    assert agent.cleared == 1 and {"action": "clear"} in cleared.messages_received
    assert cleared.seconds_queued == 0 and cleared.seconds_played == pytest.approx(1.0)

    voice_sandbox.advance(0.5)  # the caller fell silent at 2.5 s: answer 2 (3 s) from 2.6 s
    voice_sandbox.advance(3.0)
    after = session(voice_sandbox, uuid)
    assert after.audio_played == reply_audio(1, 1.0) + reply_audio(2, 3.0), "the cleared rest never played"
    assert after.seconds_played == pytest.approx(4.0)


def test_closing_the_socket_completes_the_leg_and_the_call(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    uuid, agent = start(voice_sandbox, voice_client, voice_webhook_server, speech(1), replies=1)
    voice_sandbox.advance(1.1)
    voice_sandbox.advance(1.0)  # the answer has played: notified, the agent says goodbye by closing the socket
    closed = session(voice_sandbox, uuid)
    assert closed.state == "closed" and closed.closed_by == "application" and closed.close_code == 1000

    leg = [event.status for event in voice_sandbox.events(closed.call_uuid)]
    assert leg == ["started", "answered", "disconnected", "completed"]
    assert voice_sandbox.events(uuid)[-1].status == "completed", "the connect action was the NCCO: the call ends"
    assert [e["status"] for e in agent.events if e["uuid"] == closed.call_uuid][-2:] == ["disconnected", "completed"]


def test_the_handshake_is_signed_like_a_webhook_and_a_replay_is_refused(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    uuid, agent = start(voice_sandbox, voice_client, voice_webhook_server, speech(1))
    opened = session(voice_sandbox, uuid)
    assert opened.authorization is not None
    scheme, token = opened.authorization.split(" ")
    claims = jwt.decode(token, voice_sandbox.signature_secret, algorithms=["HS256"])
    assert scheme == "Bearer" and claims["iss"] == "Vonage" and claims["application_id"] == voice_sandbox.application_id

    replayed = {"Authorization": opened.authorization}  # the same token once more: the agent's replay cache
    with pytest.raises(InvalidStatus) as refused:
        websockets.sync.client.connect(opened.uri, additional_headers=replayed, proxy=None)
    assert refused.value.response.status_code == 403
    assert eventually(lambda: agent.refused == ["ReplayedTokenError"]), "logged just after the refusal went out"


def test_a_forged_handshake_is_refused_and_the_call_hears_of_it(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    voice_sandbox.sign_callbacks_with("not-the-signature-secret-but-long-enough")
    uuid, agent = start(voice_sandbox, voice_client, voice_webhook_server, speech(1))
    assert agent.refused == ["InvalidSignatureError"] and agent.connected == []
    assert session(voice_sandbox, uuid).state == "refused"
    assert "error" in [event.type for event in voice_sandbox.events(uuid)]
