"""Verify and parse a signed callback in one call, from exactly what a web framework hands you.

    event = construct_event(
        method=request.method, headers=request.headers, body=raw_body, query=raw_query, secret=SIGNATURE_SECRET
    )

:func:`construct_event` finds the ``Authorization`` header (any case; refused when sent twice), verifies the token
against the body of a POST or the query of a GET (``verify_callback``), and returns the typed event
(``parse_callback``). Every refusal is a :class:`~vonage_voice_client.webhooks.WebhookVerificationError` (answer
401); a verified payload this client cannot read raises :class:`~vonage_voice_client.webhooks.CallbackParseError`.
The token is checked before the body: a forged one is refused whatever the body, a body over ``max_body_bytes``
(:data:`DEFAULT_MAX_BODY_BYTES`, 64 KiB) with a good token raises ``PayloadTooLargeError`` (answer 413).
For Starlette and FastAPI, :func:`~vonage_voice_client.webhooks.event_from_request` takes the ``Request`` itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, Required, Unpack, overload

from vonage_voice_api.models import AnswerWebhook, NotifyEvent

from .._redact import Hidden, describe
from ..errors import ConfigurationError
from ._kinds import VerifyOptions
from ._payload import QueryInput
from .parse import Callback, CallbackKind, CallEvent, parse_callback
from .replay import ReplayCache
from .verify import (
    DEFAULT_LEEWAY,
    DEFAULT_MAX_AGE,
    MalformedTokenError,
    PayloadTooLargeError,
    check_payload,
    check_token,
)

# The public names (the rest serves this package's own modules); the argument types of the overloads are read by type
# checkers, not users.
__all__ = ["DEFAULT_MAX_BODY_BYTES", "Headers", "authorization_header", "construct_any_event", "construct_event"]

DEFAULT_MAX_BODY_BYTES: Final = 64 * 1024
"""The largest body read: a Vonage callback is a flat JSON object of a few hundred bytes to a few KiB (the largest,
an input event with speech results, or a notify event carrying your NCCO's own payload); far below 64 KiB, which bounds
what one request can make the server hold before its hash is checked."""

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
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callback:  # fmt: skip
    """Verify a signed callback and return its typed event.

    ``method`` is the HTTP method; ``headers`` the request's headers; ``body`` the raw body exactly as received;
    ``query`` the raw query string (or the framework's query mapping). A GET callback carries its payload in the
    query, a POST in the body. ``kind`` is as for ``parse_callback``; the other options are ``verify_callback``'s,
    but ``max_body_bytes``: a body larger (once the token holds) raises :class:`PayloadTooLargeError` before it is
    hashed or parsed.
    """
    # First, so that no frame of an error below holds the secret or the Authorization header in the clear.
    key, fields = Hidden(secret), Hidden(headers)
    del secret, headers
    check = Check(max_age=max_age, leeway=leeway, replay_cache=replay_cache, clock=clock, max_body_bytes=max_body_bytes)
    return check.event(check.token(fields, key), method, body, query, kind)


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
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callback:  # fmt: skip
    """:func:`construct_event` without the overloads on ``kind`` (for wrappers that pass ``kind`` through)."""
    key, fields = Hidden(secret), Hidden(headers)
    del secret, headers
    check = Check(max_age=max_age, leeway=leeway, replay_cache=replay_cache, clock=clock, max_body_bytes=max_body_bytes)
    return check.event(check.token(fields, key), method, body, query, kind)


@dataclass(frozen=True)
class Check:
    """The steps of a verified read, token first: a helper reading the body from the network reads it in between."""

    max_age: float | None
    leeway: float
    replay_cache: ReplayCache | None
    clock: Callable[[], float]
    max_body_bytes: int

    def token(self, headers: Hidden[Headers], secret: Hidden[object]) -> dict[str, Any]:
        """The claims of the request's token, checked but for the payload hash (so before the body is read)."""
        cap = self.max_body_bytes
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
            raise ConfigurationError(f"max_body_bytes must be a positive whole number of bytes, got {describe(cap)}")
        return check_token(
            _authorization(headers),
            secret,
            max_age=self.max_age,
            leeway=self.leeway,
            clock=self.clock,
            replay_cache=self.replay_cache,
        )

    def event(
        self,
        claims: dict[str, Any],
        method: str,
        body: bytes | str,
        query: QueryInput | None,
        kind: CallbackKind | None,
    ) -> Callback:
        """The typed event of a request whose token :meth:`token` checked: the body's size, hash, and model."""
        is_get = method.upper() in ("GET", "HEAD")
        payload = b"" if is_get else body
        if is_too_large(payload, self.max_body_bytes):
            raise too_large(self.max_body_bytes)
        check_payload(claims, payload, query, max_age=self.max_age, leeway=self.leeway, replay_cache=self.replay_cache)
        if is_get or not payload:
            return parse_callback(query=query or "", kind=kind)
        return parse_callback(payload, kind=kind)


def is_too_large(body: bytes | str, cap: int) -> bool:
    """Whether ``body`` is over ``cap`` bytes (a str counted as UTF-8, encoded only when it may fit)."""
    if isinstance(body, str):
        return len(body) > cap or len(body.encode("utf-8", "surrogatepass")) > cap
    return len(body) > cap


def too_large(cap: int) -> PayloadTooLargeError:
    return PayloadTooLargeError(f"the body is larger than max_body_bytes ({cap} bytes); a Vonage callback is smaller")


def authorization_header(headers: Headers) -> str | None:
    """The one ``Authorization`` header, whatever its case; two of them are refused (which one would count?)."""
    fields = Hidden(headers)
    del headers
    return _authorization(fields).reveal()


def _authorization(headers: Hidden[Headers]) -> Hidden[str | None]:
    """:func:`authorization_header`, holding the headers and the token only in ``Hidden`` (its frame may be kept)."""
    found = Hidden([value for name, value in _header_pairs(headers.reveal()) if name.lower() == "authorization"])
    if len(found.reveal()) > 1:
        raise MalformedTokenError("the request has more than one Authorization header")
    return Hidden(found.reveal()[0] if found.reveal() else None)


def _header_pairs(headers: Headers) -> Iterable[tuple[str, str]]:
    if isinstance(headers, Mapping):
        if hasattr(headers, "multi_items"):  # Starlette: every value of a repeated header
            return list(headers.multi_items())
        return list(headers.items())  # a dict, Flask's EnvironHeaders, aiohttp's CIMultiDict (repeats included)
    return list(headers)
