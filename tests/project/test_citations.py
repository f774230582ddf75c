"""Nothing in the repository cites a document outside it: no design notes or fact sheets that only some readers have,
and every relative Markdown link (with its #anchor) leads to a file, folder or heading of this repository.

Public sources are cited by name (the NCCO reference, the webhook reference, ...), listed with their addresses in
docs/architecture.md, "Sources"; upstream defects by their number in overlays/README.md (D1-D43).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Written in pieces, so that this file does not match its own patterns.
OUTSIDE = re.compile("|".join([r"DESIGN" + r"\.md", r"\bfacts (?:section )?[0-9]", r"voice-api-" + "facts", "/work/"]))
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def tracked(*patterns: str) -> list[Path]:
    listing = subprocess.run(["git", "ls-files", "-z", *patterns], cwd=ROOT, capture_output=True, check=True)
    paths = [ROOT / name for name in listing.stdout.decode().split("\0") if name]
    return [path for path in paths if path.is_file() and path != Path(__file__)]


def prose(markdown: str) -> str:
    """The text outside code blocks and code spans (where a link is quoted, not followed)."""
    without_blocks = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"(`+).+?\1", "", without_blocks)


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


def test_no_file_cites_a_document_outside_the_repository() -> None:
    found = []
    for path in tracked():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("document", tracked("*.md"), ids=lambda path: str(path.relative_to(ROOT)))
def test_relative_links_lead_inside_the_repository(document: Path) -> None:
    broken = []
    for target in LINK.findall(prose(document.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        name, _, anchor = target.partition("#")
        path = (document.parent / name).resolve() if name else document
        missing = not path.is_relative_to(ROOT) or not path.exists()
        if missing or (anchor and path.suffix == ".md" and anchor not in anchors(path.read_text(encoding="utf-8"))):
            broken.append(target)
    assert not broken, f"{document.relative_to(ROOT)}: {broken}"
