"""Provider-contract cases per second: the contract suite's own runner against the sandbox app, in process.

Each run makes a fresh in-process sandbox target and a :class:`contract_tests.support.runner.ProviderRun` (what
``make contract`` drives), and fuzzes every operation of the patched spec with ``EXAMPLES`` positive and
``EXAMPLES`` negative cases (derandomized: every run sends the same requests), each sent and put through every
check the suite runs. A case counts whether its checks pass or not (``contract_cases_failing`` counts the distinct
failures the run recorded): this times the machinery, the suite judges the results.

When ``contract_tests`` cannot be imported (a checkout without it, or its runner renamed), the same measurement is
made with Schemathesis alone (``DIRECT_EXAMPLES`` positive cases per operation, its default checks; failing
then counts cases) and ``contract_via_suite`` is 0.
"""

from __future__ import annotations

import importlib
import time
import uuid
from typing import Any, Final

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.config import SchemathesisConfig

from vonage_voice_client import VonageJWT
from vonage_voice_sandbox import create_app, generate_private_key, patched_spec_path

from ._common import median, side_by_side

EXAMPLES: Final = 5  # per operation and generation mode, through the suite
DIRECT_EXAMPLES: Final = 10  # per operation, positive only, without the suite
ROUNDS: Final = 3
SEED: Final = 20240419
_SETTINGS: Final = settings(
    max_examples=DIRECT_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


class _Tally:
    def __init__(self) -> None:
        self.cases = 0
        self.failing = 0


def _schema(app: Any) -> Any:
    config = SchemathesisConfig.from_dict(
        {"generation": {"with-security-parameters": False, "database": "none"}, "seed": SEED}
    )
    schema = schemathesis.openapi.from_path(patched_spec_path(), config=config)
    schema.app = app  # send every case to the ASGI app in process
    return schema


def direct_run() -> tuple[int, int, float]:
    """Run the fixed set of cases against a new sandbox; return (cases, failing cases, seconds)."""
    application_id, pem = str(uuid.uuid4()), generate_private_key()
    schema = _schema(create_app(application_id=application_id, public_key=pem, event_delivery=False))
    headers = {"Authorization": f"Bearer {VonageJWT(application_id, pem).token()}"}
    tally = _Tally()
    start = time.perf_counter()
    for result in schema.get_all_operations():

        @_SETTINGS
        @given(case=result.ok().as_strategy())
        def check(case: Any) -> None:
            tally.cases += 1
            try:
                case.call_and_validate(headers=headers)
            except (Exception, BaseExceptionGroup):  # a failed check is a result, not a reason to stop
                tally.failing += 1

        check()
    return tally.cases, tally.failing, time.perf_counter() - start


def suite_run() -> tuple[int, int, float]:
    """The contract suite's runner on a fresh sandbox; return (cases, distinct failures, seconds).

    Imported by name: the suite is not a dependency of the benchmarks (they fall back without it).
    """
    runner, sandbox, profile = (
        importlib.import_module(f"contract_tests.support.{name}") for name in ("runner", "sandbox", "profile")
    )
    provider = runner.ProviderRun(sandbox.sandbox_target(), profile.SHORT)
    start = time.perf_counter()
    for operation in provider.operations():
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            provider.fuzz(operation, mode, max_examples=EXAMPLES)
    seconds = time.perf_counter() - start
    cases: int = sum(provider.results.cases.values())
    failures: int = len(provider.results.failures)
    return cases, failures, seconds


def _suite_available() -> bool:
    try:
        importlib.import_module("contract_tests.support.runner")
    except ImportError:
        return False
    return True


def run() -> dict[str, float]:
    counts: list[tuple[int, int]] = []
    via_suite = _suite_available()

    def measure() -> float:
        cases, failing, seconds = suite_run() if via_suite else direct_run()
        counts.append((cases, failing))
        return cases / seconds

    rates = side_by_side({"contract": measure}, rounds=ROUNDS, warmup=0)
    cases, failing = counts[-1]
    return {
        "contract_cases_per_s": median(rates["contract"]),
        "contract_cases": float(cases),
        "contract_cases_failing": float(failing),
        "contract_via_suite": float(via_suite),
    }


def main() -> None:
    for name, value in run().items():
        print(f"{name:24s} {value:10.2f}")


if __name__ == "__main__":
    main()
