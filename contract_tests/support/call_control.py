"""Success paths: every operation on one call, and every updateCall action, sent to a call that is answered.

Call control succeeds only on an answered call, so a run whose cases meet calls that still ring (or random uuids)
checks nothing but refusals, and drift in a success answer goes unseen. This phase keeps calls of its own that stay
up (the spec's createCall example, its NCCO a talk that loops until hangup, bounded by ``length_timer``), waits until
one is answered (:mod:`.waiting`), and sends each call-control case to it: the spec's examples (updateCall's in an
order that ends the call last) and positive fuzzed cases, each just after its call was seen answered. A stop goes
after the matching start (stopTalk after startTalk), as a client sends them.

Every case goes through the run (guard, checks, counts), so a success answer is checked like any other. Against a
live API the guard decides what may be sent (VOICE_CONTRACT_ALLOW_CALLS_TO); what it refuses is reported as not
checked, never as passed.
"""

from __future__ import annotations

import copy
import functools
from collections import deque
from typing import Any, Final

from hypothesis import given
from schemathesis import GenerationMode

from .generation import explicit_examples
from .guard import CALLS_PATH
from .run_protocol import SendingRun
from .spec import load_spec, resolve
from .spec import operations as spec_operations
from .types import StCase, StOperation
from .waiting import wait_for_answer

ACTIONS_OF: Final = "updateCall"  # the operation whose body names an action; the summary counts each action
JSON: Final = "application/json"
HOLD: Final = {"action": "talk", "text": "Vonage voice client contract test, holding the line.", "loop": 0}
LENGTH_TIMER: Final = 600  # seconds: a call of ours that nobody hangs up ends by itself
# The order updateCall's examples go in: what leaves the call answered first, what ends it last.
_ACTION_ORDER: Final = ("mute", "unmute", "earmuff", "unearmuff", "transfer", "hangup")
# Stops go after the matching start on the same call (a live API may refuse to stop what is not playing).
STARTED_BY: Final = {"stopTalk": "startTalk", "stopStream": "startStream", "unsubscribeDTMF": "subscribeDTMF"}
_PLACEHOLDER: Final = "00000000-0000-4000-8000-000000000000"  # replaced by an answered call before sending
ENDS_THE_CALL: Final = frozenset({"hangup", "transfer"})  # a transferred call ends when its new NCCO does
ACTIVE: Final = frozenset({"started", "ringing", "answered"})


@functools.cache
def update_actions() -> tuple[str, ...]:
    """The actions updateCall's body can name, read from the spec (each oneOf branch's ``action`` enum)."""
    spec = load_spec()
    operation = next(op for op in spec_operations() if op.operation_id == ACTIONS_OF)
    schema = resolve(spec, operation.raw["requestBody"])["content"][JSON]["schema"]
    found: list[str] = []
    for branch in schema.get("oneOf", [schema]):
        for value in _enum(branch.get("properties", {}).get("action", {})):
            if value not in found:
                found.append(value)
    return tuple(found)


def _enum(node: dict[str, Any]) -> list[str]:
    values = [str(value) for value in node.get("enum", [])]
    for part in node.get("allOf", []):
        values += _enum(part)
    return values


def action_of(case: StCase) -> str | None:
    """The updateCall action a case names (one the spec lists), else None."""
    if case.operation.definition.raw.get("operationId") != ACTIONS_OF or not isinstance(case.body, dict):
        return None
    action = case.body.get("action")
    return action if isinstance(action, str) and action in update_actions() else None


def success_keys(operations: list[StOperation]) -> list[tuple[str, str | None]]:
    """What must answer 2xx at least once: every operation, and every action of updateCall."""
    keys: list[tuple[str, str | None]] = []
    for operation in operations:
        keys.append((operation.label, None))
        if operation.definition.raw.get("operationId") == ACTIONS_OF:
            keys += [(operation.label, action) for action in update_actions()]
    return keys


class AnsweredCalls:
    """Calls this run made to act on, made a few at a time (one at a time on a live API: each rings a phone)."""

    def __init__(self, run: SendingRun) -> None:
        self.run = run
        self.batch = 4 if run.target.is_sandbox else 1
        self.calls: deque[str] = deque()
        self.made: list[str] = []
        self.problem: str | None = None  # why no answered call could be had, the last time one could not
        self.refused = False  # whether that was the guard's doing (no call may be made): not checked, not failed
        self.given_up = False  # a call was never answered, or two rounds gave none: no more waiting in this run

    def answered(self) -> str | None:
        """A call of ours that is answered now (made and waited for, if none is), or None (``problem`` says why).
        Once a call of ours was not answered (a wait ran out, or it ended unanswered), or none could be made, the
        run stops trying: each wait may take the target's whole wait budget, and that callee will not answer the
        next call either. A call that completed (answered, then ended) or is gone (404) was just used up."""
        for _ in range(2):  # the calls there are, then a new batch
            while self.calls and not self.given_up:
                waited = wait_for_answer(self.run.target, self.calls[0])
                self.run.results.waited(waited.answered, waited.polls, waited.seconds)
                if waited.answered:
                    return waited.uuid
                self.calls.popleft()
                if waited.status not in (None, "completed"):
                    self.problem, self.refused, self.given_up = waited.describe(), False, True
            if self.given_up or not self._make():
                self.given_up = True
                return None
        self.given_up = True
        return None

    def _make(self) -> bool:
        create = self.run.operation("createCall")
        example = create.definition.raw["requestBody"]["content"][JSON].get("example") or {}
        body = {**copy.deepcopy(example), "ncco": [dict(HOLD)], "length_timer": LENGTH_TIMER}
        for _ in range(self.batch):
            response = self.run.execute(create.Case(body=copy.deepcopy(body), media_type=JSON))
            if response is None:
                self.problem = f"no call could be made: {self.run.last_skip or 'the request failed'}"
                self.refused = self.run.last_skip is not None
                break
            payload = _json(response)
            if response.status_code != 201 or not isinstance(payload, dict) or "uuid" not in payload:
                self.problem, self.refused = f"createCall answered {response.status_code}, not 201 with a uuid", False
                break
            self.calls.append(str(payload["uuid"]))
            self.made.append(str(payload["uuid"]))
        return bool(self.calls)

    def hang_up(self) -> None:
        """Hang up the calls of ours still up (cases like any other hangup), so none lingers until its timer."""
        update = self.run.operation(ACTIONS_OF)
        for uuid in self.made:
            code, _, payload = self.run.target.api_get(f"{CALLS_PATH}/{uuid}")
            if code == 200 and isinstance(payload, dict) and payload.get("status") in ACTIVE:
                hangup = update.Case(path_parameters={"uuid": uuid}, body={"action": "hangup"}, media_type=JSON)
                self.run.execute(hangup)
        self.made.clear()
        self.calls.clear()


class CallControl:
    """Sends one operation's success-path cases to answered calls (see the module's docstring)."""

    def __init__(self, run: SendingRun) -> None:
        self.run = run
        self.calls = AnsweredCalls(run)
        self._starts: dict[str, list[StCase]] = {}

    def exercise(self, operation: StOperation, fuzzed: int) -> None:
        """The spec's examples of ``operation`` (updateCall's in :data:`_ACTION_ORDER`), then ``fuzzed`` positive
        generated cases, each sent to a call that is answered when it is sent."""
        examples = explicit_examples(operation)
        examples.sort(key=lambda case: _rank(action_of(case)))
        for case in examples:
            self.send(case)

        @given(case=operation.as_strategy(GenerationMode.POSITIVE, path_parameters={"uuid": _PLACEHOLDER}))
        @self.run.profile.hypothesis(fuzzed)
        def run(case: StCase) -> None:
            self.send(case)

        run()

    def send(self, case: StCase) -> None:
        """Send ``case`` to a call that is answered now; if none can be had, record why (the summary says it)."""
        uuid = self.calls.answered()
        label, action = case.operation.label, action_of(case)
        if uuid is None:
            outcome = "refused" if self.calls.refused else "blocked"
            self.run.results.attempt(label, action, outcome, self.calls.problem or "no answered call")
            return
        with self.run.success_path():
            start = STARTED_BY.get(str(case.operation.definition.raw.get("operationId")))
            if start is not None:
                self.run.execute(self._start(start, uuid))
            case.path_parameters = {**case.path_parameters, "uuid": uuid}
            self.run.execute(case)
        if action in ENDS_THE_CALL and self.calls.calls and self.calls.calls[0] == uuid:
            self.calls.calls.popleft()  # it may end at any moment now: the next case gets another call

    def _start(self, operation_id: str, uuid: str) -> StCase:
        """A fresh case of the start operation's first example, on ``uuid``."""
        if operation_id not in self._starts:
            self._starts[operation_id] = explicit_examples(self.run.operation(operation_id))[:1]
        [example] = self._starts[operation_id]
        body = copy.deepcopy(example.body)
        case: StCase = example.operation.Case(path_parameters={"uuid": uuid}, body=body, media_type=example.media_type)
        return case

    def finish(self) -> None:
        self.calls.hang_up()


def _rank(action: str | None) -> int:
    return _ACTION_ORDER.index(action) if action in _ACTION_ORDER else _ACTION_ORDER.index("transfer")


def _json(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
