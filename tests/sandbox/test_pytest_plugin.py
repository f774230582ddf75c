"""The pytest fixtures as an application's own suite uses them: fresh state per test, signed callbacks, the record of
what the application answered, scenarios chosen from the test, and the application's app served on loopback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.models import (
    CreateCallRequestAnswerUrl,
    CreateCallRequestNcco,
    EndpointPhoneTo,
    InputAction,
    InputActionDtmf,
    InputActionTypeItem,
    TalkAction,
)

from vonage_voice_client import NotFoundError, VoiceClient
from vonage_voice_client.webhooks import WebhookVerificationError, verify_callback
from vonage_voice_sandbox import AppServers, ServeApp, VoiceSandbox

GOODBYE = [{"action": "talk", "text": "Thank you, goodbye."}]


@dataclass
class Webhooks:
    """An application's webhooks: verifies every request with the secret and answers each path as told."""

    secret: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    seen: list[tuple[str, bool]] = field(default_factory=list)  # (path, signature verified)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self.endpoint, methods=["GET", "POST"])])

    async def endpoint(self, request: Request) -> Response:
        try:
            verify_callback(request.headers.get("authorization"), await request.body(), self.secret,
                            query=request.url.query or None)  # fmt: skip
        except WebhookVerificationError:
            self.seen.append((request.url.path, False))
            return Response(status_code=401)
        self.seen.append((request.url.path, True))
        answer = self.answers.get(request.url.path)
        return Response(status_code=204) if answer is None else JSONResponse(answer)


def call_app(client: VoiceClient, base: str, to: str = "14155550100") -> str:
    body = CreateCallRequestAnswerUrl(
        to=[EndpointPhoneTo(number=to)],
        random_from_number=True,
        answer_url=[f"{base}/answer"],
        event_url=[f"{base}/event"],
    )
    return str(create_call.sync(client=client, body=body).uuid)


# ---- fresh state, one server --------------------------------------------------------------------------------------

_FIRST: dict[str, str] = {}


def test_a_test_leaves_a_call_behind(voice_sandbox: VoiceSandbox, voice_client: VoiceClient) -> None:
    body = CreateCallRequestNcco(to=[EndpointPhoneTo(number="14155550100")], random_from_number=True,
                                 ncco=[TalkAction(text="x" * 300)])  # fmt: skip
    _FIRST["uuid"] = str(create_call.sync(client=voice_client, body=body).uuid)
    _FIRST["base_url"] = voice_sandbox.base_url
    voice_sandbox.sign_callbacks_with(None)
    voice_sandbox.add_fault(status=503, path="/nowhere")


def test_the_next_test_starts_with_fresh_state_on_the_same_server(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient
) -> None:
    if not _FIRST:
        pytest.skip("runs after test_a_test_leaves_a_call_behind")
    assert voice_sandbox.base_url == _FIRST["base_url"], "one server for the session: cheap fixtures"
    assert voice_sandbox.events() == [] and voice_sandbox.callbacks() == []
    with pytest.raises(NotFoundError):
        get_call.sync(_FIRST["uuid"], client=voice_client)
    assert voice_sandbox.app.sandbox.faults.rules() == []
    assert voice_sandbox.app.sandbox.deliverer.signing, "signing is back on"


def test_a_call_is_looked_up_by_the_uuid_the_client_returns(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    """``events``, ``callbacks`` and ``call`` take the ``UUID`` a created call carries, or its string."""
    base = voice_webhook_server(Webhooks(voice_sandbox.signature_secret, {"/answer": GOODBYE}).app())
    body = CreateCallRequestAnswerUrl(to=[EndpointPhoneTo(number="14155550100")], random_from_number=True,
                                      answer_url=[f"{base}/answer"], event_url=[f"{base}/event"])  # fmt: skip
    uuid = create_call.sync(client=voice_client, body=body).uuid
    voice_sandbox.advance(10)
    assert voice_sandbox.events(uuid) == voice_sandbox.events(str(uuid)) != []
    assert {c.call_uuid for c in voice_sandbox.callbacks(uuid, type="answer")} == {str(uuid)}
    assert voice_sandbox.call(uuid)["record"]["uuid"] == str(uuid)
    with pytest.raises(TypeError, match="a call uuid is a UUID or a str, not int"):
        voice_sandbox.events(1234)  # type: ignore[arg-type]


# ---- signed callbacks and their record ----------------------------------------------------------------------------


def test_every_callback_is_signed_with_the_signature_secret_and_recorded_with_the_answer(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    hooks = Webhooks(voice_sandbox.signature_secret, {"/answer": GOODBYE})
    base = voice_webhook_server(hooks.app())
    uuid = call_app(voice_client, base)
    voice_sandbox.advance(30)
    assert [e.status for e in voice_sandbox.events(uuid)] == ["started", "ringing", "answered", "completed"]
    assert hooks.seen and all(verified for _, verified in hooks.seen)
    records = voice_sandbox.callbacks(uuid)
    assert [(r.type, r.method, r.status_code) for r in records] == [
        ("started", "POST", 204), ("ringing", "POST", 204), ("answered", "POST", 204), ("answer", "GET", 200),
        ("completed", "POST", 204),
    ]  # fmt: skip
    answer = records[3]
    assert answer.url == f"{base}/answer" and answer.answer == GOODBYE and answer.signed
    assert voice_sandbox.callbacks(uuid, type="answer") == [answer]


def test_signing_with_another_secret_lets_a_test_see_the_application_refuse(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    hooks = Webhooks(voice_sandbox.signature_secret, {"/answer": GOODBYE})
    voice_sandbox.sign_callbacks_with("a-forger-who-does-not-know-the-secret")
    uuid = call_app(voice_client, voice_webhook_server(hooks.app()))
    voice_sandbox.advance(30)
    assert not any(verified for _, verified in hooks.seen)
    assert {r.status_code for r in voice_sandbox.callbacks(uuid)} == {401}
    # A refused answer_url leaves the call without an NCCO: the API reports an error and ends the call.
    assert [e.type for e in voice_sandbox.events(uuid)][-2:] == ["error", "completed"]


def test_a_webhook_that_cannot_be_reached_is_recorded_with_the_error(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient
) -> None:
    with AppServers() as servers:
        base = servers.serve(Webhooks(voice_sandbox.signature_secret).app())
    uuid = call_app(voice_client, base)  # the server has stopped: nothing listens there any more
    voice_sandbox.advance(1)
    [started, *_] = voice_sandbox.callbacks(uuid)
    assert started.status_code is None and started.answer is None and started.error


# ---- voice_webhook_server -----------------------------------------------------------------------------------------


def test_the_application_app_is_served_on_loopback_for_the_test(voice_webhook_server: ServeApp) -> None:
    async def hello(request: Request) -> Response:
        return JSONResponse({"path": request.url.path})

    base = voice_webhook_server(Starlette(routes=[Route("/hello", hello)]))
    assert base.startswith("http://127.0.0.1:")
    assert httpx.get(f"{base}/hello", trust_env=False).json() == {"path": "/hello"}
    other = voice_webhook_server(Starlette(routes=[Route("/hello", hello)]))
    assert other != base, "each app gets its own port"


# ---- scenarios chosen by the test ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "statuses"),
    [
        ("busy", ["started", "busy"]),
        ("unanswered", ["started", "ringing", "unanswered"]),
        ("failed", ["started", "failed"]),
        ("machine", ["started", "ringing", "answered", "machine"]),
    ],
)
def test_a_named_scenario_decides_how_the_call_goes(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, scenario: str, statuses: list[str]
) -> None:
    body = CreateCallRequestNcco.from_dict({
        "to": [{"type": "phone", "number": voice_sandbox.number(scenario)}], "random_from_number": True,
        "ncco": [{"action": "talk", "text": "x" * 300}], "machine_detection": "continue",
    })  # fmt: skip
    uuid = str(create_call.sync(client=voice_client, body=body).uuid)
    voice_sandbox.advance(40)
    assert [e.type for e in voice_sandbox.events(uuid)][: len(statuses)] == statuses


def input_ncco(base: str, kind: InputActionTypeItem) -> list[dict[str, Any]]:
    action = InputAction(type_=[kind], event_url=[f"{base}/input"], dtmf=InputActionDtmf(max_digits=1))
    return [TalkAction(text="Press 1 or say sales.").to_dict(), action.to_dict()]


def test_the_scripted_callee_presses_keys_and_the_application_answer_replaces_the_ncco(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    hooks = Webhooks(voice_sandbox.signature_secret)
    base = voice_webhook_server(hooks.app())
    hooks.answers = {"/answer": input_ncco(base, "dtmf"), "/input": GOODBYE}
    uuid = call_app(voice_client, base, to=voice_sandbox.number(dtmf="1"))
    voice_sandbox.advance(30)
    [event] = voice_sandbox.events(uuid, type="input")
    assert event.payload["dtmf"] == {"digits": "1", "timed_out": False}
    [reply] = voice_sandbox.callbacks(uuid, type="input")
    assert reply.status_code == 200 and reply.answer == GOODBYE
    assert voice_sandbox.call(uuid)["ncco"] == GOODBYE, "the application's answer became the call's NCCO"


def test_keys_go_to_each_input_in_turn_and_later_inputs_time_out(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    hooks = Webhooks(voice_sandbox.signature_secret)
    base = voice_webhook_server(hooks.app())
    menu = input_ncco(base, "dtmf")
    hooks.answers = {"/answer": menu, "/input": menu}  # the menu again, whatever was pressed
    uuid = call_app(voice_client, base, to=voice_sandbox.number(dtmf=["2", "9"]))
    voice_sandbox.advance(30)
    digits = [e.payload["dtmf"]["digits"] for e in voice_sandbox.events(uuid, type="input")][:3]
    assert digits == ["2", "9", None]


def test_the_scripted_callee_speaks(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    hooks = Webhooks(voice_sandbox.signature_secret)
    base = voice_webhook_server(hooks.app())
    hooks.answers = {"/answer": input_ncco(base, "speech"), "/input": GOODBYE}
    uuid = call_app(voice_client, base, to=voice_sandbox.number(speech="sales"))
    voice_sandbox.advance(30)
    [event] = voice_sandbox.events(uuid, type="input")
    assert event.payload["speech"]["results"][0]["text"] == "sales"
    assert event.payload["speech"]["timeout_reason"] == "end_on_silence_timeout"
    assert event.payload["dtmf"]["digits"] is None


def test_an_unknown_scenario_is_refused_by_name(voice_sandbox: VoiceSandbox) -> None:
    with pytest.raises(ValueError, match="unknown scenario 'engaged'; known: answered, busy"):
        voice_sandbox.number("engaged", dtmf="1")
