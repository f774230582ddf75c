"""Run import-linter on a copy of the source tree, where a test can plant modules, and read what it reported."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The checkout: the nearest folder above with the pyproject.toml that holds the contracts (wherever this file sits).
ROOT = next(folder for folder in Path(__file__).resolve().parents if (folder / "pyproject.toml").is_file())
COPIED = ("src", "generated", "tools", "contract_tests", "benchmarks", "examples")
_OUTCOME = re.compile(r"^(?P<name>.+) (?P<outcome>KEPT|BROKEN)(?: \(.*\))?$", re.MULTILINE)
_HEADING = re.compile(r"^(.+)\n-+$", re.MULTILINE)  # a contract's name, underlined in the broken contracts' details


def copy_tree(destination: Path) -> None:
    """Copy the packages import-linter checks, and the contracts, into ``destination``."""
    ignore = shutil.ignore_patterns("__pycache__", "_spec", "reports", "*.json")
    for folder in COPIED:
        shutil.copytree(ROOT / folder, destination / folder, ignore=ignore)
    shutil.copyfile(ROOT / "pyproject.toml", destination / "pyproject.toml")


def lint_imports(root: Path) -> str:
    """lint-imports' report on the tree at ``root`` (one contract a line: COLUMNS keeps long names unwrapped)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(str(root / p) for p in ("src", "generated", ".")),
        "COLUMNS": "1000",
    }
    command = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache", "--no-logo"]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False)
    return result.stdout + result.stderr


def outcomes(output: str) -> dict[str, str]:
    """Each contract's name -> "KEPT" or "BROKEN", from a lint-imports report."""
    listing = output.split("Broken contracts", 1)[0]
    return {match["name"]: match["outcome"] for match in _OUTCOME.finditer(listing)}


def broken_details(output: str) -> dict[str, str]:
    """Each broken contract's name -> what lint-imports said breaks it."""
    if "Broken contracts\n" not in output:
        return {}
    details = output.split("Broken contracts\n", 1)[1].split("\n", 1)[1]  # below the heading's underline
    parts = _HEADING.split(details)[1:]  # name, details, name, details...
    return dict(zip(parts[::2], parts[1::2], strict=True))
