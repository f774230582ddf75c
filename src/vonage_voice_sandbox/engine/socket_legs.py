"""WebSocket legs: a call that reaches a ``websocket`` endpoint (createCall ``to``, an NCCO ``connect``, or a transfer
to an NCCO with one) gets a :class:`.media.MediaSession`, opened by :mod:`..delivery` through the outbox.

A ``connect`` makes a leg of its own (a call record with its own uuid and events, to the action's ``eventUrl`` or
the call's event URL) that is answered when the handshake succeeds. A refused or failed handshake gives an ``error``
event and a ``failed`` leg, and the NCCO goes on. The application closing the socket sends ``disconnected`` on the
leg (the spec's DisconnectedEvent): an NCCO in its answer runs on the call; without one the leg completes and the
``connect`` action is over. The call ending (hang-up, NCCO over, length_timer) ends its legs and closes their sockets.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from . import payloads
from .calls import Call, Step, address
from .clock import Clock, format_time
from .lifecycle import Lifecycle
from .limits import Limits
from .media import RATES, MediaSession, resample
from .ncco import event_urls
from .scenarios import DEFAULT

__all__ = ["OpenSocket", "SocketLegs"]

MAX_SESSIONS: Final = 1000  # sessions kept for /_sandbox/websockets, the oldest forgotten first


@dataclass(frozen=True)
class OpenSocket:
    """A WebSocket to open (the outbox item :mod:`..delivery` acts on)."""

    session: MediaSession

    @property
    def url(self) -> str:
        return self.session.uri


class SocketLegs(Lifecycle):
    """The calls' WebSocket sessions, and what opening and closing them does to calls."""

    def __init__(
        self, clock: Clock, prefix: str, can_contact: Callable[[str | None], bool], limits: Limits | None = None
    ) -> None:
        super().__init__(clock, prefix, can_contact, limits)
        self.sessions: deque[MediaSession] = deque(maxlen=MAX_SESSIONS)
        self.legs: dict[str, list[str]] = {}  # call uuid -> uuids of its WebSocket legs
        self._connect_steps: dict[int, int] = {}  # session id -> token of the connect step that waits on it

    def sessions_of(self, call_uuid: str | None) -> list[MediaSession]:
        with self.lock:
            return [s for s in self.sessions if call_uuid in (None, s.call_uuid, s.parent_uuid)]

    def open_sessions(self) -> list[MediaSession]:
        with self.lock:
            return [session for session in self.sessions if session.open]

    def forget_sessions(self, now: float) -> None:
        """On reset: the sessions are closed by the sandbox (their sockets close) and forgotten."""
        with self.lock:
            for session in self.sessions:
                session.close("sandbox", now, 1001, "sandbox reset")
            self.sessions.clear()
            self.legs.clear()
            self._connect_steps.clear()

    # --- hooks of the lifecycle ------------------------------------------------------------------------------------

    def _holding(self, call: Call, step: Step, at: float) -> None:
        """A connect action to a websocket endpoint: a new leg, and its socket to open."""
        if step.action.get("action") != "connect":
            return
        endpoints = step.action.get("endpoint")
        endpoint = endpoints[0] if isinstance(endpoints, list) and endpoints else None
        if not isinstance(endpoint, dict) or endpoint.get("type") != "websocket":
            return
        urls = event_urls(step.action.get("eventUrl")) or call.event_url
        method = str(step.action.get("eventMethod") or call.event_method)
        caller = step.action.get("from")
        leg = Call(
            uuid=str(uuid.uuid4()),
            conversation_uuid=call.conversation_uuid,
            to=self.record_endpoint(dict(endpoint)),  # unknown fields are not echoed; the socket sees them all
            from_={"type": "phone", "number": caller if isinstance(caller, str) else address(call.to)},
            scenario=DEFAULT,
            created_at=at,
            request={"event_url": urls, "event_method": method},
            ncco=None,
            seq=next(self._seq),
        )
        self._forget_ended(room=1)
        self.calls[leg.uuid] = leg
        self.legs.setdefault(call.uuid, []).append(leg.uuid)
        self._set_status(leg, "started", at)
        session = self._new_session(leg, endpoint, call, at)
        self._connect_steps[session.id] = step.token

    def _answered(self, call: Call, at: float) -> None:
        """createCall to a websocket endpoint: the call is the WebSocket leg."""
        if call.to.get("type") == "websocket":
            self._new_session(call, call.to, None, at)

    def _ending(self, call: Call, at: float) -> None:
        """The call ended: its legs end with it, and their sockets close."""
        for leg_uuid in self.legs.pop(call.uuid, []):
            leg = self.calls.get(leg_uuid)
            if leg is not None:
                self._complete(leg, at, "platform")
        for session in self.sessions:
            if session.call_uuid == call.uuid:
                session.close("sandbox", at, 1000, "call ended")

    def _new_session(self, leg: Call, endpoint: dict[str, Any], parent: Call | None, at: float) -> MediaSession:
        content_type = str(endpoint.get("content-type") or "audio/l16;rate=16000")
        rate = RATES.get(content_type, 16000)
        heard = parent.callee_audio if parent is not None else None
        headers = endpoint.get("headers")
        authorization = endpoint.get("authorization")
        session = MediaSession(
            call_uuid=leg.uuid,
            parent_uuid=None if parent is None else parent.uuid,
            uri=str(endpoint.get("uri") or ""),
            rate=rate,
            content_type=content_type,
            headers=dict(headers) if isinstance(headers, dict) else {},
            authorization=dict(authorization) if isinstance(authorization, dict) else {"type": "vonage"},
            started_at=at,
            caller_audio=b"" if heard is None else resample(heard[0], heard[1], rate),
        )
        self.sessions.append(session)
        self._outbox.append(OpenSocket(session))
        return session

    # --- what the delivery room reports ----------------------------------------------------------------------------

    def socket_opened(self, session: MediaSession, handshake_headers: dict[str, str]) -> None:
        with self.lock:
            session.handshake_headers = handshake_headers
            if session.closed_at is not None:
                return  # the call ended during the handshake
            session.state = "open"
            leg = self.calls.get(session.call_uuid)
            if leg is not None and session.parent_uuid is not None and leg.active:
                leg.answered_at = session.started_at
                self._set_status(leg, "answered", session.started_at)

    def socket_failed(self, session: MediaSession, reason: str) -> None:
        """The handshake was refused (an address the sandbox does not contact) or failed: an ``error`` event."""
        now = self.clock.now()
        with self.lock:
            session.state = "refused"
            session.error = reason
            session.close("sandbox", now)
            leg = self.calls.get(session.call_uuid)
            parent = self.calls.get(session.parent_uuid or "")
            if leg is None:
                return
            if parent is None:  # createCall `to`: the call itself could not connect
                self._fail(leg, f"WebSocket {session.uri}: {reason}", now)
                return
            message = f"WebSocket {session.uri}: {reason}"
            self._emit("error", parent, parent.event_url, parent.event_method, _error(parent, message, now), now)
            leg.detail = "cannot_route"
            self._end(leg, "failed", now)
            self._connect_over(session, parent, None, now)

    def socket_closed(self, session: MediaSession, code: int | None, reason: str) -> None:
        """The application closed the socket: ``disconnected`` on the leg, whose answer may be an NCCO."""
        now = self.clock.now()
        with self.lock:
            if session.closed_at is not None:
                return
            session.close("application", now, code, reason)
            leg = self.calls.get(session.call_uuid)
            if leg is None or not leg.active:
                return
            step = Step(-1, {"action": "disconnected"}, now, "reply", token=next(self._seq))
            leg.step = step
            payload = _disconnected_payload(leg, session, now)
            waits = self._can_contact(leg.event_url[0] if leg.event_url else None)
            self._emit(
                "disconnected",
                leg,
                leg.event_url,
                leg.event_method,
                payload,
                now,
                expects_reply=waits,
                token=step.token,
            )
            if not waits:
                self._after_disconnect(leg, session, None, now)

    def disconnected_reply(self, call_uuid: str, token: int | None, ncco: list[Any] | None, elapsed: float) -> None:
        """The event webhook answered ``disconnected``: its NCCO runs on the call, or the leg completes."""
        with self.lock:
            leg = self.calls.get(call_uuid)
            step = None if leg is None else leg.step
            if leg is None or step is None or step.token != token or not leg.active:
                return
            session = next((s for s in self.sessions if s.call_uuid == call_uuid), None)
            if session is not None:
                self._after_disconnect(leg, session, ncco, min(self.clock.now(), step.started_at + elapsed))
            self.tick()

    def _after_disconnect(self, leg: Call, session: MediaSession, ncco: list[Any] | None, at: float) -> None:
        parent = self.calls.get(session.parent_uuid or "")
        if parent is None:  # createCall `to`: the leg is the call
            leg.step = None
            if ncco is not None:
                leg.ncco = ncco
                self._run(leg, 0, at)
            else:
                self._complete(leg, at, "user")
            return
        self._complete(leg, at, "user")
        self._connect_over(session, parent, ncco, at)

    def _connect_over(self, session: MediaSession, parent: Call, ncco: list[Any] | None, at: float) -> None:
        """The connect action that opened ``session`` is over: the call runs ``ncco``, or its NCCO goes on."""
        step = parent.step
        token = self._connect_steps.pop(session.id, None)
        if not parent.active or step is None or step.token != token:
            return  # the call moved on (transfer, hang-up) meanwhile
        if ncco is not None:
            parent.ncco = ncco
            self._run(parent, 0, at)
        else:
            self._run(parent, step.index + 1, at)


def _error(call: Call, reason: str, at: float) -> dict[str, Any]:
    return payloads.error_payload(call, reason, at)


def _disconnected_payload(leg: Call, session: MediaSession, at: float) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "from": address(leg.from_),
        "to": session.uri,
        "uuid": leg.uuid,
        "conversation_uuid": leg.conversation_uuid,
        "status": "disconnected",
        "direction": "outbound",
        "timestamp": format_time(at),
    }
    if session.headers:
        payload["headers"] = session.headers  # the guide's "adding context to events"
    return payload
