"""The live-call guard: against anything that is not a sandbox, never create or change a call unless allowed.

VOICE_CONTRACT_ALLOW_CALLS_TO lists the destination numbers a run may call (comma or space separated, E.164
without '+'). Without it, every request that could create or change a call is skipped. With it:

* POST /v1/calls (positive cases only) is rewritten so that the allowed numbers are the only destinations: ``to``
  becomes phone endpoints to those numbers, the NCCO becomes a single talk action (a generated NCCO could ``connect``
  anyone), and generated URLs (``event_url``...) are dropped; a case with ``answer_url`` is skipped (the NCCO it
  fetched would decide whom to call);
* PUT and DELETE reach only calls this run created, and never carry a generated URL (which the API would fetch or
  post to) or a transfer (whose NCCO could connect anyone).

Every skip is counted by reason and shown in the summary. The same rules are enforced again on the wire by
:class:`GuardedSession`, so a request sent by a check (Schemathesis re-sends some) cannot slip past.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import Counter
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlsplit

import requests

SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
ENV_ALLOW: Final = "VOICE_CONTRACT_ALLOW_CALLS_TO"
CALLS_PATH: Final = "/v1/calls"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_NUMBER = re.compile(r"^[1-9][0-9]{6,14}$")
_KEPT_OPTIONS: Final = ("from", "random_from_number", "length_timer", "ringing_timer", "machine_detection")


class GuardRefused(requests.exceptions.RequestException):
    """A request the guard does not allow reached the wire layer; it was not sent."""


def allowed_numbers(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    raw = (os.environ if environ is None else environ).get(ENV_ALLOW, "")
    numbers = tuple(part.lstrip("+") for part in re.split(r"[\s,;]+", raw) if part.strip())
    bad = [number for number in numbers if not _NUMBER.match(number)]
    if bad:
        raise ValueError(f"{ENV_ALLOW} must list E.164 numbers (digits, no '+'); not numbers: {', '.join(bad)}")
    return numbers


class Guard:
    """Decides, case by case, what a run against a non-sandbox target may send; remembers the calls it created."""

    def __init__(self, allowed: tuple[str, ...]) -> None:
        self.allowed = allowed
        self.created: set[str] = set()
        self.skipped: Counter[str] = Counter()
        self.sent_creations = 0
        self._lock = threading.Lock()

    def admit(self, method: str, path: str, body: Any, *, negative: bool) -> tuple[str | None, Any]:
        """(None, the body to send) to send, possibly rewritten; or (the reason to skip, None)."""
        reason, rewritten = self._decide(method.upper(), path, body, negative)
        if reason is not None:
            with self._lock:
                self.skipped[reason] += 1
        return reason, rewritten

    def _decide(self, method: str, path: str, body: Any, negative: bool) -> tuple[str | None, Any]:
        if method in SAFE_METHODS:
            return None, body
        if path.rstrip("/") == CALLS_PATH and method == "POST":
            return self._creation(body, negative)
        uuid = _call_uuid(path)
        if uuid is None or uuid not in self.created:
            return f"{method} on a call this run did not create", None
        if _has_url(body):
            return f"{method} with a generated URL the API would contact", None
        if isinstance(body, dict) and body.get("action") == "transfer":
            return "transfer (its NCCO could connect anyone)", None
        return None, body

    def _creation(self, body: Any, negative: bool) -> tuple[str | None, Any]:
        if not self.allowed:
            return f"POST {CALLS_PATH} would create a call ({ENV_ALLOW} is not set)", None
        if negative or not isinstance(body, dict):
            return f"negative POST {CALLS_PATH} (it could still create a call)", None
        if "answer_url" in body:
            return f"POST {CALLS_PATH} with answer_url (the fetched NCCO would decide whom to call)", None
        rewritten = {key: body[key] for key in _KEPT_OPTIONS if key in body}
        count = max(1, len(body.get("to") or []))
        rewritten["to"] = [{"type": "phone", "number": self.allowed[i % len(self.allowed)]} for i in range(count)]
        rewritten["ncco"] = [{"action": "talk", "text": "Vonage voice client contract test."}]
        return None, rewritten

    def observe(self, method: str, path: str, status: int, payload: Any) -> None:
        """Remember a call the run created, so that later requests may act on it."""
        if method.upper() == "POST" and path.rstrip("/") == CALLS_PATH and 200 <= status < 300:
            with self._lock:
                self.sent_creations += 1
                if isinstance(payload, dict) and isinstance(payload.get("uuid"), str):
                    self.created.add(payload["uuid"])

    def check_wire(self, request: requests.PreparedRequest) -> None:
        """Refuse, at the transport, anything :meth:`admit` would not have let through unchanged."""
        method = str(request.method or "GET").upper()
        if method in SAFE_METHODS:
            return
        path = urlsplit(str(request.url)).path
        body = _json(request.body if isinstance(request.body, bytes | str) else None)
        if path.rstrip("/") == CALLS_PATH and method == "POST":
            if not self.allowed or not _only_allowed(body, self.allowed):
                raise GuardRefused(f"refused on the wire: POST {CALLS_PATH} to numbers outside {ENV_ALLOW}")
            return
        uuid = _call_uuid(path)
        if uuid is None or uuid not in self.created or _has_url(body):
            raise GuardRefused(f"refused on the wire: {method} {path} (not a call this run created)")


class GuardedSession(requests.Session):
    """A requests session that asks the guard before anything leaves (see :meth:`Guard.check_wire`)."""

    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self.guard = guard

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.guard.check_wire(request)
        return super().send(request, **kwargs)


def _call_uuid(path: str) -> str | None:
    parts = path.rstrip("/").split("/")
    prefix = CALLS_PATH.strip("/").split("/")
    if parts[1 : 1 + len(prefix)] != prefix or len(parts) <= 1 + len(prefix):
        return None
    return parts[1 + len(prefix)]


def _has_url(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_URL.match(value))
    if isinstance(value, dict):
        return any(_has_url(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_url(item) for item in value)
    return False


def _json(body: bytes | str | None) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _only_allowed(body: Any, allowed: tuple[str, ...]) -> bool:
    if not isinstance(body, dict) or _has_url(body):
        return False
    targets = body.get("to")
    if not isinstance(targets, list) or not targets:
        return False
    if any(action.get("action") != "talk" for action in body.get("ncco", []) if isinstance(action, dict)):
        return False
    return all(isinstance(t, dict) and t.get("type") == "phone" and t.get("number") in allowed for t in targets)
