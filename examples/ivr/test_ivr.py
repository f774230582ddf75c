"""The IVR tested as an application's own suite would: only the public fixtures of vonage-voice-client's pytest plugin
(``voice_sandbox``, ``voice_client``, ``voice_webhook_server``), the generated client and the app itself.

The sandbox places a call to a number whose scripted callee presses keys or speaks; it fetches the menu from the
app, sends the caller's choice to the app, and runs whatever NCCO the app answers, signing every request.
"""

from __future__ import annotations

from typing import Any

import pytest
from vonage_voice_api.api.calls import create_call, get_call, update_call
from vonage_voice_api.models import CreateCallRequestAnswerUrl, EndpointPhoneTo, Hangup

from examples.ivr.app import GOODBYE, MENU, create_app
from vonage_voice_client import VoiceClient
from vonage_voice_sandbox import ServeApp, VoiceSandbox


def call_ivr(voice_client: VoiceClient, base: str, to: str) -> str:
    body = CreateCallRequestAnswerUrl(
        to=[EndpointPhoneTo(number=to)],
        random_from_number=True,
        answer_url=[f"{base}/answer"],
        event_url=[f"{base}/event"],
    )
    return str(create_call.sync(client=voice_client, body=body).uuid)


def spoken(ncco: Any) -> list[str]:
    return [action["text"] for action in ncco if action.get("action") == "talk"]


def connected_to(ncco: Any) -> list[str]:
    return [e["number"] for action in ncco if action.get("action") == "connect" for e in action["endpoint"]]


@pytest.mark.parametrize(
    ("callee", "department", "number"),
    [
        ({"dtmf": "1"}, "sales", "14155550111"),
        ({"dtmf": "2"}, "support", "14155550122"),
        ({"speech": "support please"}, "support", "14155550122"),
        ({"dtmf": ["9", "1"]}, "sales", "14155550111"),  # an unknown key: the menu again, then a good one
    ],
)
def test_the_caller_is_connected_to_the_department_chosen(
    voice_sandbox: VoiceSandbox,
    voice_client: VoiceClient,
    voice_webhook_server: ServeApp,
    callee: dict[str, Any],
    department: str,
    number: str,
) -> None:
    base = voice_webhook_server(create_app(signature_secret=voice_sandbox.signature_secret))
    uuid = call_ivr(voice_client, base, voice_sandbox.number(**callee))
    voice_sandbox.advance(20)

    answer, *choices = voice_sandbox.callbacks(uuid, type="answer") + voice_sandbox.callbacks(uuid, type="input")
    assert answer.status_code == 200 and spoken(answer.answer) == [MENU]
    final = choices[-1].answer
    assert spoken(final) == [f"Connecting you to {department}."] and connected_to(final) == [number]
    assert voice_sandbox.call(uuid)["ncco"] == final, "the sandbox runs the NCCO the app answered"
    assert get_call.sync(uuid, client=voice_client).status == "answered", "connected: the call goes on"
    update_call.sync(uuid, client=voice_client, body=Hangup())
    assert get_call.sync(uuid, client=voice_client).status == "completed"


def test_no_choice_gets_the_menu_once_more_then_goodbye(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    base = voice_webhook_server(create_app(signature_secret=voice_sandbox.signature_secret))
    uuid = call_ivr(voice_client, base, voice_sandbox.number())  # a callee who never answers
    voice_sandbox.advance(60)

    replies = [callback.answer for callback in voice_sandbox.callbacks(uuid, type="input")]
    assert [spoken(reply) for reply in replies] == [[f"Sorry, I did not get that. {MENU}"], [GOODBYE]]
    assert get_call.sync(uuid, client=voice_client).status == "completed"


def test_every_event_reaches_the_app_verified(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    app = create_app(signature_secret=voice_sandbox.signature_secret)
    base = voice_webhook_server(app)
    uuid = call_ivr(voice_client, base, voice_sandbox.number("busy"))
    voice_sandbox.advance(10)
    assert [event.status for event in app.state.events] == ["started", "busy"]
    assert {callback.status_code for callback in voice_sandbox.callbacks(uuid)} == {204}


def test_callbacks_not_signed_with_the_secret_are_refused(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp
) -> None:
    app = create_app(signature_secret=voice_sandbox.signature_secret)
    base = voice_webhook_server(app)
    voice_sandbox.sign_callbacks_with("a-forger-who-does-not-know-the-secret")
    uuid = call_ivr(voice_client, base, voice_sandbox.number(dtmf="1"))
    voice_sandbox.advance(20)

    assert {callback.status_code for callback in voice_sandbox.callbacks(uuid)} == {401}
    assert app.state.events == [], "nothing forged was taken in"
    assert [event.type for event in voice_sandbox.events(uuid)][-2:] == ["error", "completed"], "no menu, no call"
