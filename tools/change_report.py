"""The Markdown that `make update-spec` writes: the change report, its CHANGELOG entry, and a stop report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

CHANGELOG_HEADER = """\
# Changelog

All notable changes to vonage-voice-client. `make update-spec SPEC=path` adds an entry at the top for each Voice API
spec update, with the version bump its change report calls for: any breaking change → major, any addition → minor,
otherwise patch. The full reports are kept as `openapi/CHANGES-<old spec>-to-<new spec>.md`.
"""
FIRST_ENTRY = """\
## {version}: Voice API spec {spec}

The client generated from the Voice API v1 spec {spec} with the overlays in `overlays/`, and the hand-written runtime
around it (the release this changelog starts from).
"""


@dataclass(frozen=True)
class Change:
    """One classified difference, of the spec (tools.spec_diff) or of the Python API (tools.api_diff)."""

    kind: str  # added | removed | changed
    what: str  # operation, parameter, field, enum value, limit, ...
    where: str
    detail: str
    breaking: bool
    scope: str = ""  # request / response, for schema nodes

    def line(self) -> str:
        scope = f" ({self.scope})" if self.scope else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"- {self.kind} {self.what} `{self.where}`{scope}{detail}"


@dataclass(frozen=True)
class Failure:
    """An overlay action that does not apply to a document."""

    source: str
    index: int
    target: str
    reason: str


@dataclass(frozen=True)
class Facts:
    """What the report states besides the changes themselves."""

    old_spec: str
    new_spec: str
    source: str
    old_version: str
    new_version: str
    level: str
    checks: list[str]
    before: str
    date: str
    skipped: list[Failure] = field(default_factory=list)  # overlay actions left out of a rebuilt before-state


class DeadTarget(Protocol):
    source: str
    index: int
    target: str
    near: str


def report_name(facts: Facts) -> str:
    return f"CHANGES-{facts.old_spec}-to-{facts.new_spec}.md"


def bump_reason(facts: Facts, changes: Sequence[Change]) -> str:
    breaking = sum(change.breaking for change in changes)
    if facts.level == "major":
        return f"**major**: {breaking} breaking change{'s' if breaking != 1 else ''}"
    return (
        "**minor**: additions, nothing breaking"
        if facts.level == "minor"
        else "**patch**: nothing breaking, no addition"
    )


def render(facts: Facts, spec_changes: Sequence[Change], api_changes: Sequence[Change]) -> str:
    """The full change report."""
    lines = [
        f"# Voice API spec update: {facts.old_spec} → {facts.new_spec}",
        "",
        f"- Source: `{facts.source}` (info.version {facts.new_spec}), {facts.date}",
        f"- Package version: {facts.old_version} → {facts.new_version} "
        f"({bump_reason(facts, [*spec_changes, *api_changes])})",
        f"- Checks: {'; '.join(facts.checks)}",
        f"- Python API before-state: {facts.before}",
        "",
        "## Spec changes (the upstream documents as published)",
        "",
        *_sections(spec_changes, level=3),
        "## Python API changes (`vonage_voice_api`, after the overlays)",
        "",
        *_sections(api_changes, level=3),
        *_skipped(facts.skipped),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _skipped(failures: Sequence[Failure]) -> list[str]:
    if not failures:
        return []
    lines = ["## Overlay actions left out of the before-state", ""]
    lines += [f"- `overlays/{f.source}` action #{f.index} (`{f.target}`): {f.reason}" for f in failures]
    return [*lines, ""]


def _sections(changes: Sequence[Change], *, level: int) -> list[str]:
    if not changes:
        return ["None.", ""]
    lines = []
    for title, breaking in (("Breaking", True), ("Not breaking", False)):
        chosen = [change.line() for change in changes if change.breaking is breaking]
        if chosen:
            lines += [f"{'#' * level} {title} ({len(chosen)})", "", *chosen, ""]
    return lines


def changelog_entry(facts: Facts, spec_changes: Sequence[Change], api_changes: Sequence[Change]) -> str:
    """Breaking changes and spec changes in full; Python API additions counted, the report linked."""
    breaking = [change.line() for change in api_changes if change.breaking]
    others = sum(not change.breaking for change in api_changes)
    lines = [
        f"## {facts.new_version} ({facts.date}): Voice API spec {facts.old_spec} → {facts.new_spec}",
        "",
        f"Version bump {bump_reason(facts, [*spec_changes, *api_changes])}. Full report: "
        f"[openapi/{report_name(facts)}](openapi/{report_name(facts)}).",
        "",
        "Spec changes:",
        "",
        *_sections(spec_changes, level=4),
        "Python API changes: " + (f"{len(breaking)} breaking, " if breaking else "") + f"{others} not breaking.",
        "",
    ]
    if breaking:
        lines += ["#### Breaking Python API changes", "", *breaking, ""]
    return "\n".join(lines)


def prepend_entry(current: str | None, entry: str, facts: Facts) -> str:
    """Put ``entry`` above the newest entry of ``current``; a missing changelog starts with the first release."""
    if current is None:
        current = CHANGELOG_HEADER + "\n" + FIRST_ENTRY.format(version=facts.old_version, spec=facts.old_spec)
    head, marker, rest = current.partition("\n## ")
    if not marker:
        return current.rstrip() + "\n\n" + entry
    return f"{head}\n{entry}\n## {rest}"


def dead_target(
    source: str,
    version: str,
    error: DeadTarget,
    description: str,
    failures: Sequence[Failure],
    dangling: dict[str, list[str]],
) -> str:
    """Why the update stopped: the first overlay action whose target the new spec no longer has."""
    lines = [
        f"The overlays no longer apply to {source} (info.version {version}).",
        "",
        f"First failing action: overlays/{error.source}, action #{error.index}",
        f"  target:    {error.target}",
        f"  it fixes:  {' '.join(description.split())}",
        f"  new spec:  {error.near}",
        "",
        "Every action that fails on the new spec (a later one may fail only because an earlier one did):",
        *(f"  - overlays/{f.source} action #{f.index}: {f.target} {f.reason}" for f in failures),
    ]
    if dangling:
        lines += ["", "References the overlays make to what the new spec lacks:"]
        lines += [
            f"  - {ref} (in {', '.join(files) or 'no overlay file by that text'})" for ref, files in dangling.items()
        ]
    lines += [
        "",
        "Nothing in the repository was changed. Adapt or delete these actions, then run `make update-spec` again.",
    ]
    return "\n".join(lines)
