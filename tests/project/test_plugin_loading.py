"""The plugin as every pytest session of every user loads it: nothing heavy until a fixture runs, and a one-line
answer when the ``sandbox`` extra is missing.

Each test runs pytest in a subprocess on a throwaway test file (see ``tests/support/pytest_subprocess.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.pytest_subprocess import run_pytest

HEAVY = ("vonage_voice_client", "vonage_voice_api", "starlette", "uvicorn", "openapi_core", "yaml")

NO_FIXTURE = """
import json, sys

def test_uses_no_fixture():
    assert "vonage_voice_sandbox.pytest_plugin" in sys.modules, "without the plugin the test proves nothing"

def test_report_what_is_loaded():
    print("LOADED=" + json.dumps(sorted(sys.modules)))
"""

BLOCK_EXTRA = """
import sys
from importlib.abc import MetaPathFinder

class NotInstalled(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"starlette", "uvicorn", "openapi_core"}:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

for name in [m for m in sys.modules if m.split(".")[0] in {"starlette", "uvicorn", "openapi_core"}]:
    del sys.modules[name]
sys.meta_path.insert(0, NotInstalled())
"""

USES_FIXTURE = """
def test_places_a_call(voice_sandbox):
    pass
"""


def test_a_session_that_uses_no_fixture_imports_neither_the_client_nor_the_generated_package(tmp_path: Path) -> None:
    (tmp_path / "test_plain.py").write_text(NO_FIXTURE)
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = json.loads(result.stdout.split("LOADED=", 1)[1].splitlines()[0])
    assert "vonage_voice_sandbox.pytest_plugin" in loaded
    assert [name for name in loaded if name.split(".")[0] in HEAVY] == []


def test_a_fixture_without_the_sandbox_extra_says_in_one_line_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(BLOCK_EXTRA)
    (tmp_path / "test_uses_it.py").write_text(USES_FIXTURE)
    result = run_pytest(tmp_path, "-rE")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    expected = (
        "voice_sandbox needs the sandbox extra (starlette is not installed): pip install 'vonage-voice-client[sandbox]'"
    )
    assert expected in output
    error = output.split("ERROR at setup of test_places_a_call _", 1)[1].split("=====")[0]
    assert error.strip(" _\n") == expected, "one line: no traceback, no chained ImportError"
