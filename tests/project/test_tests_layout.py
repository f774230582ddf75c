"""The test suite's layout: tests sit in subject packages, and no test module imports another.

A test module imported by another one runs twice under two names (pytest imports it as ``sandbox.test_server``, the
importer as ``tests.sandbox.test_server``): its module-scoped fixtures start twice and its tests may be collected from
both. Shared helpers belong in ``support`` modules or ``conftest.py`` fixtures.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUBJECTS = ("runtime", "sandbox", "pipeline", "project")


def is_test_module(path: Path) -> bool:
    """pytest's default ``python_files``: what it collects as a test module."""
    return path.suffix == ".py" and (path.name.startswith("test_") or path.stem.endswith("_test"))


def python_files(root: Path) -> Iterator[Path]:
    yield from sorted(path for path in (root / "tests").rglob("*.py") if "__pycache__" not in path.parts)
    yield from sorted(path for path in (root / "examples").rglob("test_*.py") if "__pycache__" not in path.parts)


def module_file(root: Path, name: str) -> Path | None:
    """The file a dotted name imports, from the repository root or (as pytest's rootdir-relative imports allow) from
    ``tests/``; None for anything else (the standard library, installed packages)."""
    for base in (root, root / "tests"):
        target = base.joinpath(*name.split("."))
        if target.with_suffix(".py").is_file():
            return target.with_suffix(".py")
        if (target / "__init__.py").is_file():
            return target / "__init__.py"
    return None


def imported_names(path: Path, root: Path) -> Iterator[str]:
    """Every dotted name ``path`` imports, relative imports resolved: for ``from a import b`` both ``a`` and ``a.b``."""
    package = path.parent.relative_to(root).parts
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def imports_of_test_modules(root: Path) -> list[str]:
    """``importer -> imported`` for each test module that a Python file of the suites imports."""
    found = []
    for path in python_files(root):
        for name in imported_names(path, root):
            target = module_file(root, name)
            if target is not None and target != path and is_test_module(target):
                found.append(f"{path.relative_to(root)} -> {target.relative_to(root)}")
    return sorted(set(found))


def test_no_module_sits_at_the_top_of_tests_but_conftest() -> None:
    assert sorted(path.name for path in (ROOT / "tests").glob("*.py")) == ["conftest.py"]


def test_no_test_module_imports_another() -> None:
    assert imports_of_test_modules(ROOT) == [], "move what they share into a support module or a conftest.py fixture"


def test_every_test_module_sits_in_a_subject_package() -> None:
    """In a package, so that test modules of one name in two subjects (runtime and sandbox both have ``test_auth``)
    are two modules to pytest."""
    misplaced = []
    for path in (ROOT / "tests").rglob("*.py"):
        if not is_test_module(path):
            continue
        folders = path.parent.relative_to(ROOT / "tests").parts
        packaged = all(
            (ROOT / "tests").joinpath(*folders[:depth], "__init__.py").is_file() for depth in range(1, len(folders) + 1)
        )
        if not folders or folders[0] not in SUBJECTS or not packaged:
            misplaced.append(str(path.relative_to(ROOT)))
    assert sorted(misplaced) == [], f"test modules belong in a package under tests/{{{','.join(SUBJECTS)}}}/"


def test_a_test_module_imported_by_any_form_of_import_is_found(tmp_path: Path) -> None:
    files = {
        "tests/conftest.py": "",
        "tests/sandbox/__init__.py": "",
        "tests/sandbox/support.py": "CALL = 1\n",
        "tests/sandbox/test_server.py": "CALL = 1\n",
        "tests/sandbox/test_absolute.py": "from tests.sandbox.test_server import CALL\n",
        "tests/sandbox/test_dotted.py": "import tests.sandbox.test_server\n",
        "tests/sandbox/test_from_package.py": "from tests.sandbox import support, test_server\n",
        "tests/sandbox/test_relative.py": "from .test_server import CALL\nfrom . import support\n",
        "tests/sandbox/test_rootdir.py": "from sandbox.test_server import CALL\n",
        "tests/sandbox/test_fine.py": "from tests.sandbox.support import CALL\nimport json\n",
        "examples/test_example.py": "from tests.sandbox.test_server import CALL\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    kinds = ("absolute", "dotted", "from_package", "relative", "rootdir")
    importers = ["examples/test_example.py", *(f"tests/sandbox/test_{kind}.py" for kind in kinds)]
    assert imports_of_test_modules(tmp_path) == sorted(
        f"{importer} -> tests/sandbox/test_server.py" for importer in importers
    )
