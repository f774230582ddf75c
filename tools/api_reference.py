"""``make docs``: the API reference, rendered by pdoc from the docstrings of what users import, into ``build/api/``.

Every public module (no ``_`` in its dotted name) of the runtime and of the generated package is documented, found by
walking the packages, so that a new module is in the reference the day it is added. The generated models are
documented once, on the page of ``vonage_voice_api.models`` (each is in its ``__all__``, which pdoc reads through the
lazy ``__getattr__``), not again one page per model module. Of the sandbox, what a user's tests import: the package's
names, ``testing`` and the pytest plugin.

pdoc reports what it cannot render (an annotation it cannot evaluate, a module that fails to import...) as warnings:
any warning fails the build, so that ``make lint`` fails on a broken reference.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import shutil
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pdoc
import pdoc.render

WALKED = ("vonage_voice_client", "vonage_voice_api")
SKIPPED = re.compile(r"vonage_voice_api\.models\.")  # the models' own modules: documented on the package's page
SANDBOX = ("vonage_voice_sandbox", "vonage_voice_sandbox.testing", "vonage_voice_sandbox.pytest_plugin")
DEFAULT_OUTPUT = Path("build/api")


def public_modules(package: str) -> list[str]:
    """``package`` and its public modules, at any depth."""

    def fail(name: str) -> None:  # pkgutil would skip a package that fails to import, and its modules with it
        raise ImportError(f"cannot import {name} to document it")

    root = importlib.import_module(package)
    found = [package]
    for module in pkgutil.walk_packages(root.__path__, f"{package}.", onerror=fail):
        if not any(part.startswith("_") for part in module.name.split(".")) and not SKIPPED.match(module.name):
            found.append(module.name)
    return found


def modules() -> list[str]:
    return [name for package in WALKED for name in public_modules(package)] + list(SANDBOX)


def specs(names: Sequence[str]) -> list[str]:
    """What to name to pdoc to get ``names``: it walks a package's modules by itself, except those that the package's
    ``__all__`` leaves out (and warns when one is also named)."""
    chosen = set(names)

    def walked_to(name: str) -> bool:
        parent, _, leaf = name.rpartition(".")
        listed = getattr(importlib.import_module(parent), "__all__", None) if parent in chosen else ()
        return listed is None or leaf in listed

    return [name for name in names if not walked_to(name)]


def load_lazy_exports(names: Sequence[str]) -> None:
    """Resolve each name in the ``__all__`` of these modules. pdoc looks for them in the module's ``__dict__``, not
    through its ``__getattr__``: the packages' lazy exports are there only once used (else pdoc warns)."""
    for name in names:
        module = importlib.import_module(name)
        for exported in getattr(module, "__all__", ()):
            getattr(module, exported)


def build(output: Path) -> list[str]:
    """Render the reference into ``output`` (emptied first); the warnings pdoc gave, as messages."""
    from vonage_voice_client import __version__

    shutil.rmtree(output, ignore_errors=True)
    pdoc.render.configure(docformat="restructuredtext", footer_text=f"vonage-voice-client {__version__}")
    names = modules()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_lazy_exports(names)
        pdoc.pdoc(*specs(names), output_directory=output)
    return [str(warning.message) for warning in caught]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.api_reference", description=__doc__)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"default {DEFAULT_OUTPUT}")
    args = parser.parse_args(argv)
    problems = build(args.output)
    for problem in problems:
        print(f"api reference: {problem}", file=sys.stderr)
    if problems:
        print(
            f"api reference: {len(problems)} warning(s) from pdoc: fix the docstrings or annotations", file=sys.stderr
        )
        return 1
    print(f"API reference: {args.output / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
