"""The import contracts cover modules that do not exist yet: modules planted in a copy of the packages break exactly
the rules they violate, although no contract lists them (the contracts name packages, layers and wildcards).

If a contract went back to listing modules, the planted ones would slip through and this test would fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("src", "generated", "tools", "contract_tests", "benchmarks", "examples")

# Each planted module, what it imports, and the contract that must catch it.
INDEPENDENT = "The runtime and the sandbox"
SANDBOX_LAYERS = "Sandbox layers"
PLANTS: dict[str, tuple[str, str]] = {
    "src/vonage_voice_client/new_feature.py": ("import vonage_voice_sandbox\n", INDEPENDENT),
    "src/vonage_voice_sandbox/new_helper.py": (
        "from vonage_voice_client import errors\n",
        "The runtime and the sandbox",
    ),
    "src/vonage_voice_sandbox/new_models.py": ("import vonage_voice_api.models\n", "The sandbox never imports"),
    "src/vonage_voice_client/new_tooling.py": ("import tools.generate\n", "Shipped code never imports"),
    # errors (the bottom layer) -> new_middle (listed nowhere) -> client (the top layer)
    "src/vonage_voice_client/new_middle.py": ("from vonage_voice_client import client\n", "Runtime layers"),
    # web/app (the web face) -> new_app_part (listed nowhere) -> server (the layer above)
    "src/vonage_voice_sandbox/new_app_part.py": ("from vonage_voice_sandbox import server\n", SANDBOX_LAYERS),
    # the spec room is the bottom one: whoever reads the spec must not pull in the call engine
    "src/vonage_voice_sandbox/spec/new_reader.py": ("from vonage_voice_sandbox.engine import state\n", SANDBOX_LAYERS),
    "contract_tests/new_check.py": ("from vonage_voice_client import _redact\n", "Private modules"),
    "examples/new_example.py": ("from vonage_voice_sandbox.engine import state\n", "Examples use the sandbox"),
}
# Imports added to existing modules, to make the chains above.
APPENDED = {
    "src/vonage_voice_client/errors.py": "from vonage_voice_client import new_middle  # noqa\n",
    "src/vonage_voice_sandbox/web/app.py": "from vonage_voice_sandbox import new_app_part  # noqa\n",
}


def lint_imports(root: Path) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(root / p) for p in ("src", "generated", "."))}
    command = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache", "--no-logo"]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False)
    return result.stdout + result.stderr


def test_planted_modules_are_caught_by_the_contract_they_break(tmp_path: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "_spec", "reports", "*.json")
    for folder in COPIED:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=ignore)
    shutil.copyfile(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for path, (source, _) in PLANTS.items():
        (tmp_path / path).write_text(source)
    for path, line in APPENDED.items():
        with (tmp_path / path).open("a") as handle:
            handle.write(line)

    output = lint_imports(tmp_path)

    counts = re.search(r"Contracts: \d+ kept, (\d+) broken", output)
    expected = {contract for _, contract in PLANTS.values()}
    assert counts is not None and int(counts[1]) == len(expected), f"only the planted imports break a rule:\n{output}"
    details = output.split("Broken contracts", 1)[1]
    for contract in expected:
        assert f"\n{contract}" in details, f"{contract!r} was not broken:\n{output}"
    for path in PLANTS:
        module = ".".join(Path(path).with_suffix("").parts[1 if path.startswith("src/") else 0 :])
        assert module in details, f"{module} was not reported:\n{output}"
