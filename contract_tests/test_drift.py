"""The suite catches drift: the sandbox wrapped in one deliberate defect at a time must fail the provider contract,
and the check that catches each defect is the one named here. The same runs pass on the clean sandbox.

Each defect is run twice: in process (ASGI) and through a URL (the wrapped sandbox served by uvicorn on 127.0.0.1,
probed and reached like any API, its virtual clock moved through /_sandbox/clock/advance). Both must catch it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from schemathesis import GenerationMode

from contract_tests.support import credentials, drift
from contract_tests.support.profile import Profile
from contract_tests.support.runner import ProviderRun
from contract_tests.support.sandbox import sandbox_target, served_sandbox_target
from contract_tests.support.targets import Target
from vonage_voice_sandbox import RealClock

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
    Drift("undocumented success status on startTalk", drift.undocumented_success_status, "startTalk",
          "status_code_conformance"),
    Drift("invalid body accepted", drift.invalid_body_accepted, "startTalk", "negative_data_rejection",
          modes=(GenerationMode.NEGATIVE,)),
    Drift("auth not enforced", drift.auth_not_enforced(AUTH.token), "getCalls", "ignored_auth"),
    Drift("broken next link", drift.broken_next_link, "getCalls", "links_resolve", seed_calls=25),
    Drift("5xx on one input", drift.server_error_on_one_input, "getCalls", "not_a_server_error"),
]  # fmt: skip


IN_PROCESS, THROUGH_A_URL = "in process", "through a URL"
WAYS = (IN_PROCESS, THROUGH_A_URL)


@contextlib.contextmanager
def _target(item: Drift, wrapped: bool, way: str) -> Iterator[Target]:
    wrap = item.wrap if wrapped else None
    if way == IN_PROCESS:
        yield sandbox_target(wrap, auth=AUTH)
        return
    with served_sandbox_target(wrap, auth=AUTH) as target:
        yield target


def _run(item: Drift, wrapped: bool, way: str) -> ProviderRun:
    with _target(item, wrapped, way) as target:
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


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("item", DRIFTS, ids=[item.name for item in DRIFTS])
def test_the_suite_catches(item: Drift, way: str) -> None:
    run = _run(item, wrapped=True, way=way)
    assert item.caught_by in run.results.failed_checks, (
        f"{item.name} was not caught by {item.caught_by}; the run failed {sorted(run.results.failed_checks)}\n"
        + run.results.summary()
    )


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("item", DRIFTS, ids=[item.name for item in DRIFTS])
def test_the_clean_sandbox_passes_the_same_run(item: Drift, way: str) -> None:
    run = _run(item, wrapped=False, way=way)
    assert not run.results.failures, run.results.summary()


def test_through_a_url_on_a_real_clock_the_success_answer_is_checked() -> None:
    """The way the gap was found: a served sandbox on a real clock (what ``make sandbox`` serves) behind a proxy that
    answers startTalk with 202. Nothing moves the clock: the run waits, on real time, for a call to be answered."""
    item = next(item for item in DRIFTS if item.wrap is drift.undocumented_success_status)
    with served_sandbox_target(item.wrap, auth=AUTH, clock=RealClock()) as target:
        assert target.advance is None, "a real-clock sandbox must not be advanced"
        run = ProviderRun(target, PROFILE)
        run.on_a_call(run.operation(item.operation))
    assert item.caught_by in run.results.failed_checks, run.results.summary()
    assert run.results.waits["answered"] >= 1, run.results.summary()
