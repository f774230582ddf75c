"""An IVR on Starlette: a spoken menu, the caller's choice by key or by voice, and a new NCCO for that choice.

    app = create_app(signature_secret=os.environ["VONAGE_SIGNATURE_SECRET"])   # serve with uvicorn, behind HTTPS

Point the Vonage application (or the call's ``answer_url``/``event_url``) at:

    GET  /answer   the menu: talk, then input (one key, or a word)
    POST /input    the caller's choice: connect to that department; no choice: the menu again, then goodbye
    POST /event    call progress events, kept in ``app.state.events``

Every webhook is verified and parsed in one call, :func:`vonage_voice_client.webhooks.event_from_request`, as
Vonage signs them with the account's signature secret; an unsigned, forged, expired or replayed request (a replay
cache remembers each token) gets 401 and changes nothing. A signed callback the app cannot read (a kind it never
asked for) is logged and acknowledged, never a 500. The webhook contract checker proves all of it
(``test_ivr_contract.py``).
"""

from __future__ import annotations

import logging
from typing import Any, Final

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from vonage_voice_api.models import (
    ConnectAction,
    ConnectEndpointPhone,
    InputAction,
    InputActionDtmf,
    InputActionSpeech,
    InputEvent,
    InputEventDtmf,
    InputEventSpeech,
    TalkAction,
)

from vonage_voice_client import Callback, CallbackParseError, WebhookVerificationError
from vonage_voice_client.webhooks import CallbackKind, JtiCache, ReplayCache, event_from_request

__all__ = ["DEPARTMENTS", "GOODBYE", "MENU", "create_app"]

logger = logging.getLogger(__name__)

MENU: Final = "Welcome to Example Corp. For sales, press 1 or say sales. For support, press 2 or say support."
SORRY: Final = "Sorry, I did not get that."
GOODBYE: Final = "We could not understand your choice. Goodbye."
DEPARTMENTS: Final = {"sales": ("1", "14155550111"), "support": ("2", "14155550122")}  # name: (key, phone number)
ATTEMPTS: Final = 2  # menus offered before giving up
REFUSED: Final = "refused"  # not signed with the secret (or replayed): answer 401
UNREADABLE: Final = "unreadable"  # signed, but not a callback this app knows: acknowledge it, act on nothing


def create_app(*, signature_secret: str, public_url: str | None = None) -> Starlette:
    """The IVR's webhooks. ``public_url`` is where Vonage reaches this app (default: the URL each request came to)."""
    seen = JtiCache()  # each signed token is accepted once

    async def answer(request: Request) -> Response:
        # A GET: the signed payload is the query. The menu is the same for every caller, so even a payload this app
        # cannot read gets it.
        if await _verified(request, signature_secret, "answer", seen) == REFUSED:
            return Response(status_code=401)
        return JSONResponse(_menu(public_url or str(request.base_url), attempt=1))

    async def choice(request: Request) -> Response:
        event = await _verified(request, signature_secret, "event", seen)
        if event == REFUSED:
            return Response(status_code=401)
        department = _department(event) if isinstance(event, InputEvent) else None
        if department is not None:
            _, number = DEPARTMENTS[department]
            connect = ConnectAction(endpoint=[ConnectEndpointPhone(number=number)], random_from_number=True)
            return JSONResponse([TalkAction(text=f"Connecting you to {department}.").to_dict(), connect.to_dict()])
        attempt = int(request.query_params.get("attempt", "1"))
        if attempt >= ATTEMPTS:
            return JSONResponse([TalkAction(text=GOODBYE).to_dict()])
        return JSONResponse(_menu(public_url or str(request.base_url), attempt=attempt + 1, apology=True))

    async def event(request: Request) -> Response:
        event = await _verified(request, signature_secret, "event", seen)
        if event == REFUSED:
            return Response(status_code=401)
        if not isinstance(event, str):
            request.app.state.events.append(event)
        return Response(status_code=204)

    app = Starlette(
        routes=[
            Route("/answer", answer, methods=["GET"]),
            Route("/input", choice, methods=["POST"]),
            Route("/event", event, methods=["POST"]),
        ]
    )
    app.state.events = []
    return app


async def _verified(request: Request, secret: str, kind: CallbackKind, seen: ReplayCache) -> Callback | str:
    """The typed callback; REFUSED (answer 401) when it is not signed with the secret or was sent before;
    UNREADABLE when it is signed but not a callback this app reads (Vonage adds kinds: never answer those 500)."""
    try:
        return await event_from_request(request, secret, kind=kind, replay_cache=seen)
    except WebhookVerificationError as error:
        logger.warning("refused %s %s: %s", request.method, request.url.path, error)
        return REFUSED
    except CallbackParseError as error:
        logger.warning("signed but unreadable %s %s: %s", request.method, request.url.path, error)
        return UNREADABLE


def _menu(base_url: str, *, attempt: int, apology: bool = False) -> list[dict[str, Any]]:
    listen = InputAction(
        type_=["dtmf", "speech"],
        dtmf=InputActionDtmf(max_digits=1, time_out=5),
        speech=InputActionSpeech(context=list(DEPARTMENTS), end_on_silence=1.0),
        event_url=[f"{base_url.rstrip('/')}/input?attempt={attempt}"],
    )
    text = f"{SORRY} {MENU}" if apology else MENU
    return [TalkAction(text=text, barge_in=True).to_dict(), listen.to_dict()]


def _department(event: InputEvent) -> str | None:
    """The department the caller chose: by key, else by the first recognised word that names one."""
    digits = event.dtmf.digits if isinstance(event.dtmf, InputEventDtmf) else None
    for name, (key, _) in DEPARTMENTS.items():
        if digits == key:
            return name
    results = event.speech.results if isinstance(event.speech, InputEventSpeech) else None
    for result in results or []:
        for name in DEPARTMENTS:
            if name in result.text.lower().split():
                return name
    return None
