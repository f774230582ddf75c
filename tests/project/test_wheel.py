"""The built wheel carries the three packages, their py.typed markers and the sandbox's patched spec as a real file,
and the provider contract suite (``contract_tests``, without its reports).

Installed from the wheel (not from this checkout), the sandbox's spec lookup must find the spec inside the package,
and in a clean venv holding only the wheel and its ``contract`` extra the provider contract runs against
``python -m vonage_voice_sandbox`` and the webhook checker against the IVR example.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
        "vonage_voice_sandbox/provider_contract.py",
        "contract_tests/test_provider.py",
        "contract_tests/support/spec.py",
    ):
        assert required in names, required
    not_shipped = ("tools/", "tests/", "contract_tests/reports/", "examples/", "benchmarks/")
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


# --- the contract extra, from the wheel alone ---------------------------------------------------------------------

SECRET = "wheel-contract-secret"
ANNOUNCED = ("VONAGE_APPLICATION_ID", "VONAGE_PRIVATE_KEY_PATH", "VONAGE_BASE_URL")


def _requirements_closure(name: str, extras: set[str]) -> list[importlib.metadata.Distribution]:
    """The installed distributions ``name[extras]`` needs, itself left out: what `pip install wheel[contract]` would
    bring, taken from this environment (the test must not reach an index)."""
    found: dict[str, set[str]] = {}
    todo = [(name, extras)]
    while todo:
        wanted, wanted_extras = todo.pop()
        key = canonicalize_name(wanted)
        if key in found and wanted_extras <= found[key]:
            continue
        found[key] = found.get(key, set()) | wanted_extras
        for text in importlib.metadata.distribution(wanted).requires or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": extra}) for extra in found[key] or {""}):
                todo.append((requirement.name, set(requirement.extras)))
    found.pop(canonicalize_name(name))
    return [importlib.metadata.distribution(key) for key in sorted(found)]


def _link_dependencies(target: Path) -> None:
    """Link the top-level packages, modules and metadata of every dependency of the contract extra into ``target``."""
    target.mkdir()
    for distribution in _requirements_closure("vonage-voice-client", {"contract"}):
        tops = {PurePosixPath(str(file)).parts[0] for file in distribution.files or []}
        for top in sorted(tops - {".."}):
            source = Path(str(distribution.locate_file(top)))
            if source.exists() and not (target / top).exists():
                (target / top).symlink_to(source)


@pytest.fixture(scope="module")
def clean_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv outside the checkout with the wheel installed and, beside it, only the contract extra's dependencies."""
    root = tmp_path_factory.mktemp("clean")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", purelib, str(wheel)],
        check=True,
        capture_output=True,
    )
    _link_dependencies(root / "deps")
    (Path(purelib) / "contract-deps.pth").write_text(str(root / "deps") + "\n", encoding="utf-8")
    return python


def _announced(sandbox: subprocess.Popen[str]) -> dict[str, str]:
    """The ``export NAME=value`` lines ``python -m vonage_voice_sandbox`` prints when it is up."""
    assert sandbox.stdout is not None
    found: dict[str, str] = {}
    for line in sandbox.stdout:
        name, _, value = line.strip().removeprefix("export ").partition("=")
        if name in ANNOUNCED:
            found[name] = value
        if set(ANNOUNCED) <= set(found):
            return found
    raise AssertionError(f"the sandbox exited ({sandbox.wait()}) before announcing itself")


def test_the_provider_contract_runs_from_the_wheel_against_a_served_sandbox(clean_venv: Path, tmp_path: Path) -> None:
    command = [str(clean_venv), "-m", "vonage_voice_sandbox", "--host", "127.0.0.1", "--port", "0"]
    sandbox = subprocess.Popen(
        [*command, "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_path
    )
    try:
        exports = _announced(sandbox)
        env = {key: value for key, value in os.environ.items() if not key.startswith(("VONAGE_", "CONTRACT_"))}
        env.update({name: exports[name] for name in ANNOUNCED[:2]})
        result = subprocess.run(
            [str(clean_venv), "-m", "vonage_voice_sandbox.provider_contract", "--base-url", exports["VONAGE_BASE_URL"],
             "--max-examples", "1", "-k", "POST"],  # createCall: the operation the live guard watches most
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=30)
        if sandbox.stdout is not None:
            sandbox.stdout.close()
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    summary = (tmp_path / "contract-reports" / "summary.txt").read_text(encoding="utf-8")
    assert "POST /v1/calls" in summary


def test_the_webhook_checker_runs_from_the_wheel_against_the_ivr_example(clean_venv: Path, tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "ivr" / "app.py", tmp_path / "ivr_app.py")
    entry = "import os\nfrom ivr_app import create_app\n"
    entry += "app = create_app(signature_secret=os.environ['VONAGE_SIGNATURE_SECRET'])\n"
    (tmp_path / "ivr_entry.py").write_text(entry, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("VONAGE_")}
    env["VONAGE_SIGNATURE_SECRET"] = SECRET
    result = subprocess.run(
        [str(clean_venv), "-m", "vonage_voice_sandbox.webhook_contract", "ivr_entry:app", "--examples", "2"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
