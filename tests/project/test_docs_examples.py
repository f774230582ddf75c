"""Every Python block of README.md and docs/*.md works as printed.

Each ```` ```python ```` block is a complete module, and each is type-checked with ``mypy --strict`` (the project's
settings). Then, by what the block is:

* a block whose first line is ``# needs a Vonage account: type-checked only`` stops there;
* a block that defines ``test_...`` functions is a test file: saved as one and run by pytest in a subprocess, with the
  fixtures coming from the installed plugin as in a user's project (no conftest);
* any other block is a script: run with ``python`` against a fresh sandbox, with the environment a user exports for
  the sandbox's CLI (``VONAGE_APPLICATION_ID``, ``VONAGE_PRIVATE_KEY_PATH``, ``VONAGE_BASE_URL``, plus
  ``VONAGE_SIGNATURE_SECRET``); it must exit 0.

The sandbox's own README marks the examples it wants run as tests (``<!-- runs as a pytest file ... -->``); those
run with the test files.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from tests.support.pytest_subprocess import run_pytest
from vonage_voice_sandbox import VoiceSandbox

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SANDBOX_README = ROOT / "src" / "vonage_voice_sandbox" / "README.md"
ACCOUNT_ONLY = "# needs a Vonage account: type-checked only"
MARKED_TEST = "<!-- runs as a pytest file: tests/project/test_docs_examples.py -->\n"
FENCE = re.compile(r"^```python\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
DROPPED_VARIABLES = ("VONAGE_PRIVATE_KEY", "VONAGE_PRIVATE_KEY_PASSWORD", "VONAGE_BASE_URL")

Kind = Literal["account", "test", "script"]


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # of the block's first line of code
    code: str

    @property
    def kind(self) -> Kind:
        if self.code.startswith(ACCOUNT_ONLY):
            return "account"
        tree = ast.parse(self.code)
        tests = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]
        return "test" if tests else "script"

    @property
    def tests(self) -> int:
        return len(re.findall(r"^def test_", self.code, re.MULTILINE))

    @property
    def module(self) -> str:
        stem = re.sub(r"\W", "_", self.path.relative_to(ROOT).as_posix().removesuffix(".md"))
        return f"{stem}_line{self.line}"

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    return [Block(path, text.count("\n", 0, match.start(1)) + 1, match.group(1)) for match in FENCE.finditer(text)]


def marked_tests(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    return [block for block in blocks(path) if text.find(MARKED_TEST + "```python\n" + block.code) != -1]


BLOCKS = [block for path in DOCS for block in blocks(path)]
SCRIPTS = [block for block in BLOCKS if block.kind == "script"]
TESTS = [block for block in BLOCKS if block.kind == "test"] + marked_tests(SANDBOX_README)


def test_the_readme_has_blocks_of_every_kind_and_nothing_else_escapes() -> None:
    kinds = {block.kind for block in BLOCKS if block.path.name == "README.md"}
    assert kinds == {"account", "test", "script"}
    assert len(marked_tests(SANDBOX_README)) == 1
    untagged = re.findall(r"^```(?:py|python3|pycon)\s*$", "".join(path.read_text() for path in DOCS), re.MULTILINE)
    assert not untagged, "write Python blocks as ```python, so that they are checked"


def test_every_block_type_checks_under_mypy_strict(tmp_path: Path) -> None:
    files = {}
    for block in BLOCKS:
        file = tmp_path / f"{block.module}.py"
        file.write_text(block.code, encoding="utf-8")
        files[str(file)] = block
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--no-pretty", *files]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)

    def located(match: re.Match[str]) -> str:  # a finding's place in the document, not in the temporary file
        block = files[match.group(1)]
        return f"{block.path.relative_to(ROOT)}:{block.line + int(match.group(2)) - 1}:"

    report = re.sub(rf"^({re.escape(str(tmp_path))}/[^:]+):(\d+):", located, result.stdout, flags=re.MULTILINE)
    assert result.returncode == 0, report + result.stderr


@pytest.mark.parametrize("block", SCRIPTS, ids=[block.where for block in SCRIPTS])
def test_the_script_runs_against_the_sandbox(block: Block, voice_sandbox: VoiceSandbox, tmp_path: Path) -> None:
    environment = {name: value for name, value in os.environ.items() if name not in DROPPED_VARIABLES}
    environment |= {
        "VONAGE_APPLICATION_ID": voice_sandbox.application_id,
        "VONAGE_PRIVATE_KEY_PATH": str(voice_sandbox.private_key_path),
        "VONAGE_BASE_URL": voice_sandbox.base_url,
        "VONAGE_SIGNATURE_SECRET": voice_sandbox.signature_secret,
    }
    script = tmp_path / f"{block.module}.py"
    script.write_text(block.code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{block.where}\n{result.stdout}{result.stderr}"


def test_the_test_files_pass_as_a_users_suite(tmp_path: Path) -> None:
    for block in TESTS:
        (tmp_path / f"test_{block.module}.py").write_text(block.code, encoding="utf-8")
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = sum(block.tests for block in TESTS)
    assert re.search(rf"\b{expected} passed\b", result.stdout), result.stdout
