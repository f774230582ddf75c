"""The suite catches drift: the sandbox wrapped in one deliberate defect at a time must fail the provider contract,
and the check that catches each defect is the one named here. The same runs pass on the clean sandbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from schemathesis import GenerationMode

from contract_tests.support import credentials, drift
from contract_tests.support.profile import Profile
from contract_tests.support.runner import ProviderRun
from contract_tests.support.sandbox import sandbox_target

# Enough cases to meet each defect, few enough to keep `make test` short.
PROFILE = Profile("drift", max_examples=10, coverage_cases=6, stateful_runs=10, stateful_steps=5, client_examples=1)
CALL: dict[str, Any] = {
    "to": [{"type": "phone", "number": "14155550100"}],
    "random_from_number": True,
    "ncco": [{"action": "talk", "text": "hi"}],
}


@dataclass(frozen=True)
class Drift:
    name: str
    wrap: Callable[[Any], Any]
    operation: str
    caught_by: str
    modes: tuple[GenerationMode, ...] = (GenerationMode.POSITIVE,)
    seed_calls: int = 0
    scenarios: bool = False  # operations on one call are reached through the links, as in the suite


AUTH = credentials.test_auth()
DRIFTS = [
    Drift("renamed response field", drift.renamed_field, "getCall", "undocumented_response_fields"),
    Drift("undeclared enum value", drift.undeclared_value, "getCall", "response_schema_conformance"),
    Drift("wrong type", drift.wrong_type, "getCalls", "response_schema_conformance"),
    Drift("undocumented status", drift.undocumented_status, "stopTalk", "status_code_conformance", scenarios=True),
    Drift("invalid body accepted", drift.invalid_body_accepted, "startTalk", "negative_data_rejection",
          modes=(GenerationMode.NEGATIVE,)),
    Drift("auth not enforced", drift.auth_not_enforced(AUTH.token), "getCalls", "ignored_auth"),
    Drift("broken next link", drift.broken_next_link, "getCalls", "links_resolve", seed_calls=25),
    Drift("5xx on one input", drift.server_error_on_one_input, "getCalls", "not_a_server_error"),
]  # fmt: skip


def _run(item: Drift, wrapped: bool) -> ProviderRun:
    target = sandbox_target(item.wrap if wrapped else None, auth=AUTH)
    run = ProviderRun(target, PROFILE)
    _seed(run, item.seed_calls)
    operation = run.operation(item.operation)
    run.examples(operation)
    run.coverage(operation)
    run.on_a_call(operation)
    for mode in item.modes:
        run.fuzz(operation, mode)
    if item.scenarios:
        run.stateful()
    return run


def _seed(run: ProviderRun, count: int) -> None:
    """Calls already made, so that pages of calls have a next page to link to."""
    create = run.operation("createCall")
    for _ in range(count):
        run.execute(create.Case(body=CALL))


@pytest.mark.parametrize("item", DRIFTS, ids=[item.name for item in DRIFTS])
def test_the_suite_catches(item: Drift) -> None:
    run = _run(item, wrapped=True)
    assert item.caught_by in run.results.failed_checks, (
        f"{item.name} was not caught by {item.caught_by}; the run failed {sorted(run.results.failed_checks)}\n"
        + run.results.summary()
    )


@pytest.mark.parametrize("item", DRIFTS, ids=[item.name for item in DRIFTS])
def test_the_clean_sandbox_passes_the_same_run(item: Drift) -> None:
    run = _run(item, wrapped=False)
    assert not run.results.failures, run.results.summary()
