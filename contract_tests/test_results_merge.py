"""A run spread over pytest-xdist workers reports what one process would: each worker's results travel as JSON and
the controller merges them (conftest.py). Every field of :class:`RunResults` must survive the trip and add up."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from contract_tests.support.results import SUCCESS_CHECK, RunResults

Record = Callable[[RunResults], None]

TALK = "PUT /v1/calls/{uuid}/talk"
UPDATE = "PUT /v1/calls/{uuid}"

# What two workers record, in order: each operation runs on one worker (one test per operation), and each worker
# checks the success paths of its own operations; a skip reason or a sandbox error may be seen by both.
RECORDS: list[Record] = [
    lambda r: r.case_sent("POST /v1/calls", "fuzz-positive", 201),
    lambda r: r.case_sent("POST /v1/calls", "fuzz-negative", 400),
    lambda r: r.attempt(TALK, None, "blocked", "no call to read: createCall did not answer 201"),
    lambda r: r.attempt(TALK, None, "blocked", "a later reason, not kept"),
    lambda r: r.waited(True, 3, 0.5),
    lambda r: r.skip("GET /v1/calls: refused by the guard"),
    lambda r: r.add_run_failure("sandbox_internal_errors", "GET /v1/calls", "KeyError: 'x'"),
    lambda r: r.checks[("POST /v1/calls", "not_a_server_error")].update(passed=2),
    lambda r: r.notes.append("GET /v1/calls/{uuid}: no negative inputs exist"),
    lambda r: r.check_success_paths([("POST /v1/calls", None), (TALK, None)]),
    # the second worker
    lambda r: r.case_sent(UPDATE, "on-a-call", 204, action="hangup"),
    lambda r: r.case_sent(UPDATE, "on-a-call", 400, action="mute"),
    lambda r: r.attempt(UPDATE, "hangup", "sent"),
    lambda r: r.attempt(UPDATE, "mute", "sent"),
    lambda r: r.waited(False, 5, 1.0),
    lambda r: r.skip("GET /v1/calls: refused by the guard", 2),
    lambda r: r.add_run_failure("sandbox_internal_errors", "GET /v1/calls", "KeyError: 'x'"),
    lambda r: r.checks[(UPDATE, "not_a_server_error")].update(passed=1, failed=1),
    lambda r: r.notes.append("DELETE /v1/calls/{uuid}/talk: no negative inputs exist"),
    lambda r: r.check_success_paths([(UPDATE, None), (UPDATE, "hangup"), (UPDATE, "mute")]),
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
