"""What the pytest fixtures hand to a test: :class:`VoiceSandbox`, and a loopback server for the application's app.

Usable without pytest too::

    with session_sandbox() as sandbox, AppServers() as servers:
        base = servers.serve(my_app)          # the application's webhooks on 127.0.0.1
        ...                                   # create calls with answer_url/event_url under `base`
        sandbox.advance(10)
        sandbox.callbacks()                   # what the app was sent, and what it answered
"""

from __future__ import annotations

import base64
import contextlib
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self
from uuid import UUID

import httpx
from starlette.types import ASGIApp

from .audio import AudioInput, WebSocketSession, read_audio
from .engine.callback_log import DeliveredCallback
from .engine.record_log import known_fields
from .engine.scenarios import BY_NAME, SCENARIOS
from .server import RunningSandbox, read_pages, running_sandbox, serving
from .web.app import SandboxApp

__all__ = [
    "ANSWERED_NUMBER",
    "AppServers",
    "AudioInput",
    "DeliveredCallback",
    "SandboxEvent",
    "ServeApp",
    "VoiceSandbox",
    "WebSocketSession",
]

ANSWERED_NUMBER: Final = "14155550100"  # not a scenario number: the call rings, is answered and runs its NCCO
ServeApp = Callable[[ASGIApp], str]  # the voice_webhook_server fixture: serve an app, get its base URL


@dataclass(frozen=True)
class SandboxEvent:
    """One event the sandbox produced, as ``/_sandbox/events`` lists it."""

    id: int
    type: str  # a status (started, ringing, answered, completed, busy, machine, ...) or input, notify, transfer, ...
    call_uuid: str | None
    url: str | None  # where it was sent (None: the call has no event_url)
    method: str
    created_at: str  # on the sandbox clock
    payload: dict[str, Any]
    delivery: dict[str, Any]  # {"state": "delivered" | "rejected" | "failed" | "not-contacted" | ..., ...}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SandboxEvent:
        return cls(**known_fields(cls, data))

    @property
    def status(self) -> str | None:
        """The payload's ``status`` (None for input, notify, transfer and record events)."""
        status = self.payload.get("status")
        return status if isinstance(status, str) else None


@dataclass(frozen=True)
class Recording:
    """One recording of a call (``voice_sandbox.recordings(call_uuid)``)."""

    url: str
    format: str
    duration: float
    size: int | None
    channels: int
    transcript_url: str | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Recording:
        return cls(
            data["url"], data["format"], data["duration"], data["size"], data["channels"], data["transcript_url"]
        )


class VoiceSandbox:
    """A Voice API sandbox on 127.0.0.1 with a virtual clock, as the ``voice_sandbox`` fixture gives it to a test.

    Every callback (answer_url fetch, event) is signed with :attr:`signature_secret`, as Vonage signs them, so the
    application under test verifies them as in production. State is fresh for each test (:meth:`reset`).
    """

    def __init__(self, running: RunningSandbox) -> None:
        self._running = running
        self._http = httpx.Client(base_url=f"{running.base_url}/_sandbox", trust_env=False, timeout=30.0)

    @property
    def base_url(self) -> str:
        """Where the API is served: give it to ``connect(base_url=...)`` (the ``voice_client`` fixture does)."""
        return self._running.base_url

    @property
    def application_id(self) -> str:
        return self._running.application_id

    @property
    def private_key_pem(self) -> bytes:
        return self._running.private_key_pem

    @property
    def private_key_path(self) -> Path:
        return self._running.private_key_path

    @property
    def signature_secret(self) -> str:
        """The secret callbacks are signed with: configure the application under test with it."""
        return self._running.signature_secret or ""

    @property
    def app(self) -> SandboxApp:
        """The sandbox's ASGI app; ``app.sandbox.store.calls`` is its state, for assertions the API cannot make."""
        return self._running.app

    def advance(self, seconds: float) -> None:
        """Move the virtual clock; calls progress, and their callbacks are sent and answered, before this returns."""
        self._request("POST", "/clock/advance", {"seconds": seconds})

    def events(self, call_uuid: UUID | str | None = None, *, type: str | None = None) -> list[SandboxEvent]:
        """The events produced so far, oldest first (of one call, of one type, if given); ``call_uuid`` as the
        client returns it (a ``UUID``) or as a string."""
        found = self._pages("/events", "events", _query(call_uuid=call_uuid, type=type))
        return [SandboxEvent.from_dict(event) for event in found]

    def callbacks(self, call_uuid: UUID | str | None = None, *, type: str | None = None) -> list[DeliveredCallback]:
        """The requests sent to the application's webhooks so far, oldest first, with its answers."""
        found = self._pages("/callbacks", "callbacks", _query(call_uuid=call_uuid, type=type))
        return [DeliveredCallback.from_dict(record) for record in found]

    def internal_errors(self) -> list[dict[str, Any]]:
        """Bugs of the sandbox hit since the last reset (each answered 500): the fixtures fail a test that has any."""
        return list(self._request("GET", "/errors")["errors"])

    def number(
        self,
        scenario: str = "answered",
        *,
        dtmf: str | Sequence[str] = (),
        speech: str | Sequence[str] = (),
        audio: AudioInput | None = None,
    ) -> str:
        """A destination number whose call goes as ``scenario`` says (see the README's table), and whose callee
        answers the call's ``input`` actions in turn: keys from ``dtmf``, words from ``speech``. ``audio`` is what
        the callee says into an audio WebSocket the call connects to (16-bit mono WAV bytes, a WAV file's path, or
        ``(pcm, rate)``), from the moment it opens; silence after it. It travels as base64 JSON, within the sandbox's
        request size limit (1 MB by default: about 23 s at 16 kHz, 47 s at 8 kHz)."""
        if scenario not in BY_NAME:
            raise ValueError(f"unknown scenario {scenario!r}; known: {', '.join(BY_NAME)}")
        scripts: dict[str, Any] = {"dtmf": _script(dtmf), "speech": _script(speech)}
        if audio is not None:
            pcm, rate = read_audio(audio)
            scripts["audio"] = {"pcm": base64.b64encode(pcm).decode("ascii"), "rate": rate}
        if not any(scripts.values()):
            fixed = {s.name: number for number, s in SCENARIOS.items()}
            return fixed.get(scenario, ANSWERED_NUMBER)
        return str(self._request("POST", "/scenarios", {"scenario": scenario, **scripts})["number"])

    def websockets(self, call_uuid: UUID | str | None = None) -> list[WebSocketSession]:
        """The audio WebSocket sessions the sandbox opened (for a call: its own, and its connect legs'), oldest
        first, as they stand on the sandbox clock now."""
        params = {} if call_uuid is None else {"call_uuid": _uuid_text(call_uuid)}
        found = self._request("GET", "/websockets", params=params)["websockets"]
        return [WebSocketSession.from_dict(item) for item in found]

    def call(self, call_uuid: UUID | str) -> dict[str, Any]:
        """The sandbox's view of a call: its record, scenario, NCCO, current step, controls and history."""
        return self._request("GET", f"/calls/{_uuid_text(call_uuid)}")

    def recordings(self, call_uuid: UUID | str) -> list[Recording]:
        """What the call recorded so far, oldest first: each file's URL (on the sandbox, downloaded with the
        application JWT), format, duration, size in bytes (None until encoded), channels and transcript URL."""
        found = self.call(call_uuid).get("recordings") or []
        return [Recording.from_dict(entry) for entry in found]

    def add_fault(self, **rule: Any) -> None:
        """Add a fault rule (``status=503``, ``path="/v1/calls/*"``, ``drop="after"``...: the README's table)."""
        self._request("POST", "/faults", rule)

    def sign_callbacks_with(self, secret: str | None) -> None:
        """Sign with another secret (None: send unsigned) until the test ends, to see the application refuse."""
        self._request("PUT", "/signature", {"secret": secret})

    def reset(self) -> None:
        """Forget calls, events, callbacks, faults and registered numbers; sign with :attr:`signature_secret`."""
        self._request("POST", "/reset")

    def close(self) -> None:
        self._http.close()

    def _pages(self, path: str, key: str, params: Mapping[str, str]) -> list[dict[str, Any]]:
        return list(read_pages(self._http, self.base_url, f"/_sandbox{path}", key, params))

    def _request(
        self, method: str, path: str, body: object | None = None, params: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        # Over HTTP, so the work runs in the server's event loop (where deliveries happen), not in the test's thread.
        # Writes go as JSON, which the admin endpoints require (a cross-site form cannot send it).
        payload = body if body is not None or method == "GET" else {}
        response = self._http.request(method, path, json=payload, params=params)
        if response.is_error:
            raise RuntimeError(f"sandbox {method} /_sandbox{path}: {response.status_code} {response.text[:500]}")
        return dict(response.json())


class AppServers:
    """Serves applications' ASGI apps on loopback, each until :meth:`close` (the ``voice_webhook_server`` fixture)."""

    def __init__(self) -> None:
        self._stack = contextlib.ExitStack()

    def serve(self, app: ASGIApp) -> str:
        """Serve ``app`` with uvicorn on 127.0.0.1 (a free port) in a background thread; return its base URL."""
        return self._stack.enter_context(serving(app))

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


@contextlib.contextmanager
def session_sandbox() -> Iterator[VoiceSandbox]:
    """One sandbox on a free loopback port, signing callbacks with a new random secret, until the block ends."""
    with running_sandbox(signature_secret=secrets.token_urlsafe(32)) as running:
        sandbox = VoiceSandbox(running)
        try:
            yield sandbox
        finally:
            sandbox.close()


def _script(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _query(call_uuid: UUID | str | None, type: str | None) -> dict[str, str]:
    found = {"call_uuid": None if call_uuid is None else _uuid_text(call_uuid), "type": type}
    return {name: value for name, value in found.items() if value is not None}


def _uuid_text(value: UUID | str) -> str:
    """A call's uuid as the API writes it; a ``UUID`` or a string (anything else is a mistake, said as such)."""
    if isinstance(value, UUID | str):
        return str(value)
    raise TypeError(f"a call uuid is a UUID or a str, not {type(value).__name__}: {value!r}")
