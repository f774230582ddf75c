"""A run spread over pytest-xdist workers reports what one process would: each worker's results travel as JSON and
the controller merges them (conftest.py). Every field of :class:`RunResults` must survive the trip and add up."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from contract_tests.support.results import SUCCESS_CHECK, RunResults

Record = Callable[[RunResults], None]

TALK = "PUT /v1/calls/{uuid}/talk"
UPDATE = "PUT /v1/calls/{uuid}"
STOP_TALK = "DELETE /v1/calls/{uuid}/talk"

# What two workers record, in order: each operation's test runs on one worker, which checks that operation's success
# paths; both workers may answer the same (operation, phase) and run the same checks on it (counts add up), see the
# same skip reason or sandbox error, and record a reason for the same key (the first is kept, as in one process).
SHARED_ERROR = ("sandbox_internal_errors", "GET /v1/calls")
RECORDS: list[Record] = [
    lambda r: r.case_sent("POST /v1/calls", "fuzz-positive", 201),
    lambda r: r.case_sent("GET /v1/calls", "coverage", 200),
    lambda r: r.case_sent(UPDATE, "stateful", 204, action="hangup"),
    lambda r: r.attempt(TALK, None, "blocked", "no call to read: createCall did not answer 201"),
    lambda r: r.waited(True, 3, 0.5),
    lambda r: r.skip("GET /v1/calls: refused by the guard"),
    lambda r: r.add_run_failure(*SHARED_ERROR, "KeyError: 'x'\nseen by the first worker"),
    lambda r: r.checks[("GET /v1/calls", "not_a_server_error")].update(passed=2),
    lambda r: r.notes.append("GET /v1/calls/{uuid}: no negative inputs exist"),
    lambda r: r.check_success_paths([("POST /v1/calls", None), (TALK, None)]),
    # the second worker
    lambda r: r.case_sent("GET /v1/calls", "coverage", 200),
    lambda r: r.case_sent(UPDATE, "on-a-call", 204, action="hangup"),
    lambda r: r.case_sent(UPDATE, "on-a-call", 400, action="mute"),
    lambda r: r.attempt(UPDATE, "hangup", "sent"),
    lambda r: r.attempt(UPDATE, "mute", "sent"),
    lambda r: r.attempt(TALK, None, "blocked", "a later reason, not kept"),
    lambda r: r.attempt(STOP_TALK, None, "refused", "the guard: no allow-list"),
    lambda r: r.waited(False, 5, 1.0),
    lambda r: r.skip("GET /v1/calls: refused by the guard", 2),
    lambda r: r.add_run_failure(*SHARED_ERROR, "KeyError: 'x'\nseen by the second worker"),
    lambda r: r.checks[("GET /v1/calls", "not_a_server_error")].update(passed=1, failed=1),
    lambda r: r.notes.append("DELETE /v1/calls/{uuid}/talk: no negative inputs exist"),
    lambda r: r.check_success_paths([(UPDATE, None), (UPDATE, "hangup"), (UPDATE, "mute"), (STOP_TALK, None)]),
]
HALF = 10


def _fields(results: RunResults) -> dict[str, object]:
    found = {f.name: getattr(results, f.name) for f in dataclasses.fields(results) if not f.name.startswith("_")}
    found["checks"] = {key: dict(counts) for key, counts in results.checks.items()}
    return found


def test_merged_worker_results_equal_one_process_results() -> None:
    whole, first, second = RunResults(target="sandbox"), RunResults(target="sandbox"), RunResults(target="sandbox")
    for number, record in enumerate(RECORDS):
        record(whole)
        record(first if number < HALF else second)
    merged = RunResults()
    merged.merge_json(first.to_json())
    merged.merge_json(second.to_json())
    assert _fields(merged) == _fields(whole)
    assert merged.summary() == whole.summary()
    assert merged.not_checked == {(STOP_TALK, None): "the guard: no allow-list"}
    shared = [f.message for f in merged.failures.values() if (f.check, f.operation) == SHARED_ERROR]
    assert shared == ["KeyError: 'x'\nseen by the first worker"]


def test_the_merged_summary_names_the_failures_of_every_worker() -> None:
    first, second = RunResults(target="sandbox"), RunResults(target="sandbox")
    first.check_success_paths([(TALK, None)])
    second.case_sent(UPDATE, "on-a-call", 204, action="hangup")
    second.check_success_paths([(UPDATE, "hangup")])
    merged = RunResults()
    for worker in (first, second):
        merged.merge_json(worker.to_json())
    assert [f.operation for f in merged.failures.values() if f.check == SUCCESS_CHECK] == [TALK]
    assert "Success paths: 1 of 2 answered 2xx" in merged.summary()
