"""Where openapi/voice-v1.yaml comes from: its provenance record in openapi/README.md.

The record is a small table between two HTML comment markers: the file it describes, its source (the name Vonage
published it under, as the archive's ``# x-archived-from`` line gives it, else the name of the file given to
`make update-spec`), its info.version, its sha256, the archive's date and how it is stored. `make update-spec`
rewrites it with the spec; tests/pipeline/test_provenance.py checks it against the file. Nothing is written into the
spec itself: a YAML file is stored byte for byte, its comment lines included.

The archive date is the file's own ``# x-archived-on`` line, or the date given with ``--archived-on`` when the file
has none, or "not recorded": never the day the update ran, so the record of a file does not depend on when it was
installed.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass

SPEC_FILE = "openapi/voice-v1.yaml"
START = (
    "<!-- provenance of openapi/voice-v1.yaml: written by `make update-spec`, "
    "checked by tests/pipeline/test_provenance.py -->"
)
END = "<!-- end of provenance -->"
SECTION = "## Provenance of `voice-v1.yaml`"
ARCHIVE_LINE = re.compile(r"^#\s*x-archived-(?P<key>[a-z-]+):[ \t]*(?P<value>.*?)[ \t]*$")
ROW = re.compile(r"^\|\s*(?P<field>[^|]+?)\s*\|\s*(?P<value>.*?)\s*\|$")
QUOTED = re.compile(r"`([^`]+)`")
NOT_RECORDED = "not recorded"


class ProvenanceError(Exception):
    """The record or a date in it cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class Provenance:
    source: str  # the name the file was published (archived) under
    version: str  # its info.version
    sha256: str  # of openapi/voice-v1.yaml as stored
    archived_on: str | None  # YYYY-MM-DD, or None when not recorded
    named_by_archive: bool = True  # the source name is the file's own `# x-archived-from` line
    dated_by_archive: bool = True  # the date is the file's own `# x-archived-on` line (else given, or None)
    published_sha256: str | None = None  # of the published JSON, when it was converted to YAML

    def render(self) -> str:
        how = "as archived" if self.named_by_archive else "as given to `make update-spec`"
        if self.archived_on is None:
            date = f"{NOT_RECORDED} (the file has no `# x-archived-on` line and no `--archived-on` date was given)"
        elif self.dated_by_archive:
            date = f"`{self.archived_on}` (the file's own `# x-archived-on` line)"
        else:
            date = f"`{self.archived_on}` (given with `--archived-on`; the file has no `# x-archived-on` line)"
        if self.published_sha256 is None:
            stored = "byte for byte as published, comment lines included; nothing of ours is added to it"
        else:
            stored = (
                f"converted from the published JSON (its sha256: `{self.published_sha256}`) to YAML, key order "
                "kept; the sha256 above is that of the stored YAML"
            )
        rows = [
            ("file", f"`{SPEC_FILE}`"),
            ("source", f"Vonage's published Voice API v1 OpenAPI file, {how}: `{_cell(self.source)}`"),
            ("version", f"`{_cell(self.version)}` (its `info.version`)"),
            ("sha256", f"`{self.sha256}`"),
            ("archived on", date),
            ("stored", stored),
        ]
        lines = [START, "| field | value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows), END]
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """``text`` as one code span in a table cell: no backtick, pipe or line break can end it early."""
    return " ".join(text.replace("`", "'").replace("|", "/").split())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_lines(text: str) -> dict[str, str]:
    """The ``# x-archived-<key>: value`` lines of the comment block that opens ``text``."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        match = ARCHIVE_LINE.match(line.strip())
        if match:
            found.setdefault(match["key"], match["value"])
    return found


def check_date(value: str, where: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ProvenanceError(f"{where} is {value!r}, not a date (YYYY-MM-DD)") from None


def read(readme: str) -> Provenance:
    """The record in the text of openapi/README.md."""
    if START not in readme or END not in readme:
        raise ProvenanceError(f"no provenance record (no `{START}` ... `{END}` block)")
    block = readme.split(START, 1)[1].split(END, 1)[0]
    rows = {m["field"]: m["value"] for line in block.splitlines() if (m := ROW.match(line.strip()))}
    quoted = {name: QUOTED.findall(value) for name, value in rows.items()}
    missing = [name for name in ("file", "source", "version", "sha256") if not quoted.get(name)]
    missing += [name for name in ("archived on", "stored") if name not in rows]
    if missing:
        raise ProvenanceError(f"the provenance record lacks {', '.join(missing)}")
    if quoted["file"][0] != SPEC_FILE:
        raise ProvenanceError(f"the provenance record describes {quoted['file'][0]}, not {SPEC_FILE}")
    dated = not rows["archived on"].startswith(NOT_RECORDED)
    return Provenance(
        source=quoted["source"][-1],
        version=quoted["version"][0],
        sha256=quoted["sha256"][0],
        archived_on=check_date(quoted["archived on"][0] if quoted["archived on"] else "", "archived on")
        if dated
        else None,
        named_by_archive="as archived" in rows["source"],
        dated_by_archive="the file's own" in rows["archived on"],
        published_sha256=quoted["stored"][0] if quoted["stored"] else None,
    )


def rewrite(readme: str | None, record: Provenance) -> str:
    """``readme`` with its record replaced by ``record`` (appended under its own heading when it has none)."""
    block = record.render()
    if readme is None:
        readme = "# openapi/\n"
    if START in readme and END in readme:
        head, rest = readme.split(START, 1)
        return head + block.rstrip("\n") + rest.split(END, 1)[1]
    return f"{readme.rstrip()}\n\n{SECTION}\n\n{block}"
