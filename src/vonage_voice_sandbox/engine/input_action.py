"""The ``input`` action in the call lifecycle (a mixin of :class:`.lifecycle.Lifecycle`): keys pressed and words
said during a synchronous input, what a scripted callee answers, the input event, and asynchronous digits.

With ``speech.saveAudio`` the speech heard is kept as a recording (mp3, from the input's start to its end: see
:meth:`.record.RecordActions._save_speech`), served at ``/v1/files/{id}`` like a record action's, and the input
event carries its URL in ``speech.recording_url`` (the webhook reference; none when no speech was heard).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import payloads
from .calls import Call, Step
from .ncco import add_digits, event_urls, input_settings
from .scenarios import CALLEE_INPUT_AFTER

if TYPE_CHECKING:
    from .event_log import Event

__all__ = ["InputActions"]


class InputActions:
    """The input action; :class:`.lifecycle.Lifecycle` provides what is declared here."""

    _can_contact: Callable[[str | None], bool]

    if TYPE_CHECKING:

        def _cancel(self, call: Call, kind: str) -> None: ...

        def _schedule(self, call: Call, kind: str, due: float) -> None: ...

        def _run(self, call: Call, index: int, at: float) -> None: ...

        def _save_speech(self, call: Call, started: float, at: float) -> str: ...

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
        ) -> Event: ...

    def _submit_input(self, call: Call, at: float, *, timed_out: bool) -> None:
        step = call.step
        assert step is not None
        self._cancel(call, "step")
        if at > step.started_at:
            call.instant_steps = 0
        settings = input_settings(step.action)
        digits = (step.digits or None) if settings.dtmf else None
        payload = payloads.input_payload(call, at, step.action, digits, timed_out, step.speech)
        if settings.save_audio and step.speech is not None:  # only speech heard is saved (none on start_timeout)
            payload["speech"]["recording_url"] = self._save_speech(call, step.started_at, at)
        urls = event_urls(step.action.get("eventUrl")) or call.event_url
        method = str(step.action.get("eventMethod") or "POST")
        waits = self._can_contact(urls[0] if urls else None)
        self._emit("input", call, urls, method, payload, at, expects_reply=waits, token=step.token)
        if waits:
            step.waiting = "reply"
        else:
            self._run(call, step.index + 1, at)

    def _keys(self, call: Call, digits: str, at: float) -> None:
        """Keys pressed during a synchronous input: it completes, or waits ``timeOut`` from the last key."""
        step = call.step
        if step is None or step.waiting != "digits":
            return
        settings = input_settings(step.action)
        step.digits, complete = add_digits(step.digits, digits, settings)
        if complete:
            self._submit_input(call, at, timed_out=False)
        else:
            step.ends_at = at + settings.timeout
            self._schedule(call, "step", step.ends_at)

    def _script_input(self, call: Call, step: Step, at: float) -> None:
        """A scripted callee (a registered scenario) answers an input action it has an answer for."""
        settings = input_settings(step.action)
        if (settings.dtmf and call.callee_dtmf) or (settings.speech and call.callee_speech):
            self._schedule(call, "callee_input", at + CALLEE_INPUT_AFTER)

    def _callee_answers(self, call: Call, at: float) -> None:
        step = call.step
        if step is None or step.waiting != "digits":
            return
        settings = input_settings(step.action)
        if settings.dtmf and call.callee_dtmf:
            self._keys(call, call.callee_dtmf.pop(0), at)
        elif settings.speech and call.callee_speech:
            step.speech = call.callee_speech.pop(0)  # recognised once the callee has been silent for endOnSilence
            step.ends_at = at + settings.end_on_silence
            self._schedule(call, "step", step.ends_at)

    def _async_digits(self, call: Call, digits: str, at: float) -> None:
        action = call.async_input or {}
        urls = call.dtmf_listener or event_urls(action.get("eventUrl")) or call.event_url
        for key in digits:
            payload = payloads.input_payload(call, at, action, key, timed_out=False)
            self._emit("input", call, urls, "POST", payload, at)
