"""The test examples in the READMEs run as users would run them: saved as a test file, collected by pytest, with the
fixtures coming from the installed plugin (no conftest). A README example that stops passing fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pytest_subprocess import run_pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = "<!-- runs as a pytest file: tests/test_readme_examples.py -->"
READMES = [ROOT / "README.md", ROOT / "src" / "vonage_voice_sandbox" / "README.md"]


def examples(readme: Path) -> list[str]:
    text = readme.read_text(encoding="utf-8")
    return re.findall(re.escape(MARKER) + r"\n```python\n(.*?)\n```", text, re.DOTALL)


def test_each_readme_marks_an_example() -> None:
    assert [len(examples(readme)) for readme in READMES] == [1, 1]


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_readme_example_passes_under_pytest(readme: Path, tmp_path: Path) -> None:
    (tmp_path / "test_readme_example.py").write_text(examples(readme)[0] + "\n")
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b1 passed\b", result.stdout), result.stdout
