"""The calls of one sandbox, and what API requests do to them (the progress itself is in :mod:`.lifecycle`)."""

from __future__ import annotations

import uuid
from typing import Any

from ..spec.ncco import NccoChecker
from . import payloads
from .calls import BEFORE_ANSWER, RANDOM_FROM, Call, append_capped
from .clock import format_time
from .errors import CallNotActive, CallNotFound, TooManyCalls
from .event_log import Event
from .files import file_id_of
from .lifecycle import Fetch, Outbox
from .ncco import plan
from .scenarios import RINGING_AFTER, scenario_for
from .socket_legs import SocketLegs

__all__ = ["CallStore", "Fetch", "Outbox", "invalid_ncco", "too_many_actions"]


class CallStore(SocketLegs):
    """Every call of the sandbox; thread-safe (``lock``), since the CLI's ticker runs beside request handlers."""

    # The spec's NCCO check (set by create_app): a fetched or answered NCCO is held to the rules of an inline one.
    ncco_checker: NccoChecker | None = None

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.events.clear()
            self.callbacks.clear()
            self.scenarios.clear()
            self.files.clear()
            self._timers.clear()
            self._ended.clear()
            self._outbox.clear()
            self.forget_sessions(self.clock.now())

    # --- requests --------------------------------------------------------------------------------------------------

    def create(self, body: dict[str, Any]) -> Call:
        now = self.clock.now()
        to = dict(body["to"][0])
        scenario = scenario_for(to, self.scenarios.numbers)
        call = Call(
            uuid=str(uuid.uuid4()),
            conversation_uuid=f"CON-{uuid.uuid4()}",
            to=to,
            from_=_caller(body),
            scenario=scenario,
            created_at=now,
            request=body,
            ncco=body.get("ncco"),
            callee_dtmf=list(scenario.dtmf),
            callee_speech=list(scenario.speech),
            callee_audio=self.scenarios.audio.get(str(to.get("number", ""))) if to.get("type") == "phone" else None,
            seq=next(self._seq),
        )
        with self.lock:
            self._forget_ended(room=1)
            if len(self.calls) >= self.limits.max_calls:
                detail = (
                    f"The sandbox holds {len(self.calls)} calls in progress, its limit (Limits.max_calls): "
                    "hang some up, or reset it."
                )
                raise TooManyCalls(detail)
            self.calls[call.uuid] = call
            self._set_status(call, "started", now)
            if call.scenario.rings:
                self._schedule(call, "ring", now + RINGING_AFTER)
            else:
                self._schedule(call, "outcome", now + call.scenario.outcome_after)
        return call

    def get(self, call_uuid: str) -> Call:
        call = self.calls.get(call_uuid)
        if call is None:
            raise CallNotFound(f"Call {call_uuid[:64]} was not found.")
        return call

    def answered_call(self, call_uuid: str, operation: str) -> Call:
        """The call, if it is answered; :class:`.errors.CallNotActive` if it is not active (yet, or any more)."""
        call = self.get(call_uuid)
        if call.status != "answered":
            raise CallNotActive(f"Cannot {operation}: the call is {call.status}, not answered.")
        return call

    def control(self, call: Call, action: str, **details: Any) -> None:
        """Record a REST control (mute, talk, DTMF...) for /_sandbox."""
        entry = {"action": action, "at": format_time(self.clock.now()), **details}
        append_capped(call.controls, entry, self.limits.max_call_log)

    def hangup(self, call_uuid: str) -> None:
        now = self.clock.now()
        with self.lock:
            call = self.get(call_uuid)
            if call.status in BEFORE_ANSWER:
                self.control(call, "hangup")
                self._end(call, "cancelled", now)
                return
            call = self.answered_call(call_uuid, "hang up")
            self.control(call, "hangup")
            self._complete(call, now, "platform")

    def transfer(self, call_uuid: str, destination: dict[str, Any]) -> None:
        """Move the call to a new NCCO, given inline or at a URL; the leg joins a new conversation."""
        now = self.clock.now()
        with self.lock:
            call = self.answered_call(call_uuid, "transfer")
            self.control(call, "transfer", destination=destination)
            call.instant_steps = 0  # a request moved it on: not a loop of its own NCCO
            old_conversation = call.conversation_uuid
            call.conversation_uuid = f"CON-{uuid.uuid4()}"
            payload = payloads.transfer_payload(call, old_conversation, now)
            self._emit("transfer", call, call.event_url, call.event_method, payload, now)
            self._cancel(call, "step")
            if isinstance(destination.get("ncco"), list):
                call.ncco = destination["ncco"]
                self._run(call, 0, now)
            else:
                self._fetch(call, list(destination.get("url") or []), "GET", now, "transfer")

    def send_dtmf(self, call_uuid: str, digits: str) -> None:
        """Digits sent with PUT .../dtmf reach the NCCO as if the callee pressed them."""
        now = self.clock.now()
        with self.lock:
            call = self.answered_call(call_uuid, "send DTMF")
            self.control(call, "dtmf", digits=digits)
            if call.async_input is not None:
                self._async_digits(call, digits, now)
            self._keys(call, digits, now)

    def set_flag(self, call_uuid: str, action: str) -> None:
        """mute, unmute, earmuff, unearmuff: recorded, and shown at /_sandbox/calls/{uuid}."""
        with self.lock:
            call = self.answered_call(call_uuid, action)
            self.control(call, action)
            if action in ("mute", "unmute"):
                call.muted = action == "mute"
            else:
                call.earmuffed = action == "earmuff"

    def play(self, call_uuid: str, kind: str, body: dict[str, Any] | None) -> None:
        """Start (``body`` given) or stop REST talk/stream; it plays over the NCCO without changing it."""
        now = self.clock.now()
        with self.lock:
            call = self.answered_call(call_uuid, f"{'start' if body is not None else 'stop'} {kind}")
            self.control(
                call, f"{kind}:{'start' if body is not None else 'stop'}", **({} if body is None else {"request": body})
            )
            playing = None
            if body is not None:
                step_plan = plan({**body, "action": kind, "streamUrl": body.get("stream_url")})
                ends = None if step_plan.seconds is None else format_time(now + step_plan.seconds)
                playing = {"request": body, "started_at": format_time(now), "ends_at": ends}
            if kind == "talk":
                call.talk = playing
            else:
                call.stream = playing

    def listen_dtmf(self, call_uuid: str, urls: list[str] | None) -> None:
        """Subscribe (``urls``) or unsubscribe (None) the real-time DTMF listener of an asynchronous input."""
        with self.lock:
            call = self.answered_call(call_uuid, "subscribe to DTMF" if urls is not None else "unsubscribe")
            self.control(call, "dtmf:subscribe" if urls is not None else "dtmf:unsubscribe", event_url=urls)
            call.dtmf_listener = urls

    def reply(self, event: Event, ncco: list[Any] | None, elapsed: float, error: str | None = None) -> None:
        """A webhook that may return an NCCO (input, notify, a socket's disconnected) answered: run that NCCO, or go
        on; an answer refused (``error``, or too many actions) ends the call with an ``error`` event, as a bad fetched
        NCCO does (after a disconnected socket, the leg completes instead)."""
        if event.call_uuid is None:
            return
        ncco, error = self._checked(ncco, error)
        if event.kind == "disconnected":
            self.disconnected_reply(event.call_uuid, event.reply_token, None if error else ncco, elapsed)
        else:
            self._resume(event.call_uuid, event.reply_token, "reply", ncco, error, event.created_at, elapsed)

    def fetched(self, fetch: Fetch, ncco: list[Any] | None, error: str | None, elapsed: float) -> None:
        """An NCCO fetch finished: run the NCCO, or report the error and end the call."""
        ncco, error = self._checked(ncco, error)
        self._resume(fetch.call_uuid, fetch.token, "ncco", ncco, error, fetch.sent_at, elapsed)

    def _checked(self, ncco: list[Any] | None, error: str | None) -> tuple[list[Any] | None, str | None]:
        """An NCCO an application answered, held to the rules of an inline one: its length first (checking a huge one
        against the spec would take long), then the spec, with D32's string forms typed (``"true"``, ``"45"``)."""
        error = error or self._too_many_actions(ncco)
        if error is not None or ncco is None or self.ncco_checker is None:
            return ncco, error
        check = self.ncco_checker.check(ncco)
        return (check.ncco, None) if check.valid else (ncco, invalid_ncco(check.describe()))

    def _too_many_actions(self, ncco: list[Any] | None) -> str | None:
        if ncco is None or len(ncco) <= self.limits.max_ncco_actions:
            return None
        return too_many_actions(len(ncco), self.limits.max_ncco_actions)

    def encode_recording(self, event: Event) -> None:
        """Encode the file a record event (``recording_url``) or an input event (``speech.recording_url``, with
        saveAudio) names (blocking: the deliverer runs it in a thread) and fill in its ``size``."""
        speech = event.payload.get("speech")
        url = event.payload.get("recording_url") or (speech.get("recording_url") if isinstance(speech, dict) else None)
        file_id = file_id_of(url)
        data = None if file_id is None else self.files.materialise(file_id)
        if data is None:
            return
        if event.kind == "record":  # the input event has no size field
            event.payload["size"] = len(data)
        with self.lock:
            call = self.calls.get(event.call_uuid or "")
            for entry in [] if call is None else call.recordings:
                if entry.get("url") == url:
                    entry["size"] = len(data)


def too_many_actions(count: int, limit: int) -> str:
    """Why an NCCO of ``count`` actions is refused."""
    return f"the NCCO has {count} actions; the sandbox runs at most {limit} (Limits.max_ncco_actions)"


def invalid_ncco(problems: str) -> str:
    """Why an NCCO the spec refuses is not run: each field named, as a 400 names them for an inline NCCO."""
    return f"the NCCO is not valid: {problems}"


def _caller(body: dict[str, Any]) -> dict[str, Any]:
    given = body.get("from")
    if isinstance(given, dict):
        return {"type": given.get("type", "phone"), "number": given.get("number", "")}
    return {"type": "phone", "number": RANDOM_FROM}
