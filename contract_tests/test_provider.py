"""Provider contract: the patched spec against the sandbox in-process (or CONTRACT_BASE_URL), every built-in
Schemathesis check plus ours, positive and negative data, then scenarios over the spec's OpenAPI links.

One test per operation (its examples, coverage cases, fuzzed cases in both modes and, for an operation on one call,
cases sent to a call that can answer them 2xx), one for the scenarios and two run-level checks (the sandbox's
internal errors; every operation and updateCall action answered 2xx at least once); each fails with every distinct
failure it found, each with a curl command that reproduces it.
"""

from __future__ import annotations

import pytest
from schemathesis import GenerationMode

from contract_tests.support.results import Failure
from contract_tests.support.runner import ProviderRun
from contract_tests.support.spec import operations

LABELS = [operation.label for operation in operations()]


def _report(failures: list[Failure]) -> str:
    return "\n\n".join(f"[{f.check}] {f.title} ({f.phase})\n{f.message}\nreproduce: {f.curl}" for f in failures)


@pytest.mark.parametrize("label", LABELS)
def test_operation_honours_the_spec(provider: ProviderRun, label: str) -> None:
    operation = provider.operation(label)
    before = set(provider.results.failures)
    provider.examples(operation)
    provider.coverage(operation)
    provider.on_a_call(operation)
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        provider.fuzz(operation, mode)
    found = [failure for key, failure in provider.results.failures.items() if key not in before]
    assert not found, _report(found)


def test_scenarios_over_links_honour_the_spec(provider: ProviderRun) -> None:
    before = set(provider.results.failures)
    provider.stateful()
    found = [failure for key, failure in provider.results.failures.items() if key not in before]
    assert not found, _report(found)
    linked = {op for (op, phase, status) in provider.results.statuses if phase == "stateful" and status < 300}
    assert any("{" in op for op in linked), "no scenario reached an operation on a created call"


def test_sandbox_recorded_no_internal_error(provider: ProviderRun) -> None:
    if not provider.target.is_sandbox:
        pytest.skip("only a sandbox reports its internal errors")
    before = set(provider.results.failures)
    provider.sandbox_errors()
    found = [failure for key, failure in provider.results.failures.items() if key not in before]
    assert not found, _report(found)


def test_every_success_path_was_checked(provider: ProviderRun) -> None:
    """Last: every operation and updateCall action was answered 2xx by a case above ("no success path checked" is a
    failure), unless the live-call guard may not send one (reported as not checked)."""
    before = set(provider.results.failures)
    provider.success_paths()
    found = [failure for key, failure in provider.results.failures.items() if key not in before]
    assert not found, _report(found)
