"""Contract runs side by side: ours in process against the plain Schemathesis CLI over HTTP, and ``make contract``.

* ours: the provider contract with the long profile, in process, as a user runs it:
  ``make contract CONTRACT_PATHS=contract_tests/test_provider.py`` (every case through every check, the scenarios,
  spread over the cores like ``make contract``). Cases are the run's own count (``summary.json``), seconds the
  command's wall time, pytest's start included.
* the anchor: the Schemathesis CLI recipe of contract_tests/README.md against the sandbox served over loopback by a
  process of its own (``benchmarks._sandbox_process``), with the hooks (JWT, our checks, the live-call guard) and
  ``--max-examples`` equal to the long profile's examples per mode. Cases are what the CLI reports ("N generated"),
  seconds the command's wall time.
* ``make contract``: every contract suite, long profile, wall time of the command.

The two runs do not draw the same mix: the CLI's cases are mostly coverage cases (cheap to draw) with 100 fuzzed
cases per operation for both modes together, where the suite draws 100 per mode (contract_tests/README.md, "Where
the time goes"). Cases per second is what a user waits for either way; the case counts are shown with the rates.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Final

from vonage_voice_sandbox import generate_private_key, patched_spec_path

from ._common import ROOT
from ._sandbox_process import sandbox_process

LONG_EXAMPLES: Final = 100  # the long profile's examples per operation and mode (contract_tests/support/profile.py)
TIMEOUT: Final = 900.0  # seconds any one run may take
_GENERATED: Final = re.compile(r"(\d+) generated")


def _environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "MAKEFLAGS")}
    env.update(CONTRACT_BASE_URL="", CONTRACT_MAX_EXAMPLES="", **extra)
    return env


def _make(target: str, env: dict[str, str], *variables: str) -> float:
    """Run ``make <target>`` in the repository; its wall time in seconds (a failed run raises, with its output)."""
    start = time.perf_counter()
    done = subprocess.run(
        ["make", "--no-print-directory", target, *variables],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"make {target} failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return seconds


def provider_in_process() -> tuple[int, float]:
    """Our provider contract, long profile, in process: (cases, seconds)."""
    with tempfile.TemporaryDirectory() as folder:
        summary = Path(folder) / "summary.txt"
        env = _environment(CONTRACT_SUMMARY=str(summary))
        seconds = _make("contract", env, "CONTRACT_PATHS=contract_tests/test_provider.py")
        results = json.loads(summary.with_suffix(".json").read_text(encoding="utf-8"))
    return sum(count for _, count in results["cases"]), seconds


def cli_over_http() -> tuple[int, float]:
    """The plain Schemathesis CLI against the sandbox in its own process: (cases, seconds)."""
    application_id, pem = str(uuid.uuid4()), generate_private_key()
    with tempfile.TemporaryDirectory() as folder, sandbox_process(application_id, pem) as sandbox:
        key = Path(folder) / "app.key"
        key.write_bytes(pem)
        env = _environment(
            VONAGE_APPLICATION_ID=application_id,
            VONAGE_PRIVATE_KEY_PATH=str(key),
            SCHEMATHESIS_HOOKS="contract_tests.hooks",
            PYTHONPATH=str(ROOT),
        )
        command = [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            "contract_tests/schemathesis.toml",
            "run",
            str(patched_spec_path()),
            "--url",
            sandbox.base_url,
            "--max-examples",
            str(LONG_EXAMPLES),
        ]
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        seconds = time.perf_counter() - start
    found = _GENERATED.search(done.stdout)
    if done.returncode != 0 or found is None:  # a speed is not reported for a run that failed
        raise RuntimeError(f"the CLI run failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return int(found.group(1)), seconds


def run() -> dict[str, float]:
    cli_cases, cli_seconds = cli_over_http()
    cases, seconds = provider_in_process()
    suite_seconds = _make("contract", _environment(CONTRACT_SUMMARY=str(ROOT / "contract_tests/reports/summary.txt")))
    ours, anchor = cases / seconds, cli_cases / cli_seconds
    return {
        "contract_ratio_vs_cli": ours / anchor,
        "contract_cases_per_s": ours,
        "contract_cases": float(cases),
        "contract_s": seconds,
        "contract_cli_cases_per_s": anchor,
        "contract_cli_cases": float(cli_cases),
        "contract_cli_s": cli_seconds,
        "contract_suite_s": suite_seconds,
    }


def main() -> None:
    for name, value in run().items():
        print(f"{name:26s} {value:10.2f}")


if __name__ == "__main__":
    main()
