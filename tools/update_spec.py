"""`make update-spec SPEC=path`: install a new upstream spec, regenerate, check, and report what changed.

    python -m tools.update_spec path/to/voice-v1.yaml|.json [--archived-on YYYY-MM-DD] [--mypy] [--dry-run]
                                [--root DIR]

1. The new document becomes openapi/voice-v1.yaml as published: a YAML file byte for byte (its comment lines, such
   as an archive's ``# x-archived-from`` / ``# x-archived-on``, included; nothing of ours is added), a JSON file
   converted to YAML (the name is .yaml), key order kept. Its provenance (source name, info.version, sha256,
   archive date; for JSON, the published file's sha256 too) is written to openapi/README.md (tools.provenance).
   The same document as the vendored one is a no-op: nothing is written, not even the provenance record.
2. The overlays are applied to it; when one no longer matches, the update stops and says which overlay, which
   action, what it fixed and what the new spec has near its target.
3. The patched spec is validated and the package generated (tools.generate.build), then imported in a fresh
   interpreter (every module; SPEC_VERSION must be the new info.version) and, with ``--mypy``, type-checked.
4. The change report: spec-level changes (tools.spec_diff, on the two upstream documents as published, so it
   does not depend on the overlays) and Python API changes of vonage_voice_api (tools.api_diff), each breaking
   or not, and the package version bump that follows: any breaking change -> major, any addition -> minor,
   otherwise patch (``__version__`` in src/vonage_voice_client/__init__.py).
5. Everything above happens in a temporary folder. Only at the end are the spec, its provenance record, the
   patched spec, the generated package, the report, CHANGELOG.md and the version moved into place, and any failure
   while moving puts the originals back: a stopped update leaves the repository byte-identical.

Where the report goes: printed, saved as ``openapi/CHANGES-<old>-to-<new>.md`` next to the spec it describes (so
the pull request shows it), and summarised in a new CHANGELOG.md entry (breaking changes and spec changes in full,
Python API additions counted) that links to it.

The before-state of the Python API diff is the committed ``generated/vonage_voice_api``: what users of the
current release have (``make check-generated`` keeps it equal to the old spec + current overlays). A repository
without one (the 1.3.7 test fixture: today's overlays target things that exist only from 1.10.0 on, so that state
never existed) gets one rebuilt from the old spec with the overlays that fit it (tools.baseline: an action whose
target is gone is skipped, an overlay file that would leave the old spec invalid is skipped whole); the report
lists what was skipped, so that API differences due to overlays rather than to the spec can be told apart.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools import baseline, change_report, provenance
from tools.api_diff import diff_packages
from tools.change_report import Change
from tools.generate import PACKAGE, ROOT, Layout, PipelineError, build
from tools.new_spec import NewSpec, Unchanged, UpdateStopped, current_document, read_spec, unchanged
from tools.overlay import DeadTargetError, Overlay, OverlayError, apply, load_overlays
from tools.spec_diff import diff_specs

JSON = Any
IMPORT_CHECK = """\
import importlib, pkgutil, vonage_voice_api as package
for module in pkgutil.walk_packages(package.__path__, "vonage_voice_api."):
    importlib.import_module(module.name)
print(package.SPEC_VERSION)
print(package.__file__)
"""


@dataclass(frozen=True)
class Result:
    report: str
    level: str
    old_version: str
    new_version: str
    spec_changes: list[Change]
    api_changes: list[Change]
    report_name: str


def version_file(layout: Layout) -> Path:
    return layout.root / "src" / "vonage_voice_client" / "__init__.py"


def changelog_file(layout: Layout) -> Path:
    return layout.root / "CHANGELOG.md"


def provenance_file(layout: Layout) -> Path:
    return layout.spec.parent / "README.md"


# ---- overlays -----------------------------------------------------------------------------------------------


def check_overlays(spec: NewSpec, overlays_dir: Path) -> None:
    """Stop with a report naming the overlay action that no longer applies to the new spec."""
    overlays = load_overlays(overlays_dir)
    try:
        apply(spec.document, overlays)
    except DeadTargetError as exc:
        description = _action(overlays, exc.source, exc.index).get("description", "").strip()
        lenient = baseline.apply_leniently(spec.document, baseline.steps(overlays))
        missing = baseline.dangling_refs(lenient.documents[-1]) - baseline.dangling_refs(spec.document)
        # Overlays that add schemas referring to a renamed one do not fail to apply; they would dangle. Say where.
        users = {ref: _mentioning(overlays_dir, ref) for ref in sorted(missing)}
        report = change_report.dead_target(spec.source, spec.version, exc, description, lenient.failures, users)
        raise UpdateStopped(report) from None
    except OverlayError as exc:
        raise UpdateStopped(f"the overlays do not apply to {spec.source} ({spec.version}):\n{exc}") from None


def _mentioning(overlays_dir: Path, ref: str) -> list[str]:
    return [path.name for path in sorted(overlays_dir.glob("*.yaml")) if ref in path.read_text(encoding="utf-8")]


def _action(overlays: list[Overlay], source: str, index: int) -> dict[str, Any]:
    return next(dict(o.actions[index]) for o in overlays if o.source == source)


# ---- building and checking ----------------------------------------------------------------------------------


def stage(layout: Layout, spec: NewSpec, folder: Path) -> Layout:
    """A minimal copy of the repository with the new spec: what tools.generate reads."""
    staged = Layout(folder)
    staged.spec.parent.mkdir(parents=True)
    shutil.copyfile(layout.config, staged.config)
    if layout.templates.is_dir():
        shutil.copytree(layout.templates, staged.templates)
    shutil.copytree(layout.overlays, staged.overlays)
    staged.spec.write_bytes(spec.data)
    return staged


def check_package(folder: Path, spec_version: str, *, mypy: bool) -> list[str]:
    """Import every module of the package in ``folder`` in a fresh interpreter, optionally run mypy --strict."""
    # No __pycache__ in the package that is about to be moved into generated/.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-c", IMPORT_CHECK]
    run = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    lines = run.stdout.splitlines()
    if run.returncode != 0 or len(lines) < 2:
        raise UpdateStopped(f"the generated package does not import:\n{run.stderr}")
    if lines[0] != spec_version or not Path(lines[1]).resolve().is_relative_to(folder.resolve()):
        raise UpdateStopped(f"the generated package reports SPEC_VERSION {lines[0]!r} from {lines[1]}")
    passed = [f'generated package imports (every module), `SPEC_VERSION == "{spec_version}"`']
    if not mypy:
        return [*passed, "`mypy --strict` not run (add `--mypy`)"]
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE]
    run = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise UpdateStopped(f"the generated package fails mypy --strict:\n{run.stdout}{run.stderr}")
    return [*passed, "`mypy --strict` passes"]


def before_state(layout: Layout, old_spec: JSON, workdir: Path) -> baseline.Before:
    """The package to diff against, and how it was obtained (see the module docstring)."""
    if (layout.package / "__init__.py").is_file():
        return baseline.Before(layout.package.parent, f"the committed `generated/{PACKAGE}`")
    return baseline.rebuild(layout, old_spec, workdir)


# ---- versions -----------------------------------------------------------------------------------------------

VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)


def bump_level(changes: list[Change]) -> str:
    if any(change.breaking for change in changes):
        return "major"
    return "minor" if any(change.kind == "added" for change in changes) else "patch"


def bump(version: str, level: str) -> str:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if not match:
        raise UpdateStopped(f"__version__ {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = map(int, match.groups())
    if level == "major":
        return f"{major + 1}.0.0"
    return f"{major}.{minor + 1}.0" if level == "minor" else f"{major}.{minor}.{patch + 1}"


def read_version(layout: Layout) -> str:
    path = version_file(layout)
    match = VERSION_LINE.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    if not match:
        raise UpdateStopped(f'no `__version__ = "X.Y.Z"` line in {path}')
    return match.group(1)


# ---- the update ---------------------------------------------------------------------------------------------


def update(
    layout: Layout,
    spec_path: Path,
    *,
    archived_on: str | None = None,
    mypy: bool = False,
    dry_run: bool = False,
    today: datetime.date | None = None,
) -> Result | Unchanged:
    """Run the whole update (module docstring); Unchanged, having written nothing, when the spec is the vendored one."""
    spec = read_spec(spec_path, archived_on)
    same = unchanged(layout, spec)
    if same is not None:
        return same
    old_spec = current_document(layout)
    old_version = read_version(layout)
    check_overlays(spec, layout.overlays)
    with tempfile.TemporaryDirectory(prefix="vvc-update-") as tmp:
        work = Path(tmp)
        patched, package, checks = build_and_check(layout, spec, work, mypy=mypy)
        before = before_state(layout, old_spec, work)
        spec_changes = diff_specs(old_spec, spec.document)
        api_changes = diff_packages(before.folder, package.parent) if before.folder else []
        level = bump_level(spec_changes + api_changes)
        facts = change_report.Facts(
            old_spec=str(old_spec["info"]["version"]),
            new_spec=spec.version,
            source=spec.source,
            old_version=old_version,
            new_version=bump(old_version, level),
            level=level,
            checks=checks,
            before=before.note,
            skipped=before.skipped,
            date=(today or datetime.date.today()).isoformat(),
        )
        report = change_report.render(facts, spec_changes, api_changes)
        if not dry_run:
            entry = change_report.changelog_entry(facts, spec_changes, api_changes)
            install(layout, work, spec, (patched, package), facts, report, entry)
    name = change_report.report_name(facts)
    return Result(report, level, old_version, facts.new_version, spec_changes, api_changes, name)


def build_and_check(layout: Layout, spec: NewSpec, work: Path, *, mypy: bool) -> tuple[Path, Path, list[str]]:
    """Patch, validate and generate from the new spec under ``work``; return the outputs and the checks passed."""
    staged = stage(layout, spec, work / "stage")
    (work / "new").mkdir()
    try:
        patched, package = build(staged, work / "new")
    except PipelineError as exc:
        raise UpdateStopped(str(exc)) from None
    return patched, package, ["patched spec is valid OpenAPI", *check_package(package.parent, spec.version, mypy=mypy)]


def install(
    layout: Layout,
    work: Path,
    spec: NewSpec,
    built: tuple[Path, Path],
    facts: change_report.Facts,
    report: str,
    entry: str,
) -> None:
    """Stage the files next to the build, then move every output into place at once."""
    out = work / "out"
    out.mkdir()
    report_path = layout.spec.parent / change_report.report_name(facts)
    changelog, readme = changelog_file(layout), provenance_file(layout)
    current = changelog.read_text(encoding="utf-8") if changelog.is_file() else None
    record = readme.read_text(encoding="utf-8") if readme.is_file() else None
    texts = {
        layout.sandbox_spec: built[0].read_text(encoding="utf-8"),  # the sandbox's copy of the patched spec
        report_path: report,
        changelog: change_report.prepend_entry(current, entry, facts),
        readme: provenance.rewrite(record, spec.provenance),
        version_file(layout): VERSION_LINE.sub(
            f'__version__ = "{facts.new_version}"', version_file(layout).read_text(encoding="utf-8"), count=1
        ),
    }
    contents = {layout.spec: spec.data, **{path: text.encode("utf-8") for path, text in texts.items()}}
    moves = [(built[0], layout.patched), (built[1], layout.package)]
    for index, (destination, data) in enumerate(contents.items()):
        staged = out / str(index)
        staged.write_bytes(data)
        moves.append((staged, destination))
    move_into_place(moves, work / "backup")


def move_into_place(moves: list[tuple[Path, Path]], backup: Path) -> None:
    """Move each staged path onto its destination; on any failure put every original back."""
    backup.mkdir()
    done: list[tuple[Path, Path | None]] = []
    try:
        for index, (staged, destination) in enumerate(moves):
            saved = backup / str(index) if destination.exists() else None
            if saved is not None:
                shutil.move(destination, saved)
            done.append((destination, saved))
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(staged, destination)
    except BaseException:
        for destination, saved in reversed(done):
            if destination.is_dir():
                shutil.rmtree(destination)
            elif destination.exists():
                destination.unlink()
            if saved is not None:
                shutil.move(saved, destination)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", type=Path, help="the new upstream spec, YAML or JSON")
    parser.add_argument(
        "--archived-on",
        metavar="YYYY-MM-DD",
        help="the archive date to record when the file has no `# x-archived-on` line (never today by default)",
    )
    parser.add_argument("--mypy", action="store_true", help="also run mypy --strict on the generated package")
    parser.add_argument("--dry-run", action="store_true", help="print the report; change nothing")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    if not args.spec.is_file():
        parser.error(f"{args.spec}: no such file (usage: make update-spec SPEC=path/to/spec.yaml)")
    layout = Layout(args.root.resolve())
    try:
        result = update(layout, args.spec, archived_on=args.archived_on, mypy=args.mypy, dry_run=args.dry_run)
    except UpdateStopped as exc:
        unchanged = (
            "" if "Nothing in the repository was changed" in str(exc) else "\nNothing in the repository was changed."
        )
        print(f"error: update stopped.\n\n{exc}{unchanged}", file=sys.stderr)
        return 1
    if isinstance(result, Unchanged):
        print(f"Nothing changed: openapi/voice-v1.yaml already holds {args.spec.name}, {result.how}. No file written.")
        return 0
    print(result.report)
    if args.dry_run:
        print(f"dry run: would bump vonage-voice-client {result.old_version} -> {result.new_version} ({result.level})")
    else:
        print(f"bumped vonage-voice-client {result.old_version} -> {result.new_version} ({result.level}); report saved")
        print("as openapi/" + result.report_name + ", provenance in openapi/README.md, CHANGELOG.md updated.")
        print("Review the diff, then commit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
