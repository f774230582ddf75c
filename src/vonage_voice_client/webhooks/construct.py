"""Verify and parse a signed callback in one call, from exactly what a web framework hands you.

    event = construct_event(
        method=request.method, headers=request.headers, body=raw_body, query=raw_query, secret=SIGNATURE_SECRET
    )

:func:`construct_event` finds the ``Authorization`` header (any case; refused when sent twice), verifies the token
against the body of a POST or the query of a GET (``verify_callback``), and returns the typed event
(``parse_callback``). Every refusal is a :class:`~vonage_voice_client.webhooks.WebhookVerificationError` (answer
401); a verified payload this client cannot read raises :class:`~vonage_voice_client.webhooks.CallbackParseError`.
For Starlette and FastAPI, :func:`~vonage_voice_client.webhooks.event_from_request` takes the ``Request`` itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Literal, Required, Unpack, overload

from vonage_voice_api.models import AnswerWebhook, NotifyEvent

from ._kinds import VerifyOptions
from ._payload import QueryInput
from .parse import Callback, CallbackKind, CallEvent, parse_callback
from .replay import ReplayCache
from .verify import DEFAULT_LEEWAY, DEFAULT_MAX_AGE, MalformedTokenError, verify_callback

Headers = Mapping[str, str] | Iterable[tuple[str, str]]
"""A framework's headers (Starlette, Flask, Django, aiohttp, a dict) or ``(name, value)`` pairs."""


class ConstructArgs(VerifyOptions, total=False):
    """:func:`construct_event`'s arguments but ``kind``, for its overloads."""

    method: Required[str]
    headers: Required[Headers]
    body: Required[bytes | str]
    query: QueryInput | None
    secret: Required[str | bytes]


@overload
def construct_event(*, kind: Literal["answer"], **args: Unpack[ConstructArgs]) -> AnswerWebhook: ...
@overload
def construct_event(*, kind: Literal["notify"], **args: Unpack[ConstructArgs]) -> NotifyEvent: ...
@overload
def construct_event(*, kind: Literal["event"], **args: Unpack[ConstructArgs]) -> CallEvent: ...
@overload
def construct_event(*, kind: None = None, **args: Unpack[ConstructArgs]) -> Callback: ...
def construct_event(
    *,
    method: str,
    headers: Headers,
    body: bytes | str,
    query: QueryInput | None = None,
    secret: str | bytes,
    kind: CallbackKind | None = None,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    replay_cache: ReplayCache | None = None,
    clock: Callable[[], float] = time.time,
) -> Callback:  # fmt: skip
    """Verify a signed callback and return its typed event.

    ``method`` is the HTTP method; ``headers`` the request's headers; ``body`` the raw body exactly as received;
    ``query`` the raw query string (or the framework's query mapping). A GET callback carries its payload in the
    query, a POST in the body. ``kind`` is as for ``parse_callback``; the other options are ``verify_callback``'s.
    """
    return construct_any_event(
        method=method,
        headers=headers,
        body=body,
        query=query,
        secret=secret,
        kind=kind,
        max_age=max_age,
        leeway=leeway,
        replay_cache=replay_cache,
        clock=clock,
    )


def construct_any_event(
    *,
    method: str,
    headers: Headers,
    body: bytes | str,
    query: QueryInput | None = None,
    secret: str | bytes,
    kind: CallbackKind | None = None,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    replay_cache: ReplayCache | None = None,
    clock: Callable[[], float] = time.time,
) -> Callback:  # fmt: skip
    """:func:`construct_event` without the overloads on ``kind`` (for wrappers that pass ``kind`` through)."""
    is_get = method.upper() in ("GET", "HEAD")
    payload = b"" if is_get else body
    verify_callback(
        authorization_header(headers),
        payload,
        secret,
        query=query,
        max_age=max_age,
        leeway=leeway,
        clock=clock,
        replay_cache=replay_cache,
    )
    if is_get or not payload:
        return parse_callback(query=query or "", kind=kind)
    return parse_callback(payload, kind=kind)


def authorization_header(headers: Headers) -> str | None:
    """The one ``Authorization`` header, whatever its case; two of them are refused (which one would count?)."""
    pairs = _header_pairs(headers)
    found = [value for name, value in pairs if name.lower() == "authorization"]
    if len(found) > 1:
        raise MalformedTokenError("the request has more than one Authorization header")
    return found[0] if found else None


def _header_pairs(headers: Headers) -> Iterable[tuple[str, str]]:
    if isinstance(headers, Mapping):
        if hasattr(headers, "multi_items"):  # Starlette: every value of a repeated header
            return list(headers.multi_items())
        return list(headers.items())  # a dict, Flask's EnvironHeaders, aiohttp's CIMultiDict (repeats included)
    return list(headers)
