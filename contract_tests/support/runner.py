"""Run the provider contract: Schemathesis cases for each operation (examples, coverage, fuzzing in positive and
negative mode) and state-machine scenarios over the spec's OpenAPI links, against a :class:`~.targets.Target`.

Schemathesis generates the cases and runs every built-in check (plus ours, from :mod:`.checks`); this module owns
sending, so that the live-call guard sees every case first, and records each check's outcome instead of stopping at
the first failure, so that one run reports everything it found.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
from collections.abc import Iterator
from typing import Any

import requests
import schemathesis
from hypothesis import given, reject
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core import NotSet
from schemathesis.core.failures import FailureGroup
from schemathesis.generation.stateful.state_machine import StepInput, StepOutput

from . import checks as _checks  # noqa: F401 - registers the custom checks
from . import generation, invariants, known_issues, walk
from .call_control import CallControl, action_of, success_keys
from .guard import GuardRefused
from .profile import Profile
from .recorded_files import RecordedFiles
from .results import Failure, Mark, RunResults
from .spec import cached_spec, load_spec, resolve
from .spec import operations as spec_operations
from .targets import Target
from .types import StCase, StOperation, operations_of
from .waiting import call_of, needs_answer, wait_for_answer

# Seconds of sandbox time from creation to `answered` for an ordinary destination (ringing after 1 s, answered 3 s
# later): the call that reads are fuzzed against is read once answered, when its record has the most fields.
ANSWERED_AFTER = 4.5


class ProviderRun:
    """One target, one profile; any number of operations and phases, all recorded in ``results``."""

    def __init__(self, target: Target, profile: Profile, results: RunResults | None = None) -> None:
        self.target, self.profile = target, profile
        self.results = results or RunResults(target=target.name)
        self.results.target = self.results.target or target.name
        self.schema = schemathesis.openapi.from_dict(load_spec(), config=generation.config())
        if target.app is not None:
            self.schema.app = target.app
        self.schema.hooks.register_hook_with_name(self._record_checks, "after_validate")
        self._existing_call: str | None = None
        self._control: CallControl | None = None
        self._files: RecordedFiles | None = None
        self.last_skip: str | None = None  # why execute() did not send its last case (None: it was sent)
        self._success_path = False
        self._operations: list[StOperation] | None = None

    @property
    def call_control(self) -> CallControl:
        if self._control is None:
            self._control = CallControl(self)
        return self._control

    def new_failures(self, before: set[tuple[str, str, str, str]]) -> list[Failure]:
        """The failures recorded since ``before`` (a set of failure keys), after asking the sandbox for internal
        errors (what it recorded as its own bug while those cases ran)."""
        self.sandbox_errors()
        return [failure for key, failure in self.results.failures.items() if key not in before]

    def sandbox_errors(self) -> None:
        """Run-level check: the sandbox recorded no internal error (it answers them 400, so no response shows one)."""
        if not self.target.is_sandbox:
            return
        errors = self.target.admin_get("/_sandbox/errors").get("errors", [])
        for error in errors:
            if known_issues.excused_internal_error(error) is None:
                where = f"{error.get('method')} {error.get('path')}"
                self.results.add_run_failure("sandbox_internal_errors", where, str(error.get("error")))

    def operations(self) -> list[StOperation]:
        """The schema's operations, parsed once per run (Schemathesis builds them anew on every listing)."""
        if self._operations is None:
            self._operations = operations_of(self.schema)
        return list(self._operations)

    def operation(self, label: str) -> StOperation:
        found = [op for op in self.operations() if op.label == label or op.definition.raw["operationId"] == label]
        if not found:
            raise LookupError(f"no operation {label!r} in the patched spec")
        return found[0]

    # --- phases ---------------------------------------------------------------------------------------------------

    def examples(self, operation: StOperation) -> None:
        """The spec's own examples (positive by construction)."""
        for case in generation.explicit_examples(operation):
            self.execute(case)

    def fuzz(
        self,
        operation: StOperation,
        mode: GenerationMode,
        max_examples: int | None = None,
        path_parameters: dict[str, Any] | None = None,
    ) -> None:
        """Hypothesis-generated cases (``path_parameters`` fixes some); a mode no input can satisfy (a plain string
        path parameter has no negative value) is noted, not failed."""

        if mode is GenerationMode.NEGATIVE and not _can_be_negative(operation):
            self.results.notes.append(f"{operation.label}: no negative inputs exist (only plain string parameters)")
            return

        @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
        @self.profile.hypothesis(max_examples)
        def run(case: StCase) -> None:
            self.execute(case)

        try:
            run()
        except Unsatisfiable:
            self.results.notes.append(f"{operation.label}: no {mode.value} inputs can be generated")

    def on_a_call(self, operation: StOperation) -> None:
        """Cases on one call (``{uuid}`` in the path) or one of its files (``{file_id}``), where random ids only
        ever get 404: a read is fuzzed against a call that exists (the record's 200 is what clients parse), or
        against each file a call of this run recorded (:mod:`.recorded_files`); a write is sent to answered calls,
        its examples and positive fuzzed cases (:mod:`.call_control`), so that its success answers are checked."""
        if "{file_id}" in operation.path:
            self.on_a_file(operation)
            return
        if "{uuid}" not in operation.path:
            return
        if operation.method.upper() != "GET":
            self.call_control.exercise(operation, self.profile.call_control_examples)
            return
        uuid = self.existing_call()
        if uuid is not None:
            with self.success_path():
                self.fuzz(operation, GenerationMode.POSITIVE, path_parameters={"uuid": uuid})
        else:
            outcome = "blocked" if self.last_skip is None else "refused"
            reason = f"no call to read: {self.last_skip or 'createCall did not answer 201'}"
            self.results.attempt(operation.label, None, outcome, reason)

    def on_a_file(self, operation: StOperation) -> None:
        """Positive fuzzed cases on each file this run recorded; none (a live API): reported as not checked."""
        self._files = self._files or RecordedFiles(self)
        ids = self._files.ids()
        if not ids:
            outcome = "refused" if self._files.refused else "blocked"
            self.results.attempt(operation.label, None, outcome, self._files.problem)
            if self._files.refused:
                self.results.notes.append(f"{operation.label}: success path not checked: {self._files.problem}")
            return
        with self.success_path():
            for file_id in ids:
                self.fuzz(operation, GenerationMode.POSITIVE, path_parameters={"file_id": file_id})

    @contextlib.contextmanager
    def success_path(self) -> Iterator[None]:
        """Cases executed in this block are success-path attempts: sent to a call that can answer them 2xx."""
        self._success_path = True
        try:
            yield
        finally:
            self._success_path = False

    def success_paths(self, operation: StOperation | None = None, since: Mark | None = None) -> None:
        """Every operation (or just ``operation``) and every updateCall action answered 2xx at least once (after
        ``since``, if given), unless the guard may not send one (a live API without VOICE_CONTRACT_ALLOW_CALLS_TO:
        reported as not checked). For the whole run, hangs up the calls the success paths made first."""
        if operation is None:
            self.finish()
        self.results.check_success_paths(success_keys([operation] if operation else self.operations()), since)

    def finish(self) -> None:
        """Hang up the calls the success paths made (the end of a run)."""
        if self._control is not None:
            self._control.finish()

    def ready_for(self, case: StCase) -> None:
        """Before a scenario's step: wait until its call is answered if the step needs that (:mod:`.waiting`)."""
        uuid = call_of(case)
        if uuid is not None and needs_answer(case):
            waited = wait_for_answer(self.target, uuid)
            self.results.waited(waited.answered, waited.polls, waited.seconds)

    def existing_call(self) -> str | None:
        """The uuid of a call this run made with the spec's own createCall example (made once; None if the guard
        would not let it be made)."""
        if self._existing_call is None:
            create = self.operation("createCall")
            example = create.definition.raw["requestBody"]["content"]["application/json"].get("example")
            response = self.execute(create.Case(body=copy.deepcopy(example))) if example is not None else None
            payload = _json(response) if response is not None and response.status_code == 201 else None
            self._existing_call = str(payload["uuid"]) if isinstance(payload, dict) and "uuid" in payload else ""
            if self._existing_call and self.target.advance is not None:
                self.target.advance(ANSWERED_AFTER)
        return self._existing_call or None

    def coverage(
        self,
        operation: StOperation,
        limit: int | None = None,
        modes: tuple[GenerationMode, ...] = tuple(GenerationMode),
    ) -> None:
        """Schemathesis' deterministic coverage cases (examples, each optional field, boundaries, missing required
        ones, wrong types, unexpected methods): the first ``limit`` of them, half positive and half negative (the
        positive half, the negative half or both, as ``modes`` says)."""
        config = self.schema.config.generation_for(operation=operation, phase="coverage")
        limit = self.profile.coverage_cases if limit is None else limit
        # Half positive, half negative; taken lazily (createCall alone has ~1500 coverage cases, slow to build).
        for mode in modes:
            cases = self.schema.iter_coverage_cases(operation, generation_modes=[mode], generation_config=config)
            for case in itertools.islice(cases, max(1, limit // 2)):
                self.execute(case)

    def stateful(self, scenarios: int | None = None) -> None:
        """Scenarios that follow the OpenAPI links: create a call, then act on it (and on what that returns)."""
        if self.target.guard is not None and not self.target.guard.allowed:
            self.results.notes.append(
                "scenarios not run: each starts by creating a call, and VOICE_CONTRACT_ALLOW_CALLS_TO is not set"
            )
            return
        machine = _machine(self)
        try:
            machine.run(settings=self.profile.hypothesis(scenarios or self.profile.stateful_runs))
        except Unsatisfiable:
            self.results.notes.append("no scenario could run: each needed a request the live-call guard skipped")

    # --- one case ---------------------------------------------------------------------------------------------------

    def execute(self, case: StCase, recorder: Any = None) -> schemathesis.Response | None:
        """Send ``case`` (unless the guard or a known issue says not to) and run every check on the answer."""
        label, phase = case.operation.label, _phase(case)
        body = None if isinstance(case.body, NotSet) else case.body
        self.last_skip = None
        negative = case.meta is not None and not case.meta.generation.mode.is_positive
        # A success-path attempt: a case that can be answered 2xx (on one call or file, only those sent to one that
        # exists: a path parameter names it).
        attempt = self._success_path or (not negative and "{" not in case.path)
        action = action_of(case)
        skip = known_issues.reason_to_skip(case)
        if skip is None and self.target.guard is not None:
            skip, sent_body = self.target.guard.admit(
                case.method,
                case.formatted_path,
                body,
                negative=negative,
                media_type=_media_type(case),
                query=case.query if isinstance(case.query, dict) else {},
                headers=case.headers if isinstance(case.headers, dict) else {},
            )
            if skip is None and sent_body is not body:
                case.body = sent_body
        headers = self.target.headers()
        kwargs = self.target.call_kwargs()
        response = None
        if skip is None:
            try:
                response = case.call(headers=headers, **kwargs)
            except GuardRefused as refused:
                skip = str(refused)
            except (requests.RequestException, OSError) as error:
                self.results.add_failure(case, None, "request_completed", error, phase, self.target.curl_base_url)
                return None
        if skip is not None or response is None:
            self.last_skip = skip = skip or "not sent"
            self.results.skip(f"{label}: {skip}")
            if attempt:
                self.results.attempt(label, action, "refused", skip)
            return None
        self.results.case_sent(label, phase, response.status_code, action)
        if attempt:
            self.results.attempt(label, action, "sent")
        if self.target.guard is not None:
            self.target.guard.observe(case.method, case.formatted_path, response.status_code, _json(response))
        if recorder is not None:
            recorder.record_response(case_id=case.id, response=response)
        # Every failure is recorded by the after_validate hook; carrying on finds the others.
        with contextlib.suppress(FailureGroup):
            case.validate_response(
                response, headers=headers, transport_kwargs={**kwargs, "headers": headers}, recorder=recorder
            )
        self.collect_invariants()
        return response

    def collect_invariants(self) -> None:
        """Count the invariants the checks (and the walk) applied since the last call."""
        applied = invariants.take()
        if applied:
            self.results.invariants_applied(applied)

    def check_invariants(self) -> None:
        """The dedicated pass for the invariants across answers (:mod:`.walk`): one call's life, the list walked."""
        walk.check(self)
        self.collect_invariants()

    def _record_checks(self, context: Any, case: StCase, response: Any, results: list[Any]) -> None:
        phase = _phase(case)
        self.results.check_results(case, response, results, phase, self.target.curl_base_url, known_issues.excuse)


def _can_be_negative(operation: StOperation) -> bool:
    """Whether any input of ``operation`` can break its schema: a body can; a parameter that is a plain string
    (no pattern, enum, format or length) cannot, since every value sent in a URL is a string."""
    spec_operation = next(op for op in spec_operations() if op.label == operation.label)
    if spec_operation.raw.get("requestBody"):
        return True
    for parameter in resolve(cached_spec(), spec_operation.raw["parameters"]):
        schema = parameter.get("schema", {})
        if schema.get("type", "string") != "string" or set(schema) - _PLAIN_STRING:
            return True
    return False


_PLAIN_STRING = frozenset({"type", "description", "example", "title"})


def _media_type(case: StCase) -> str | None:
    """The Content-Type the case will be sent with: a header the case sets (coverage probes do), else its own."""
    headers: dict[Any, Any] = case.headers if isinstance(case.headers, dict) else {}
    declared = next((str(value) for name, value in headers.items() if str(name).lower() == "content-type"), None)
    return declared or case.media_type


def _phase(case: StCase) -> str:
    meta = case.meta
    if meta is None:
        return "explicit"
    phase = meta.phase.name.value
    return f"{phase}/{meta.generation.mode.value}" if phase in ("fuzzing", "coverage") else phase


def _json(response: schemathesis.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _machine(run: ProviderRun) -> Any:
    base: Any = run.schema.as_state_machine()

    class Machine(base):  # type: ignore[misc]
        """Schemathesis' link-following machine, sending through the run (guard, credentials, recording)."""

        def step(self, input: StepInput) -> StepOutput:
            run.ready_for(input.case)  # a step that needs an answered call waits for it
            response = run.execute(input.case, recorder=self.recorder)
            if response is None:
                reject()  # skipped by the guard: this scenario cannot go on
            return StepOutput(response, input.case)

    Machine.__name__ = "VoiceAPIStateMachine"
    return Machine
