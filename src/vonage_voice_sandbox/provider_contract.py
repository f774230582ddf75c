"""``python -m vonage_voice_sandbox.provider_contract --base-url URL [pytest arguments]``: the provider contract
(``contract_tests/test_provider.py``: the API against the patched spec) against a URL, from a pinned dependency.

The wheel ships the suite as the ``contract_tests`` package and the ``contract`` extra installs what it needs, so
no checkout is involved. The suite's live guard applies as it does in the repository: a URL that does not answer
``/_sandbox/info`` as this sandbox is the live API, where no request that could create or change a call is sent
unless the run allows it (contract_tests/README.md). Credentials come from the environment, as for ``make contract
BASE_URL=...``: ``VONAGE_APPLICATION_ID`` and ``VONAGE_PRIVATE_KEY_PATH`` (``python -m vonage_voice_sandbox``
prints both). The exit status is pytest's: 0 when the contract holds.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "suite_dir"]

DISTRIBUTION = "vonage-voice-client"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vonage_voice_sandbox.provider_contract",
        description="Run the provider contract against a URL; other arguments go to pytest (-x, -k, --junitxml ...).",
    )
    parser.add_argument("--base-url", required=True, help="the API's base URL (a sandbox or the live API)")
    parser.add_argument("--profile", choices=("short", "long"), default="short", help="how much to run")
    parser.add_argument("--max-examples", type=int, help="examples per operation (overrides the profile)")
    parser.add_argument(
        "--summary", type=Path, default=Path("contract-reports") / "summary.txt", help="where the summary is written"
    )
    args, pytest_args = parser.parse_known_args(argv)
    if args.max_examples is not None and args.max_examples < 1:
        parser.error("--max-examples must be a positive integer")
    suite = suite_dir()
    env = dict(os.environ)
    env.update(
        CONTRACT_BASE_URL=args.base_url,
        CONTRACT_PROFILE=args.profile,
        CONTRACT_MAX_EXAMPLES="" if args.max_examples is None else str(args.max_examples),
        CONTRACT_SUMMARY=str(args.summary.resolve()),
    )
    with tempfile.TemporaryDirectory() as empty:
        # No pytest configuration of the current project applies (an empty ini); -P keeps the current directory off
        # sys.path, so a project's own `contract_tests` folder cannot stand in for the suite.
        ini = Path(empty) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        command = [
            sys.executable, "-P", "-m", "pytest", str(suite / "test_provider.py"),
            "-c", str(ini), "--rootdir", str(suite.parent), "-p", "no:cacheprovider", "-q", *pytest_args,
        ]  # fmt: skip
        return subprocess.call(command, env=env)  # noqa: S603 - our interpreter, the installed suite


def suite_dir() -> Path:
    """The ``contract_tests`` folder installed with the wheel, or the repository's in a checkout (editable install)."""
    try:
        shipped = Path(str(importlib.metadata.distribution(DISTRIBUTION).locate_file("contract_tests")))
    except importlib.metadata.PackageNotFoundError:
        shipped = None
    checkout = Path(__file__).resolve().parents[2] / "contract_tests"
    for folder in (shipped, checkout):
        if folder is not None and (folder / "test_provider.py").is_file():
            return folder
    raise SystemExit(f"the contract suite is not installed: pip install '{DISTRIBUTION}[contract]'")


if __name__ == "__main__":
    raise SystemExit(main())
