"""Clean virtual environments the benchmark builds itself, so imports are measured as users pay them.

The development venv holds Schemathesis, which makes httpx import rich and click; a user's environment does not.
``ours`` holds this checkout installed as users install it (runtime dependencies only, no extra); ``sdk`` holds the
official Vonage SDK at the version we compare with. Both live under ``benchmarks/.venvs/`` (ignored by git), are
made once, and ``ours`` is refreshed from the checkout on every run.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path
from typing import Final

from ._common import ROOT

VENVS: Final = ROOT / "benchmarks" / ".venvs"
SDK_REQUIREMENT: Final = "vonage==4.9.1"


def python(name: str) -> Path:
    return VENVS / name / "bin" / "python"


def _create(name: str) -> Path:
    if not python(name).exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENVS / name)
    return python(name)


def _pip(interpreter: Path, *args: str) -> None:
    command = [str(interpreter), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pip install {' '.join(args)} failed:\n{result.stderr[-2000:]}")


def ours() -> Path:
    """A venv with this checkout and its runtime dependencies only (reinstalled from the checkout each time)."""
    fresh = not python("ours").exists()
    interpreter = _create("ours")
    _pip(interpreter, str(ROOT)) if fresh else _pip(interpreter, "--force-reinstall", "--no-deps", str(ROOT))
    return interpreter


def sdk() -> Path:
    """A venv with the official SDK (installed once)."""
    fresh = not python("sdk").exists()
    interpreter = _create("sdk")
    if fresh:
        _pip(interpreter, SDK_REQUIREMENT)
    return interpreter


def run_script(interpreter: Path, script: str, *, stdin: str = "") -> str:
    """Run ``script`` in ``interpreter`` (outside the checkout, so the checkout's packages are not on the path)."""
    result = subprocess.run(
        [str(interpreter), "-c", script], input=stdin, capture_output=True, text=True, check=False, cwd=VENVS
    )
    if result.returncode != 0:
        raise RuntimeError(f"{interpreter} failed:\n{result.stderr[-2000:]}")
    return result.stdout


if __name__ == "__main__":
    print(ours(), sdk(), file=sys.stderr)
