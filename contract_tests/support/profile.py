"""How much to run: the short profile (`make test`) or the long one (`make contract`), tuned by the environment.

CONTRACT_PROFILE=short|long picks the profile (short unless set); CONTRACT_MAX_EXAMPLES overrides the examples per
operation and generation mode. Every Hypothesis run is derandomized, with no example database and no deadline, so
two runs of the same code and spec send the same requests.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Final

from hypothesis import HealthCheck, Phase, settings

# Schemathesis' own seed (rule order in scenarios, ...). Hypothesis needs none: derandomized, it derives each run's
# seed from the test's code, the same on every run.
SEED: Final = 20240419


@dataclass(frozen=True)
class Profile:
    name: str
    max_examples: int  # per operation and generation mode (provider), per branch (client)
    coverage_cases: int  # coverage-phase cases per operation, half positive, half negative (the first of each)
    stateful_runs: int  # state-machine scenarios
    stateful_steps: int  # steps per scenario (at most)
    client_examples: int  # generated inputs/responses per client-contract item
    call_control_examples: int = 4  # positive generated cases per operation on a call, each sent to an answered call

    def hypothesis(self, max_examples: int | None = None) -> settings:
        return settings(
            max_examples=max_examples or self.max_examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],  # no shrinking: every failure is reported as found, quickly
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
            print_blob=False,
            stateful_step_count=self.stateful_steps,
        )


SHORT: Final = Profile("short", max_examples=8, coverage_cases=12, stateful_runs=8, stateful_steps=6, client_examples=2)
LONG: Final = Profile(
    "long",
    max_examples=100,
    coverage_cases=400,
    stateful_runs=60,
    stateful_steps=10,
    client_examples=25,
    call_control_examples=25,
)


def current() -> Profile:
    base = LONG if os.environ.get("CONTRACT_PROFILE", "short").strip().lower() == "long" else SHORT
    override = os.environ.get("CONTRACT_MAX_EXAMPLES", "").strip()
    if not override:
        return base
    examples = int(override)
    if examples < 1:
        raise ValueError(f"CONTRACT_MAX_EXAMPLES must be a positive integer, got {override!r}")
    return Profile(
        base.name,
        max_examples=examples,
        coverage_cases=base.coverage_cases,
        stateful_runs=max(base.stateful_runs, examples // 2),
        stateful_steps=base.stateful_steps,
        client_examples=max(1, min(examples // 4, 50)),
        call_control_examples=max(base.call_control_examples, min(examples // 4, 100)),
    )
