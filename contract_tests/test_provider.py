"""Provider contract: the patched spec against the sandbox in-process (or CONTRACT_BASE_URL), every built-in
Schemathesis check plus ours, positive and negative data, then scenarios over the spec's OpenAPI links.

Two tests per operation, one with valid data (its examples, positive coverage and fuzzed cases and, for an operation
on one call, cases sent to a call that can answer them 2xx), one with invalid data (negative coverage and fuzzed
cases), and one for the scenarios. Each also fails when its cases made the
sandbox record an internal error, and each operation's test when the operation (every updateCall action, for
updateCall) was never answered 2xx ("no success path checked"). Each fails with every distinct failure it found,
each with a curl command that reproduces it.

The tests share nothing but the session's provider run, so pytest-xdist may spread them over processes
(``make contract`` does): each worker has its own run and in-process sandbox, and the controller merges the
workers' results into one summary (conftest.py).
"""

from __future__ import annotations

import pytest
from schemathesis import GenerationMode

from contract_tests.support.invariants import NAMES
from contract_tests.support.results import report
from contract_tests.support.runner import ProviderRun
from contract_tests.support.spec import operations

LABELS = [operation.label for operation in operations()]


# The heaviest tests first (pytest keeps a module's order): a long one started last would leave the other worker idle.
def test_scenarios_over_links_honour_the_spec(provider: ProviderRun) -> None:
    before = set(provider.results.failures)
    provider.stateful()
    found = provider.new_failures(before)
    assert not found, report(found)
    linked = {op for (op, phase, status) in provider.results.statuses if phase == "stateful" and status < 300}
    assert any("{" in op for op in linked), "no scenario reached an operation on a created call"


@pytest.mark.parametrize("label", LABELS)
def test_operation_honours_the_spec_with_invalid_data(provider: ProviderRun, label: str) -> None:
    """Invalid data: negative coverage cases and negative fuzzing (a test of its own: the two halves of an
    operation's cases can run on two cores)."""
    operation = provider.operation(label)
    before = set(provider.results.failures)
    provider.coverage(operation, modes=(GenerationMode.NEGATIVE,))
    provider.fuzz(operation, GenerationMode.NEGATIVE)
    found = provider.new_failures(before)
    assert not found, report(found)


@pytest.mark.parametrize("label", LABELS)
def test_operation_honours_the_spec(provider: ProviderRun, label: str) -> None:
    """Valid data: the spec's examples, positive coverage cases, cases on an answered call, positive fuzzing; and
    the operation (each updateCall action) was answered 2xx at least once."""
    operation = provider.operation(label)
    before, answered = set(provider.results.failures), provider.results.mark()
    provider.examples(operation)
    provider.coverage(operation, modes=(GenerationMode.POSITIVE,))
    provider.on_a_call(operation)
    provider.fuzz(operation, GenerationMode.POSITIVE)
    provider.success_paths(operation, since=answered)  # this test's own cases: not what ran before it
    found = provider.new_failures(before)
    assert not found, report(found)


def test_answers_agree_with_each_other(provider: ProviderRun) -> None:
    """The invariants across answers (support/invariants.py): one call made, read, listed, muted and hung up, and the
    list of calls walked page by page; the checks on responses apply them to every other case of the run too. Each
    invariant must have been checked, unless the target may not be sent a call (a live API without an allow-list)."""
    before = set(provider.results.failures)
    checked = {name: provider.results.invariants[(name, "checked")] for name in NAMES}
    provider.check_invariants()
    found = provider.new_failures(before)
    assert not found, report(found)
    guard = provider.target.guard
    needs_a_call = {name for name, family in NAMES.items() if family != "pagination"}
    expected = set(NAMES) - (needs_a_call if guard is not None and not guard.allowed else set())
    unchecked = sorted(name for name in expected if provider.results.invariants[(name, "checked")] == checked[name])
    assert not unchecked, f"invariants never checked: {', '.join(unchecked)}"
