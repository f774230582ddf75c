"""The built wheel carries the three packages, their py.typed markers and the sandbox's patched spec as a real file.

Installed from the wheel (not from this checkout), the sandbox's spec lookup must find the spec inside the package.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("vonage_voice_client-*.whl"))


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "vonage_voice_client/__init__.py",
        "vonage_voice_client/py.typed",
        "vonage_voice_sandbox/__init__.py",
        "vonage_voice_sandbox/pytest_plugin.py",
        "vonage_voice_sandbox/py.typed",
        "vonage_voice_sandbox/_spec/voice-v1.patched.yaml",
        "vonage_voice_api/__init__.py",
        "vonage_voice_api/py.typed",
        "vonage_voice_api/api/calls/create_call.py",
    ):
        assert required in names, required
    not_shipped = ("tools/", "tests/", "contract_tests/", "examples/", "benchmarks/")
    assert not any(name.startswith(not_shipped) for name in names)
    assert not any(name.startswith("vonage_voice_client/_spec/") for name in names), "the runtime reads no spec"
    spec = zipfile.ZipFile(wheel).read("vonage_voice_sandbox/_spec/voice-v1.patched.yaml")
    assert spec == (ROOT / "openapi" / "voice-v1.patched.yaml").read_bytes(), "the spec is a copy, not a link"


def test_installed_wheel_finds_its_spec_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "import vonage_voice_client, vonage_voice_api, vonage_voice_sandbox;"
        "from vonage_voice_sandbox import patched_spec_path;"
        "print(json.dumps([vonage_voice_client.__file__, vonage_voice_api.__file__, vonage_voice_sandbox.__file__,"
        " str(patched_spec_path()),"
        " vonage_voice_api.SPEC_VERSION]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(target)], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    client_file, api_file, sandbox_file, spec_path, version = json.loads(result.stdout)
    for path in (client_file, api_file, sandbox_file, spec_path):
        assert path.startswith(str(target)), f"{path} is not from the installed wheel"
    assert not Path(spec_path).is_symlink()
    assert version == "1.10.0"
