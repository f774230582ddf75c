"""The package's public names, and what importing its parts loads."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys

import vonage_voice_client


def test_every_public_name_resolves_to_what_type_checkers_see() -> None:
    """A name users import is the object type checkers were told about (the ``TYPE_CHECKING`` re-exports), and
    both lists hold the same names: a name added to one of them only breaks someone's imports or their mypy run."""
    tree = ast.parse(inspect.getsource(vonage_voice_client))
    declared = {
        alias.asname or alias.name: f"vonage_voice_client.{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
        for alias in node.names
    }
    assert sorted(declared) == sorted(set(vonage_voice_client.__all__) - {"__version__"})
    for name, origin in declared.items():
        module, _, attribute = origin.rpartition(".")
        assert getattr(vonage_voice_client, name) is getattr(importlib.import_module(module), attribute), name


def test_star_import_binds_every_public_name() -> None:
    probe = (
        "from vonage_voice_client import *; import vonage_voice_client as v; bound = dir();"
        "print(sorted(set(v.__all__) - set(bound)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_names_load_on_first_use_and_a_misspelt_one_is_an_attribute_error() -> None:
    # mypy reads the TYPE_CHECKING imports, so a misspelt import is a type error too
    # (tests/typecheck/user_mistakes.py); at run time it must still fail at once, by name.
    probe = (
        "import sys\n"
        "from vonage_voice_client import connect\n"
        "heavy = ('vonage_voice_client.webhooks', 'vonage_voice_client.aliases', 'vonage_voice_client.pagination')\n"
        "assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]\n"
        "import vonage_voice_client as v\n"
        "assert all(getattr(v, name) is not None for name in v.__all__)\n"
        "assert set(v.__all__) <= set(dir(v))\n"
        "try:\n"
        "    from vonage_voice_client import Misspelt\n"
        "except ImportError as exc:\n"
        "    assert 'Misspelt' in str(exc)\n"
        "else:\n"
        "    raise SystemExit('a misspelt name imported')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_sandbox_loads_neither_the_runtime_nor_the_generated_package() -> None:
    probe = (
        "import sys, vonage_voice_sandbox as s; s.create_app, s.running_sandbox;"
        "import vonage_voice_sandbox.__main__;"
        "print(','.join(m for m in sys.modules if m.startswith(('vonage_voice_client', 'vonage_voice_api'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == ""
