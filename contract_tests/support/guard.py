"""The live-call guard: against anything that is not our sandbox, never create or change a call unless allowed.

VOICE_CONTRACT_ALLOW_CALLS_TO lists the destination numbers a run may call (comma or space separated, E.164
without '+'). Without it, every request that could create or change a call is refused. With it:

* POST /v1/calls (positive cases only) is rewritten so that the allowed numbers are the only destinations: ``to``
  becomes phone endpoints to those numbers, the NCCO becomes a single talk action (a generated NCCO could ``connect``
  anyone), and generated URLs (``event_url``...) are dropped; a case with ``answer_url`` is refused (the NCCO it
  fetched would decide whom to call);
* PUT and DELETE (no other method) reach only calls this run created, and carry no URL (which the API would fetch
  or post to), no NCCO or transfer destination (which could connect anyone) and no ``action`` but hangup, mute,
  unmute, earmuff and unearmuff, whatever their case or spelling.

A body must be JSON to be sent at all: a form or text body is something the guard cannot read the way the API
might. :meth:`Guard.admit` applies these rules to a case before it is sent; :meth:`Guard.check_wire` applies the
same rule to the bytes about to leave (every request ``requests`` sends, see :mod:`.wire`), refusing anything
``admit`` would not have let through unchanged.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit

import requests

SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
ENV_ALLOW: Final = "VOICE_CONTRACT_ALLOW_CALLS_TO"
CALLS_PATH: Final = "/v1/calls"
JSON: Final = "application/json"
HARMLESS_ACTIONS: Final = frozenset({"hangup", "mute", "unmute", "earmuff", "unearmuff"})
_NCCO_KEYS: Final = frozenset({"ncco", "destination"})
METHOD_OVERRIDES: Final = frozenset({"x-http-method-override", "x-http-method", "x-method-override"})
# Anything an API could contact: a scheme URL, a scheme-relative //host, a UNC path, or a SIP/tel/websocket URI.
_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|//|\\\\|(?:sips?|tel|wss?|https?):)", re.IGNORECASE)
_NUMBER = re.compile(r"^[1-9][0-9]{6,14}$")
_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")
_KEPT_OPTIONS: Final = ("from", "random_from_number", "length_timer", "ringing_timer", "machine_detection")
TALK_ONLY: Final = ({"action": "talk", "text": "Vonage voice client contract test."},)


class GuardRefused(requests.exceptions.RequestException):
    """A request the guard does not allow reached the wire layer; it was not sent."""


def allowed_numbers(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    raw = (os.environ if environ is None else environ).get(ENV_ALLOW, "")
    numbers = tuple(part.lstrip("+") for part in re.split(r"[\s,;]+", raw) if part.strip())
    bad = [number for number in numbers if not _NUMBER.match(number)]
    if bad:
        raise ValueError(f"{ENV_ALLOW} must list E.164 numbers (digits, no '+'); not numbers: {', '.join(bad)}")
    return numbers


@dataclass(frozen=True)
class Outgoing:
    """A request as the guard sees it, read from a Schemathesis case before sending or from the wire."""

    method: str
    path: str  # relative to the API's base URL: /v1/calls...
    body: Any = None  # the JSON value; None when there is no body
    media_type: str | None = JSON
    query: tuple[tuple[str, str], ...] = ()
    header_names: frozenset[str] = frozenset()  # lower case
    unreadable: str | None = None  # why the bytes on the wire could not be read as one JSON value


class Guard:
    """Decides what a run against a non-sandbox target may send; remembers the calls it created."""

    def __init__(self, allowed: tuple[str, ...]) -> None:
        self.allowed = allowed
        self.created: set[str] = set()
        self.skipped: Counter[str] = Counter()
        self.sent_creations = 0
        self._lock = threading.Lock()

    def admit(
        self,
        method: str,
        path: str,
        body: Any,
        *,
        negative: bool,
        media_type: str | None = JSON,
        query: Mapping[str, Any] | Iterable[tuple[str, Any]] = (),
        headers: Iterable[str] = (),
    ) -> tuple[str | None, Any]:
        """(None, the body to send) to send, possibly rewritten; or (the reason to skip, None)."""
        pairs = query.items() if isinstance(query, Mapping) else query
        outgoing = Outgoing(
            method.upper(),
            path,
            body,
            media_type,
            tuple((str(name), str(value)) for name, value in pairs),
            frozenset(str(name).lower() for name in headers),
        )
        reason, rewritten = self.decide(outgoing, negative)
        if reason is not None:
            with self._lock:
                self.skipped[reason] += 1
        return reason, rewritten

    def check_wire(self, request: requests.PreparedRequest, base_path: str = "") -> None:
        """Refuse, at the transport, anything :meth:`admit` would not have let through unchanged."""
        outgoing = read_wire(request, base_path)
        reason, admitted = self.decide(outgoing, negative=False)
        if reason is None and admitted != outgoing.body:
            reason = "a body the guard would have rewritten (creations go to the allowed numbers, talk only)"
        if reason is not None:
            raise GuardRefused(f"refused on the wire: {outgoing.method} {outgoing.path}: {reason}")

    def decide(self, outgoing: Outgoing, negative: bool) -> tuple[str | None, Any]:
        """The one rule, for a case and for the wire alike."""
        method, path, body = outgoing.method, outgoing.path, outgoing.body
        if outgoing.header_names & METHOD_OVERRIDES:
            return "a method-override header (the API might act on another method)", None
        if method in SAFE_METHODS:
            return None, body
        if outgoing.unreadable is not None:
            return f"{method} with {outgoing.unreadable}", None
        if body is not None and not _is_json(outgoing.media_type):
            return f"{method} with a {outgoing.media_type} body (only JSON bodies are read by the guard)", None
        danger = next((found for pair in outgoing.query if (found := _danger(dict([pair]))) is not None), None)
        if danger is not None:
            return f"{method} with a query {danger}", None
        if path.rstrip("/") == CALLS_PATH and method == "POST":
            return self._creation(body, negative)
        if method not in ("PUT", "DELETE"):
            return f"{method} (the API changes calls with PUT and DELETE only; anything else is not sent)", None
        uuid = _call_uuid(path)
        if uuid is None or uuid not in self.created:
            return f"{method} on a call this run did not create", None
        danger = _danger(body)
        if danger is not None:
            return f"{method} {danger}", None
        return None, body

    def _creation(self, body: Any, negative: bool) -> tuple[str | None, Any]:
        if not self.allowed:
            return f"POST {CALLS_PATH} would create a call ({ENV_ALLOW} is not set)", None
        if negative or not isinstance(body, dict):
            return f"negative POST {CALLS_PATH} (it could still create a call)", None
        if "answer_url" in body:
            return f"POST {CALLS_PATH} with answer_url (the fetched NCCO would decide whom to call)", None
        rewritten = {key: body[key] for key in _KEPT_OPTIONS if key in body and _danger(body[key]) is None}
        targets = body.get("to")
        count = len(targets) if isinstance(targets, list) and targets else 1
        rewritten["to"] = [{"type": "phone", "number": self.allowed[i % len(self.allowed)]} for i in range(count)]
        rewritten["ncco"] = [dict(action) for action in TALK_ONLY]
        return None, rewritten

    def observe(self, method: str, path: str, status: int, payload: Any) -> None:
        """Remember a call the run created, so that later requests may act on it."""
        if method.upper() == "POST" and path.rstrip("/") == CALLS_PATH and 200 <= status < 300:
            with self._lock:
                self.sent_creations += 1
                if isinstance(payload, dict) and isinstance(payload.get("uuid"), str):
                    self.created.add(payload["uuid"])


def read_wire(request: requests.PreparedRequest, base_path: str = "") -> Outgoing:
    """What is about to leave, as the guard reads it: the path below the API's base, the one JSON value of the body
    (or why there is none), the query and the header names."""
    url = urlsplit(str(request.url))
    path = url.path
    if base_path and (path == base_path or path.startswith(base_path + "/")):
        path = path[len(base_path) :] or "/"
    headers = {
        name.lower(): value.decode("latin-1") if isinstance(value, bytes) else str(value)
        for name, value in request.headers.items()
    }
    body, unreadable = _wire_body(request.body, headers)
    return Outgoing(
        method=str(request.method or "GET").upper(),
        path=path,
        body=body,
        media_type=headers.get("content-type"),
        query=tuple(parse_qsl(url.query, keep_blank_values=True)),
        header_names=frozenset(headers),
        unreadable=unreadable,
    )


def _wire_body(raw: Any, headers: Mapping[str, str]) -> tuple[Any, str | None]:
    if raw is None or raw in (b"", ""):
        return None, None
    if headers.get("content-encoding"):
        return None, f"a body encoded as {headers['content-encoding']}"
    if not isinstance(raw, bytes | str):
        return None, "a streamed body"
    try:
        text = raw if isinstance(raw, str) else raw.decode("utf-8")
        return json.loads(text, object_pairs_hook=_unique_keys), None
    except _DuplicateKey as duplicate:
        return None, f"a JSON body naming {duplicate.args[0]!r} twice"
    except (ValueError, RecursionError):
        return None, "a body that is not JSON"


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _is_json(media_type: str | None) -> bool:
    essence = (media_type or "").split(";")[0].strip().lower()
    return essence == JSON or (essence.startswith("application/") and essence.endswith("+json"))


def _call_uuid(path: str) -> str | None:
    """The uuid of /v1/calls/{uuid}[/...]; None for any other path, or one with dot, empty or encoded segments."""
    if not path.startswith(CALLS_PATH + "/"):
        return None
    segments = path[len(CALLS_PATH) + 1 :].removesuffix("/").split("/")
    if not all(_SEGMENT.match(segment) for segment in segments):
        return None
    return segments[0]


def _danger(value: Any) -> str | None:
    """What in ``value`` (a body, at any depth) could reach or connect anyone, or None."""
    if isinstance(value, str):
        return "with a URL the API would contact" if _URL.match(value) else None
    if isinstance(value, list):
        return next((found for item in value if (found := _danger(item)) is not None), None)
    if not isinstance(value, dict):
        return None
    for key, item in value.items():
        name = str(key).strip().lower()
        if name in _NCCO_KEYS:
            return f"with {name!r} (an NCCO could connect anyone)"
        if name.endswith("url"):
            return f"with {name!r} (a URL the API would contact)"
        if name == "action" and not (isinstance(item, str) and item in HARMLESS_ACTIONS):
            return f"with action {item!r} (only {', '.join(sorted(HARMLESS_ACTIONS))} reach a live API)"
        found = _danger(item)
        if found is not None:
            return found
    return None
