"""A small application as a user writes it, checked by ``mypy --strict`` in ``make lint`` (never run: it would need a
Vonage account). Each ``assert_type`` pins what the public API promises to type checkers; its twin,
``user_mistakes.py``, holds the mistakes mypy must catch (``tests/project/test_typecheck_user_code.py``).

Only public import paths are used: ``vonage_voice_client`` and its documented modules, ``vonage_voice_api.api`` and
``vonage_voice_api.models``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import assert_type
from uuid import UUID

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from vonage_voice_api.api.calls import create_call, get_call, update_call
from vonage_voice_api.models import (
    AnswerWebhook,
    Call,
    CompletedEvent,
    CreateCallRequestNcco,
    CreateCallResponse,
    EndpointPhoneFrom,
    EndpointPhoneTo,
    Hangup,
    InputAction,
    InputActionDtmf,
    InputEvent,
    InputEventDtmf,
    NotifyEvent,
    TalkAction,
)

from vonage_voice_client import (
    Callback,
    CallEvent,
    Endpoint,
    NccoAction,
    NotFoundError,
    UnknownEvent,
    Unset,
    VerifiedClaims,
    VoiceClient,
    WebhookVerificationError,
    connect,
    construct_event,
    iter_calls,
    value_or,
)
from vonage_voice_client.webhooks import JtiCache, event_from_request, parse_callback, verify_callback

REPLAYS = JtiCache()


def menu(event_url: str) -> list[NccoAction]:
    """An NCCO built step by step in a variable: ``list[NccoAction]`` is what ``ncco=`` takes."""
    steps: list[NccoAction] = [TalkAction(text="Press 1 for sales.", barge_in=True)]
    steps.append(InputAction(type_=["dtmf"], dtmf=InputActionDtmf(max_digits=1), event_url=[event_url]))
    assert_type(steps[0], NccoAction)
    return steps


def place_call(client: VoiceClient, to: str, event_url: str) -> UUID:
    destinations: list[Endpoint] = [EndpointPhoneTo(number=to)]
    body = CreateCallRequestNcco(to=destinations, from_=EndpointPhoneFrom(number="14155550101"), ncco=menu(event_url))
    created = create_call.sync(client=client, body=body)
    assert_type(created, CreateCallResponse)
    return created.uuid


def hang_up_if_active(client: VoiceClient, uuid: UUID | str) -> bool:
    """Operations take the record's ``UUID`` or its text; a call that is gone is a typed error."""
    try:
        record = get_call.sync(uuid, client=client)
        assert_type(record, Call)
        update_call.sync(record.uuid, client=client, body=Hangup())
    except NotFoundError as error:
        assert_type(error.detail, str | None)
        return False
    return True


def spent_since(client: VoiceClient, since: datetime.datetime) -> Decimal:
    """Every completed call's price, walking all pages; a call without a price counts as zero."""
    total = Decimal(0)
    for call in iter_calls(client, status="completed", date_start=since):
        assert_type(call, Call)
        assert_type(call.price, str | Unset)  # the API leaves it out until the call has a price
        assert_type(value_or(call.price, None), str | None)
        total += Decimal(value_or(call.price, "0"))
    return total


def answer(body: bytes) -> list[NccoAction]:
    webhook = parse_callback(body, kind="answer")
    assert_type(webhook, AnswerWebhook)
    return [TalkAction(text=f"Hello {value_or(webhook.from_, 'there')}")]


def on_event(body: bytes) -> str:
    event = parse_callback(body, kind="event")
    assert_type(event, CallEvent)
    if isinstance(event, CompletedEvent):
        return f"call {event.uuid} ended after {value_or(event.duration, '?')} s"
    if isinstance(event, InputEvent) and isinstance(event.dtmf, InputEventDtmf):
        return f"pressed {value_or(event.dtmf.digits, '')}"
    if isinstance(event, UnknownEvent):
        return f"new kind of event: {event.payload}"
    return type(event).__name__


def on_notify(query: str) -> NotifyEvent:
    return parse_callback(query=query, kind="notify")


def handle(method: str, headers: Mapping[str, str], body: bytes, query: str, secret: str) -> tuple[int, str]:
    """Any framework: verify and parse in one call; a refusal is a 401."""
    try:
        event = construct_event(
            method=method, headers=headers, body=body, query=query, secret=secret, kind="event", replay_cache=REPLAYS
        )
    except WebhookVerificationError:
        return 401, ""
    assert_type(event, CallEvent)
    anything = construct_event(method=method, headers=headers, body=body, query=query, secret=secret)
    assert_type(anything, Callback)
    return 204, type(event).__name__


def claims_of(authorization: str | None, body: bytes, secret: str) -> str | None:
    claims = verify_callback(authorization, body, secret)
    assert_type(claims, VerifiedClaims)
    return claims.application_id


async def starlette_answer(request: Request, secret: str) -> Response:
    try:
        webhook = await event_from_request(request, secret, kind="answer")
    except WebhookVerificationError:
        return Response(status_code=401)
    assert_type(webhook, AnswerWebhook)
    return JSONResponse([action.to_dict() for action in menu(f"{request.base_url}input")])


def from_environment() -> VoiceClient:
    return connect()  # VONAGE_APPLICATION_ID, VONAGE_PRIVATE_KEY_PATH (and VONAGE_BASE_URL for the sandbox)
