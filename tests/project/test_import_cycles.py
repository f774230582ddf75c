"""No import cycles: a cycle planted in a copy of the tree, in each package the acyclic contracts hold, is reported
by that package's contract alone, naming the package and the import that would break it; the tree as committed keeps
every contract. The contracts name packages only, so planted modules and subpackages are covered the day they appear.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.project.support import broken_details, copy_tree, lint_imports, outcomes


class Cycle(NamedTuple):
    contract: str  # the start of the contract's name
    package: str  # whose children import each other
    pair: frozenset[str]  # the two children in the cycle
    files: dict[str, str]  # path -> source, planted
    appended: dict[str, str]  # path -> line added to an existing module


CYCLES = {
    # An existing module imports a planted one that imports it back (reporting tangled with result keeping).
    "contract suite": Cycle(
        "No import cycles in the contract suite",
        "contract_tests.support",
        frozenset({"results", "new_summary"}),
        {"contract_tests/support/new_summary.py": "from contract_tests.support import results\n"},
        {"contract_tests/support/results.py": "from contract_tests.support import new_summary  # noqa\n"},
    ),
    # Two modules of a planted subpackage import each other: the contract holds at every depth.
    "runtime subpackage": Cycle(
        "No import cycles in the runtime",
        "vonage_voice_client.new_part",
        frozenset({"ring", "bell"}),
        {
            "src/vonage_voice_client/new_part/__init__.py": "",
            "src/vonage_voice_client/new_part/ring.py": "from vonage_voice_client.new_part import bell\n",
            "src/vonage_voice_client/new_part/bell.py": "from vonage_voice_client.new_part import ring\n",
        },
        {},
    ),
    # Two planted sibling modules import each other.
    "sandbox": Cycle(
        "No import cycles in the sandbox",
        "vonage_voice_sandbox",
        frozenset({"new_room", "new_door"}),
        {
            "src/vonage_voice_sandbox/new_room.py": "from vonage_voice_sandbox import new_door\n",
            "src/vonage_voice_sandbox/new_door.py": "from vonage_voice_sandbox import new_room\n",
        },
        {},
    ),
}


@pytest.mark.parametrize("cycle", CYCLES.values(), ids=CYCLES.keys())
def test_a_planted_cycle_is_reported_by_the_acyclic_contract_of_its_package(tmp_path: Path, cycle: Cycle) -> None:
    copy_tree(tmp_path)
    for path, source in cycle.files.items():
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_text(source)
    for path, line in cycle.appended.items():
        with (tmp_path / path).open("a") as handle:
            handle.write(line)

    output = lint_imports(tmp_path)

    broken = broken_details(output)
    assert len(broken) == 1 and next(iter(broken)).startswith(cycle.contract), f"it alone breaks:\n{output}"
    [details] = broken.values()
    assert f"No cycles are allowed in {cycle.package}." in details, output
    edge = re.search(r"^- \.(\w+) -> \.(\w+) \(1 import\)$", details, re.MULTILINE)
    assert edge is not None and {edge[1], edge[2]} == cycle.pair, f"the import to remove is named:\n{output}"


def test_the_committed_tree_keeps_every_contract(tmp_path: Path) -> None:
    copy_tree(tmp_path)

    output = lint_imports(tmp_path)

    found = outcomes(output)
    assert set(found.values()) == {"KEPT"}, output
    for cycle in CYCLES.values():
        assert any(name.startswith(cycle.contract) for name in found), f"{cycle.contract!r} is checked:\n{output}"
    assert f"Contracts: {len(found)} kept, 0 broken." in output, output
