"""What the public API promises to a user's type checker.

``typecheck/user_app.py`` is a small application, type-checked by ``make lint`` with ``mypy --strict``; its
``assert_type`` calls pin the types of ``iter_calls``, ``parse_callback(kind=...)``, ``construct_event`` and
``NccoAction``. ``typecheck/user_mistakes.py`` holds the mistakes users make: mypy must report each one, on its line,
with the error code its ``# mypy: <code>`` marker names, and nothing else.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = Path("tests/typecheck/user_app.py")
MISTAKES = Path("tests/typecheck/user_mistakes.py")
MARKER = re.compile(r"#\s*mypy:\s*([a-z-]+)")


def mypy(*paths: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--no-pretty", *map(str, paths)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def errors(output: str, path: Path) -> set[tuple[int, str]]:
    pattern = re.compile(rf"^{re.escape(path.as_posix())}:(\d+): error: .*\[([a-z-]+)\]$", re.MULTILINE)
    return {(int(line), code) for line, code in pattern.findall(output)}


def test_mypy_reports_every_user_mistake_on_its_line_and_nothing_else() -> None:
    lines = (ROOT / MISTAKES).read_text(encoding="utf-8").splitlines()
    expected = {(number, code) for number, line in enumerate(lines, 1) for code in MARKER.findall(line)}
    assert len(expected) >= 12, "the file lost its mistakes"
    result = mypy(MISTAKES)
    assert result.returncode == 1, result.stdout + result.stderr
    reported = errors(result.stdout, MISTAKES)
    assert sorted(expected - reported) == [], "mistakes mypy no longer reports:\n" + result.stdout
    assert sorted(reported - expected) == [], "errors no marker expects:\n" + result.stdout


def test_the_mistakes_stay_out_of_make_lint_and_the_app_passes() -> None:
    result = mypy(APP.parent)  # what make lint's `mypy --strict ... tests` sees of the folder
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_pins_the_promised_types() -> None:
    tree = ast.parse((ROOT / APP).read_text(encoding="utf-8"))
    pinned = {
        ast.unparse(node.args[1])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "assert_type"
    }
    promised = {"Call", "AnswerWebhook", "CallEvent", "Callback", "NccoAction", "VerifiedClaims", "str | None"}
    assert promised <= pinned, f"assert_type no longer pins {sorted(promised - pinned)}"
