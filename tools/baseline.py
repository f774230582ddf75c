"""Apply overlays leniently, and rebuild a before-state package from an older spec.

`make update-spec` diffs the Python API against the committed ``generated/vonage_voice_api``. A repository without
one (the 1.3.7 test fixture) gets a package rebuilt from the old spec with today's overlays, keeping an action only
when it leaves the old spec no worse: an action is skipped when its target is gone, when it would leave a ``$ref``
pointing nowhere (newer overlays add schemas referring to what only newer specs define), or when it adds
validation errors (a default that is not in an older enum, say). Validating after every action would take seconds,
so the first action that adds errors is found by bisection. The report lists every skipped action, so that the
differences that come from overlays rather than from the spec can be told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator

from tools.change_report import Failure
from tools.generate import PACKAGE, Layout, PipelineError, dump_yaml, run_generator
from tools.overlay import DeadTargetError, Overlay, OverlayError, apply, load_overlays
from tools.refs import iter_refs, resolve

JSON = Any
ACTION_PREFIX = re.compile(r"^.*?action #\d+:? ")


@dataclass(frozen=True)
class Step:
    source: str
    index: int
    action: dict[str, Any]

    def failure(self, reason: str) -> Failure:
        return Failure(self.source, self.index, str(self.action["target"]), reason)


@dataclass
class Pass:
    """The actions kept, the document after each of them (``documents[0]`` is the input), and the failed ones."""

    kept: list[Step] = field(default_factory=list)
    documents: list[JSON] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def steps(overlays: list[Overlay]) -> list[Step]:
    return [Step(o.source, index, dict(action)) for o in overlays for index, action in enumerate(o.actions)]


def apply_leniently(document: JSON, todo: list[Step]) -> Pass:
    """Apply each action whose target (and copy source) the document has; record the others."""
    result = Pass(documents=[document])
    for step in todo:
        try:
            result.documents.append(apply(result.documents[-1], [Overlay(step.source, [step.action])]))
            result.kept.append(step)
        except OverlayError as exc:
            # The message names action #0 of the one-action overlay built here: keep only what follows.
            reason = "matches nothing" if isinstance(exc, DeadTargetError) else ACTION_PREFIX.sub("", str(exc))
            result.failures.append(step.failure(reason))
    return result


def apply_validly(document: JSON, todo: list[Step]) -> tuple[JSON, list[Failure]]:
    """As ``apply_leniently``, then drop every overlay file that leaves the document with new errors.

    A dead target only costs its own action (the fix is about something the old spec lacks), but an error means
    the file's concern depends on what the old spec lacks, and its actions depend on each other (one removes what
    the next replaces): the whole file goes.
    """
    known = errors(document)
    result = apply_leniently(document, todo)
    failures = list(result.failures)
    while added := errors(result.documents[-1]) - known:
        culprit = result.kept[_first_with(result.documents, added) - 1]
        failures.append(culprit.failure(f"would leave the spec with: {sorted(added)[0]} (whole file skipped)"))
        start = next(i for i, step in enumerate(result.kept) if step.source == culprit.source)
        rest = apply_leniently(result.documents[start], [s for s in result.kept[start:] if s.source != culprit.source])
        failures += rest.failures
        result = Pass(result.kept[:start] + rest.kept, result.documents[:start] + rest.documents)
    return result.documents[-1], failures


def _first_with(documents: list[JSON], wanted: set[str]) -> int:
    """The smallest i whose document has one of the ``wanted`` errors (documents[-1] has, documents[0] has not)."""
    low, high = 0, len(documents) - 1
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if errors(documents[middle]) & wanted else (middle, high)
    return high


def errors(document: JSON) -> set[str]:
    """Dangling ``$ref``s, or else what openapi-spec-validator finds (it raises on a dangling ``$ref``)."""
    dangling = {f"$ref {ref} points nowhere" for ref in dangling_refs(document)}
    if dangling:
        return dangling
    try:
        return {str(error).splitlines()[0] for error in OpenAPIV30SpecValidator(document).iter_errors()}
    except Exception as exc:  # the validator raises several unrelated types; all mean "invalid"
        return {f"{type(exc).__name__}: {str(exc).split(' within ', 1)[0][:200]}"}


def dangling_refs(document: JSON) -> set[str]:
    """The local ``$ref``s of ``document`` that resolve to nothing."""
    return {ref for ref in iter_refs(document) if ref.startswith("#/") and resolve(document, ref) is None}


@dataclass(frozen=True)
class Before:
    """The package to diff against (its parent folder; None when there is none), how it was made, what was skipped."""

    folder: Path | None
    note: str
    skipped: list[Failure] = field(default_factory=list)


def rebuild(layout: Layout, old_spec: JSON, workdir: Path) -> Before:
    """Generate the before-state package under ``workdir`` from ``old_spec`` and the overlays that fit it."""
    patched, failures = apply_validly(old_spec, steps(load_overlays(layout.overlays)))
    path = workdir / "before.patched.yaml"
    path.write_text(dump_yaml(patched), encoding="utf-8")
    try:
        run_generator(layout, path, workdir / "before" / PACKAGE)
    except PipelineError as exc:
        reason = " ".join(str(exc).split())[:200]
        return Before(
            None, f"unavailable: the old spec does not generate ({reason}); the bump follows the spec", failures
        )
    note = f"rebuilt from the old spec with the overlay actions that fit it ({len(failures)} skipped, listed below)"
    return Before(workdir / "before", note, failures)
