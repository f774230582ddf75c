"""Typed errors: every non-2xx answer of the Voice API becomes one of these, keyed on its status.

    VonageVoiceError                      anything this package raises on purpose
    ├── ConfigurationError                bad credentials, key, region or option (raised before any request)
    ├── VoiceTransportError               no HTTP answer: connection refused, timeout, dropped connection
    └── VoiceAPIError                     an HTTP answer with a non-2xx status (also a generated APIResponseError)
        ├── ValidationError               400, 422 (with invalid_parameters)
        ├── AuthenticationError           401
        ├── ForbiddenError                403
        ├── NotFoundError                 404
        ├── RateLimitedError              429 (with retry_after)
        └── ServerError                   5xx

    (also raised, from the generated package:)
    ├── APIResponseError                  base of every error about an HTTP answer
    │   └── MalformedResponseError        a 2xx answer whose body is unusable (not JSON, a field missing or mistyped)
    └── InvalidValueError                 a request model built with a value the spec does not allow

The root and the generated errors are defined in the generated package's ``errors`` module (generated code imports
nothing of ours, so the root lives there and is re-exported here): one ``except VonageVoiceError`` catches
everything the client raises. A value the spec does not list yet, in anything the API sends, is not an error: the
models keep it.

Every error pickles (a ``ProcessPoolExecutor`` worker can raise one to its parent) with its message and plain fields;
the live objects it was built from stay behind, since their request carries the JWT: an unpickled error has no
``response`` (``VoiceAPIError``) and no ``cause`` (``VoiceTransportError``, ``MalformedResponseError``).
"""

from __future__ import annotations

import datetime
import email.utils
import json
import math
import re
import time
from dataclasses import dataclass
from typing import Any

import httpx
from vonage_voice_api.errors import APIResponseError, InvalidValueError, VonageVoiceError
from vonage_voice_api.errors import MalformedResponse as MalformedResponseError

TRACE_HEADER = "X-Nexmo-Trace-Id"


class ConfigurationError(VonageVoiceError, ValueError):
    """A credential, key, region or option is missing or wrong; raised before any request is sent.

    The message names what is wrong and where it came from, never key material.
    """


@dataclass(frozen=True)
class InvalidParameter:
    """One entry of a problem's ``invalid_parameters``: which parameter, and why."""

    name: str
    reason: str


class VoiceTransportError(VonageVoiceError):
    """No HTTP answer was received (after any retries).

    ``may_have_reached_server`` is False only when the connection was never made, so the request cannot have had an
    effect. When it is True for a POST /v1/calls, a call may have been created: list calls before creating again.
    ``cause`` is the httpx error (absent from an unpickled copy: it holds the request; the message names it).
    """

    def __init__(self, method: str, path: str, cause: httpx.TransportError, *, may_have_reached_server: bool) -> None:
        self.method, self.path, self.cause = method, path, cause
        self.may_have_reached_server = may_have_reached_server
        reached = "may have reached the server" if may_have_reached_server else "was not sent"
        super().__init__(f"{method} {path} failed: {type(cause).__name__}: {cause} (the request {reached})")


class VoiceAPIError(APIResponseError):
    """The API answered with a non-2xx status. Carries the RFC 7807 problem fields when the body has them.

    ``response`` is the httpx response (absent from an unpickled copy: its request holds the JWT); every other
    field, the body included, is kept.
    """

    def __init__(self, response: httpx.Response) -> None:
        request = response.request
        self.response = response
        self.method, self.path = request.method, request.url.path
        self.trace_id: str | None = response.headers.get(TRACE_HEADER)
        self.body: dict[str, Any] | None = _json_object(response)
        problem = self.body or {}
        self.type: str | None = _text(problem.get("type"))
        # The 2018 format said error_title; an empty current title is kept as it is.
        self.title: str | None = _text(problem["title"] if "title" in problem else problem.get("error_title"))
        self.detail: str | None = _text(problem.get("detail"))
        self.instance: str | None = _text(problem.get("instance"))
        self.invalid_parameters: list[InvalidParameter] = _invalid_parameters(problem.get("invalid_parameters"))
        self.status_code, self.content = response.status_code, response.content  # read by _message()
        super().__init__(response.status_code, response.content, self._message())

    @property
    def status(self) -> int:
        return self.status_code

    def _message(self) -> str:
        # "Not Found: Call 63f6... was not found", not "Not Found Call 63f6... was not found".
        summary = ": ".join(part for part in (self.title, self.detail) if part)
        if not summary:
            summary = self.text[:300] if self.content else "(empty body)"
        names = ", ".join(f"{p.name}: {p.reason}" for p in self.invalid_parameters)
        invalid = f" [invalid: {names}]" if names else ""
        return f"HTTP {self.status_code} from {self.method} {self.path}: {summary}{invalid} (trace id {self.trace_id})"


class ValidationError(VoiceAPIError):
    """400 or 422: the API refused the request as invalid; see ``invalid_parameters``."""


class AuthenticationError(VoiceAPIError):
    """401: the JWT was refused (after one renewal and retry)."""


class ForbiddenError(VoiceAPIError):
    """403: the application may not do this."""


class NotFoundError(VoiceAPIError):
    """404: no such call (or the call is no longer active)."""


class RateLimitedError(VoiceAPIError):
    """429: over the rate limit (3 call creations/s, 15 other requests/s). ``retry_after`` is in seconds, or None."""

    def __init__(self, response: httpx.Response) -> None:
        self.retry_after: float | None = parse_retry_after(response.headers.get("Retry-After"))
        super().__init__(response)


class ServerError(VoiceAPIError):
    """5xx: the API failed."""


_BY_STATUS: dict[int, type[VoiceAPIError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    422: ValidationError,
    429: RateLimitedError,
}


def error_for(response: httpx.Response) -> VoiceAPIError:
    """The typed error for a non-2xx ``response`` (its body must have been read)."""
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = ServerError if response.status_code >= 500 else VoiceAPIError
    return cls(response)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (RFC 9110 10.2.3): delay-seconds or an HTTP date.

    None when absent or unreadable, so the caller falls back to its backoff: ``nan``, ``inf``, ``-5``, ``1e3`` and
    ``+5`` are not delay-seconds (digits, here also with a fraction). A date in the past is 0.0; a date without a
    zone is GMT, as HTTP dates are. The result is finite and >= 0 but not capped (the retry policy caps it).
    """
    text = (value or "").strip()
    if not text:
        return None
    if _DELAY_SECONDS.fullmatch(text):
        seconds = float(text)
        return seconds if math.isfinite(seconds) else None  # 400 digits overflow to inf
    try:
        when = email.utils.parsedate_to_datetime(text)
        seconds = when.replace(tzinfo=when.tzinfo or datetime.UTC).timestamp()
    except (TypeError, ValueError, OverflowError):
        return None
    return max(0.0, seconds - (time.time() if now is None else now))


_DELAY_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _invalid_parameters(value: Any) -> list[InvalidParameter]:
    # Current problems send a list of {name, reason}; the 2018 format sent an object of name -> reason.
    if isinstance(value, dict):
        return [InvalidParameter(str(name), str(reason)) for name, reason in value.items()]
    if isinstance(value, list):
        return [
            InvalidParameter(str(item.get("name", "")), str(item.get("reason", "")))
            for item in value
            if isinstance(item, dict)
        ]
    return []


__all__ = [
    "APIResponseError",
    "AuthenticationError",
    "ConfigurationError",
    "ForbiddenError",
    "InvalidParameter",
    "InvalidValueError",
    "MalformedResponseError",
    "NotFoundError",
    "RateLimitedError",
    "ServerError",
    "ValidationError",
    "VoiceAPIError",
    "VoiceTransportError",
    "VonageVoiceError",
    "error_for",
    "parse_retry_after",
]
