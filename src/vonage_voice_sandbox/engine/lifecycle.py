"""How calls progress: status timers, the NCCO runner, and the outbox of events and NCCO fetches.

Time only moves in :meth:`Lifecycle.tick`: every due timer fires in time order, stamped with its own due time, so
advancing a virtual clock by a minute gives the same events, with the same timestamps, as living through it.
Side effects (webhooks, NCCO fetches) are not performed here; they wait in the outbox for :mod:`..delivery`.
A call only waits for a webhook's answer when that webhook can be contacted (``can_contact``), so unreachable or
disabled webhooks never stall a call. A call may start ``Limits.max_instant_steps`` NCCO actions while its NCCO takes
no time (a notify answered by itself...); the next ends the call with an ``error`` event, kept in the call's
``errors``. Ended calls past ``Limits.max_calls`` are forgotten, oldest first; dead timers are compacted away.
The record and input actions have modules of their own (:mod:`.record`, :mod:`.input_action`: mixins of
:class:`Lifecycle`).
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from . import payloads
from .callback_log import CallbackLog
from .calls import Call, Step, address, append_capped
from .clock import Clock, format_time
from .event_log import Event, EventLog
from .files import FileStore
from .input_action import InputActions
from .limits import Limits
from .ncco import event_urls, plan
from .record import RecordActions
from .scenarios import MACHINE_DETECTION_AFTER, ScenarioRegistry

__all__ = ["Fetch", "Lifecycle"]

UNFETCHED_TEXT: Final = "This call's NCCO is at an address the Voice API sandbox does not contact."
SYNTAX_ERROR: Final = "Syntax error in NCCO. Invalid value type or action."
RUNAWAY: Final = (
    "More than {limit} NCCO actions ran without time passing (a webhook answering with the same NCCO?): "
    "the sandbox ended the call (Limits.max_instant_steps)."
)
TIMER_SLACK: Final = 64  # dead timers tolerated in the heap beyond twice the live ones


@dataclass(frozen=True)
class Fetch:
    """An NCCO to fetch from ``url`` (answer_url, or a transfer's url); the call waits at step ``token``."""

    call_uuid: str
    url: str
    method: str
    token: int
    payload: dict[str, Any]
    sent_at: float
    purpose: str = "answer"  # or "transfer": the callback log's type


Outbox = list[Any]  # Event, Fetch, and socket_legs.OpenSocket


class Lifecycle(InputActions, RecordActions):
    """The calls and their timers; :class:`.state.CallStore` adds what requests do to them."""

    def __init__(
        self, clock: Clock, prefix: str, can_contact: Callable[[str | None], bool], limits: Limits | None = None
    ) -> None:
        self.clock = clock
        self.prefix = prefix  # the calls collection path, for record links
        self.limits = limits or Limits()
        self.calls: dict[str, Call] = {}  # in creation order
        self.events = EventLog(self.limits.max_events)
        self.callbacks = CallbackLog(self.limits.max_callbacks, self.limits.max_callback_answer_bytes)
        self.scenarios = ScenarioRegistry(self.limits.max_registered_numbers)  # numbers registered by tests
        self.files = FileStore(self.limits.max_files, self.limits.max_recording_seconds)  # /v1/files/{id}
        self.files_base = "http://127.0.0.1"  # where recording URLs point: the sandbox, once it knows its address
        # An endpoint as a call record shows it (the spec's declared fields only: the web face sets it), for calls
        # the engine makes itself (a connect action's WebSocket leg).
        self.record_endpoint: Callable[[dict[str, Any]], dict[str, Any]] = dict
        self._can_contact = can_contact
        self._timers: list[tuple[float, int, str, str]] = []  # heap of (due, seq, call uuid, kind)
        self._compact_above = TIMER_SLACK
        self._ended: deque[str] = deque()  # uuids of ended calls, in the order they ended: the first to forget
        self._seq = itertools.count(1)
        self._outbox: Outbox = []
        self.lock = threading.RLock()  # the CLI's ticker and request handlers share the store

    # --- time ------------------------------------------------------------------------------------------------------

    def tick(self) -> None:
        """Fire every timer that is due, in time order."""
        now = self.clock.now()
        with self.lock:
            while self._timers and self._timers[0][0] <= now:
                due, seq, call_uuid, kind = heapq.heappop(self._timers)
                call = self.calls.get(call_uuid)
                if call is not None and call.timers.get(kind) == seq:
                    del call.timers[kind]
                    self._fire(call, kind, due)

    @property
    def timer_count(self) -> int:
        """Entries in the timer heap, live or dead (a dead one belongs to an ended call or was replaced)."""
        return len(self._timers)

    @property
    def pending(self) -> bool:
        """Whether events or NCCO fetches wait in the outbox."""
        return bool(self._outbox)

    def take_outbox(self) -> Outbox:
        with self.lock:
            items, self._outbox = self._outbox, []
        return items

    # --- transitions -----------------------------------------------------------------------------------------------

    def _fire(self, call: Call, kind: str, due: float) -> None:
        scenario = call.scenario
        if kind == "ring":
            self._set_status(call, "ringing", due)
            if scenario.outcome is not None:
                self._schedule(call, "outcome", due + scenario.outcome_after)
            self._schedule(call, "ring_timeout", due + float(call.request.get("ringing_timer") or 60))
        elif kind == "outcome" and scenario.outcome == "answered":
            self._answer(call, due)
        elif kind == "outcome":
            call.detail = scenario.detail
            self._end(call, scenario.outcome or "timeout", due)
        elif kind == "ring_timeout":
            self._end(call, "timeout", due)
        elif kind in ("length", "callee_hangup"):
            self._complete(call, due, "user" if kind == "callee_hangup" else "platform")
        elif kind == "detect":
            self._detected(call, due)
        elif kind == "step":
            self._step_due(call, due)
        elif kind == "callee_input":
            self._callee_answers(call, due)

    def _answer(self, call: Call, at: float) -> None:
        self._cancel(call, "ring_timeout")
        call.answered_at = at
        self._set_status(call, "answered", at)
        self._schedule(call, "length", at + float(call.request.get("length_timer") or 7200))
        if call.request.get("machine_detection") or call.request.get("advanced_machine_detection"):
            self._schedule(call, "detect", at + MACHINE_DETECTION_AFTER)
        if call.scenario.callee_hangs_up_after is not None:
            self._schedule(call, "callee_hangup", at + call.scenario.callee_hangs_up_after)
        self._answered(call, at)
        if call.ncco is not None:
            self._run(call, 0, at)
        else:
            self._fetch(call, list(call.request.get("answer_url") or []), call.request.get("answer_method"), at)

    def _detected(self, call: Call, at: float) -> None:
        status = "machine" if call.scenario.machine else "human"
        self._emit(status, call, call.event_url, call.event_method, payloads.status_payload(call, status, at), at)
        advanced = call.request.get("advanced_machine_detection") or {}
        behavior = advanced.get("behavior") or call.request.get("machine_detection")
        if status == "machine" and behavior == "hangup":
            self._complete(call, at, "platform")

    def _end(self, call: Call, status: str, at: float) -> None:
        """End a call that was never answered."""
        call.timers.clear()
        call.step = None
        call.ended_at = at
        self._ended.append(call.uuid)
        self._set_status(call, status, at)

    def _complete(self, call: Call, at: float, by: str) -> None:
        if not call.active:
            return
        step = call.step
        call.timers.clear()
        call.step = None
        call.ended_at = at
        call.disconnected_by = by
        self._ended.append(call.uuid)
        self._set_status(call, "completed", at)
        self._ending(call, at)
        self._records_end(call, step, at)

    def _set_status(self, call: Call, status: str, at: float) -> None:
        call.status = status
        call.history.append({"status": status, "at": format_time(at)})
        self._emit(status, call, call.event_url, call.event_method, payloads.status_payload(call, status, at), at)

    # --- the NCCO --------------------------------------------------------------------------------------------------

    def _run(self, call: Call, index: int, at: float) -> None:
        """Start the NCCO at ``index``, going through the actions that take no time until one that does."""
        ncco = call.ncco if isinstance(call.ncco, list) else []
        while index < len(ncco):
            if not self._may_start(call, at):
                return
            action = ncco[index]
            step_plan = plan(action)
            step = Step(index, action, at, step_plan.waiting, token=next(self._seq))
            if step_plan.waiting in ("timer", "digits"):
                step.ends_at = at + (step_plan.seconds or 0.0)
                call.step = step
                self._schedule(call, "step", step.ends_at)
                if step_plan.waiting == "digits":
                    self._script_input(call, step, at)
                return
            if step_plan.waiting == "hold":
                call.step = step
                self._holding(call, step, at)
                return
            if step_plan.waiting == "notify" and self._notify(call, step, at):
                return
            if step_plan.waiting == "record" and self._start_record(call, step, at):
                return
            self._instant(call, step, step_plan.waiting, at)
            index += 1
        if call.scenario.holds_line:
            call.step = Step(index, {}, at, "hold", token=next(self._seq))
        else:
            self._complete(call, at, "platform")  # the NCCO ended, so the call ends

    def _may_start(self, call: Call, at: float) -> bool:
        """Count an NCCO action started; past the limit, end the call with an error instead (False)."""
        call.instant_steps += 1
        limit = self.limits.max_instant_steps
        if call.instant_steps <= limit:
            return True
        self._fail(call, RUNAWAY.format(limit=limit), at)
        return False

    def _fail(self, call: Call, reason: str, at: float) -> None:
        """End an answered call for ``reason``: an ``error`` event, recorded with the call."""
        append_capped(call.errors, {"reason": reason, "at": format_time(at)}, self.limits.max_call_log)
        self._emit("error", call, call.event_url, call.event_method, payloads.error_payload(call, reason, at), at)
        self._complete(call, at, "platform")

    def _instant(self, call: Call, step: Step, waiting: str, at: float) -> None:
        if waiting == "async-input":
            call.async_input = step.action
        elif waiting == "error":
            payload = payloads.error_payload(call, SYNTAX_ERROR, at)
            self._emit("error", call, call.event_url, call.event_method, payload, at)

    def _notify(self, call: Call, step: Step, at: float) -> bool:
        """Send a notify action's payload; True when the call now waits for the answer (which may be an NCCO)."""
        payload = step.action.get("payload")
        urls = event_urls(step.action.get("eventUrl"))
        method = str(step.action.get("eventMethod") or "POST")
        body = payload if isinstance(payload, dict) else {"payload": payload}
        waits = self._can_contact(urls[0] if urls else None)
        self._emit("notify", call, urls, method, body, at, expects_reply=waits, token=step.token)
        if waits:
            step.waiting = "reply"
            call.step = step
        return waits

    def _step_due(self, call: Call, at: float) -> None:
        step = call.step
        if step is None:
            return
        if at > step.started_at:
            call.instant_steps = 0  # the NCCO took time: whatever comes next is not a runaway loop
        if step.waiting == "digits":
            self._submit_input(call, at, timed_out=step.speech is None)
        elif step.waiting == "timer":
            self._run(call, step.index + 1, at)
        elif step.waiting == "recording":
            step.waiting = "recorded"  # finished once: a call that ends with the NCCO must not finish it again
            self._finish_record(call, step.action, step.started_at, at)
            self._run(call, step.index + 1, at)

    def _fetch(self, call: Call, urls: list[str], method: Any, at: float, purpose: str = "answer") -> None:
        url = urls[0] if urls else None
        if url is None or not self._can_contact(url):
            call.ncco = [{"action": "talk", "text": UNFETCHED_TEXT}]
            self._run(call, 0, at)
            return
        step = Step(-1, {"action": "fetch", "url": url}, at, "ncco", token=next(self._seq))
        call.step = step
        payload = {
            "to": address(call.to),
            "from": address(call.from_),
            "uuid": call.uuid,
            "conversation_uuid": call.conversation_uuid,
        }
        self._outbox.append(Fetch(call.uuid, url, str(method or "GET").upper(), step.token, payload, at, purpose))

    def _resume(
        self,
        call_uuid: str,
        token: int | None,
        waiting: str,
        ncco: list[Any] | None,
        error: str | None,
        sent_at: float,
        elapsed: float,
    ) -> None:
        """Go on after a webhook answered. It is dated when it was sent plus the (real) time it took, so that on a
        virtual clock that jumped while it was in flight the NCCO goes on from when it was sent."""
        now = min(self.clock.now(), sent_at + elapsed)
        with self.lock:
            call = self.calls.get(call_uuid)
            step = None if call is None else call.step
            if call is None or step is None or step.token != token or step.waiting != waiting or not call.active:
                return  # the call moved on (hung up, transferred) while the webhook was in flight
            if error is not None:
                self._fail(call, error, now)
            elif ncco is not None:
                call.ncco = ncco
                self._run(call, 0, now)
            else:
                self._run(call, step.index + 1, now)
            self.tick()  # what the NCCO scheduled may already be due

    # --- plumbing --------------------------------------------------------------------------------------------------

    def _emit(
        self,
        kind: str,
        call: Call,
        urls: list[str],
        method: str,
        payload: dict[str, Any],
        at: float,
        *,
        expects_reply: bool = False,
        token: int | None = None,
    ) -> Event:
        event = self.events.add(kind, call, urls, method, payload, at, expects_reply=expects_reply, reply_token=token)
        self._outbox.append(event)
        return event

    def _schedule(self, call: Call, kind: str, due: float) -> None:
        seq = next(self._seq)
        call.timers[kind] = seq  # replaces any earlier timer of this kind
        heapq.heappush(self._timers, (due, seq, call.uuid, kind))
        if len(self._timers) > self._compact_above:
            self._compact_timers()

    def _compact_timers(self) -> None:
        """Drop dead timers (of forgotten or ended calls, or replaced): amortised, as the threshold doubles."""
        live = []
        for entry in self._timers:
            call = self.calls.get(entry[2])
            if call is not None and call.timers.get(entry[3]) == entry[1]:
                live.append(entry)
        heapq.heapify(live)
        self._timers = live
        self._compact_above = 2 * len(live) + TIMER_SLACK

    def _forget_ended(self, room: int) -> None:
        """Forget the calls that ended first until ``room`` more fit under ``Limits.max_calls``."""
        while len(self.calls) + room > self.limits.max_calls and self._ended:
            call = self.calls.get(self._ended.popleft())
            if call is not None and not call.active:
                del self.calls[call.uuid]

    def _cancel(self, call: Call, kind: str) -> None:
        call.timers.pop(kind, None)

    # Hooks for WebSocket legs (.socket_legs): an answered call, a held NCCO action (connect), a completed call.
    def _answered(self, call: Call, at: float) -> None: ...

    def _holding(self, call: Call, step: Step, at: float) -> None: ...

    def _ending(self, call: Call, at: float) -> None: ...
