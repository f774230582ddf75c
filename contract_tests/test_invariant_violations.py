"""The invariants across answers catch what they promise to: the sandbox wrapped in one planted violation at a time
(support/violations.py: every answer still valid against its schema) must fail the invariant named here, in process
and through a URL; the same run passes on the clean sandbox."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from contract_tests.support import credentials, violations
from contract_tests.support.invariants import NAMES
from contract_tests.support.profile import Profile
from contract_tests.support.runner import ProviderRun
from contract_tests.support.sandbox import sandbox_target, served_sandbox_target
from contract_tests.support.targets import Target

PROFILE = Profile("invariants", max_examples=4, coverage_cases=4, stateful_runs=2, stateful_steps=3, client_examples=1)
AUTH = credentials.test_auth()
SEED_CALLS = 8  # with the pass's own call, 9 records: pages of 2, five of them
CALL: dict[str, Any] = {
    "to": [{"type": "phone", "number": "14155550100"}],
    "from": {"type": "phone", "number": "14155550199"},
    "ncco": [{"action": "talk", "text": "hi"}],
}


@dataclass(frozen=True)
class Violation:
    name: str
    wrap: Callable[[Any], Any]
    invariant: str


VIOLATIONS = [
    Violation("a page loses a record", violations.dropped_record, "pagination_walk_reaches_count"),
    Violation("last links to the first page", violations.broken_last_link, "links_name_their_pages"),
    Violation("a hung-up call reads answered", violations.reverted_status, "hangup_ends_the_call"),
    Violation("an ended call accepts mute", violations.mute_after_the_end, "controls_refused_after_the_end"),
    Violation("a record names another callee", violations.changed_to, "record_echoes_request"),
    Violation("a call ends before it starts", violations.ended_before_it_started, "record_times_and_charges_agree"),
]
WAYS = ("in process", "through a URL")


@contextlib.contextmanager
def _target(wrap: Callable[[Any], Any] | None, way: str) -> Iterator[Target]:
    if way == WAYS[0]:
        yield sandbox_target(wrap, auth=AUTH)
        return
    with served_sandbox_target(wrap, auth=AUTH) as target:
        yield target


def _run(wrap: Callable[[Any], Any] | None, way: str) -> ProviderRun:
    with _target(wrap, way) as target:
        run = ProviderRun(target, PROFILE)
        create = run.operation("createCall")
        for _ in range(SEED_CALLS):
            run.execute(create.Case(body=CALL))
        run.check_invariants()
        return run


def test_every_family_has_a_planted_violation() -> None:
    assert {NAMES[item.invariant] for item in VIOLATIONS} == set(NAMES.values())


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("item", VIOLATIONS, ids=[item.name for item in VIOLATIONS])
def test_the_invariant_catches(item: Violation, way: str) -> None:
    run = _run(item.wrap, way)
    assert item.invariant in run.results.failed_checks, (
        f"{item.name} was not caught by {item.invariant}; the run failed {sorted(run.results.failed_checks)}\n"
        + run.results.summary()
    )


@pytest.mark.parametrize("way", WAYS)
def test_the_clean_sandbox_keeps_every_invariant(way: str) -> None:
    run = _run(None, way)
    assert not run.results.failures, run.results.summary()
    checked = {name for (name, _), count in run.results.invariants.items() if count}
    assert checked == set(NAMES), f"never checked: {sorted(set(NAMES) - checked)}"
