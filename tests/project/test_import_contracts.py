"""The import contracts cover modules that do not exist yet: modules planted in a copy of the packages break exactly
the rules they violate, although no contract lists them (the contracts name packages, layers and wildcards).

If a contract went back to listing modules, the planted ones would slip through and this test would fail.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.project.support import copy_tree, lint_imports

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
    # webhooks._payload (its bottom layer) -> new_reader -> starlette (its top layer); new_middle's chain breaks this
    # contract too (client -> the package's __init__ -> webhooks)
    "src/vonage_voice_client/webhooks/new_reader.py": (
        "from vonage_voice_client.webhooks import starlette\n",
        "Webhook layers",
    ),
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
    "src/vonage_voice_client/webhooks/_payload.py": "from vonage_voice_client.webhooks import new_reader  # noqa\n",
    "src/vonage_voice_sandbox/web/app.py": "from vonage_voice_sandbox import new_app_part  # noqa\n",
}
# Those chains close cycles too (client imports errors, server imports app): the acyclic contracts catch them as well.
CYCLES = ("No import cycles in the runtime", "No import cycles in the sandbox")


def test_planted_modules_are_caught_by_the_contract_they_break(tmp_path: Path) -> None:
    copy_tree(tmp_path)
    for path, (source, _) in PLANTS.items():
        (tmp_path / path).write_text(source)
    for path, line in APPENDED.items():
        with (tmp_path / path).open("a") as handle:
            handle.write(line)

    output = lint_imports(tmp_path)

    counts = re.search(r"Contracts: \d+ kept, (\d+) broken", output)
    expected = {contract for _, contract in PLANTS.values()} | set(CYCLES)
    assert counts is not None and int(counts[1]) == len(expected), f"only the planted imports break a rule:\n{output}"
    details = output.split("Broken contracts", 1)[1]
    for contract in expected:
        assert f"\n{contract}" in details, f"{contract!r} was not broken:\n{output}"
    for path in PLANTS:
        module = ".".join(Path(path).with_suffix("").parts[1 if path.startswith("src/") else 0 :])
        assert module in details, f"{module} was not reported:\n{output}"
