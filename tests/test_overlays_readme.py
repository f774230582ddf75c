"""overlays/README.md accounts for every upstream defect (facts section 6, numbers 1-43) and for every overlay file.

A `fixed` row must name overlay files that exist and whose action descriptions cite the defect ("facts 6.N", or
the number in a list such as "facts 6.2, 6.3"); a `left` row must say why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

OVERLAYS = Path(__file__).resolve().parents[1] / "overlays"
README = OVERLAYS / "README.md"
DEFECTS = range(1, 44)
ROW = re.compile(r"^\|\s*6\.(\d+)\s*\|")
FILE = re.compile(r"\d\d-[a-z0-9-]+\.yaml")
CITATION = re.compile(r"facts (6\.\d+(?:(?:, | and )6\.\d+)*)")


@dataclass(frozen=True)
class Row:
    number: int
    status: str
    files: list[str]
    reason: str


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else None]


def defect_rows() -> list[Row]:
    rows: list[Row] = []
    for line in section(README.read_text(encoding="utf-8"), "## Upstream defects").splitlines():
        match = ROW.match(line)
        if match:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            assert len(cells) == 5, f"a defect row has 5 cells: {line}"
            rows.append(Row(int(match.group(1)), cells[2], FILE.findall(cells[3]), cells[4]))
    return rows


def cited(path: Path) -> set[int]:
    """Defect numbers that the action descriptions of an overlay file cite."""
    actions = yaml.safe_load(path.read_text(encoding="utf-8"))["actions"]
    return {n for action in actions for n in cited_text(" ".join(action["description"].split()))}


def cited_text(text: str) -> set[int]:
    return {int(n) for match in CITATION.finditer(text) for n in re.findall(r"6\.(\d+)", match.group(1))}


ROWS = defect_rows()


def test_every_defect_appears_exactly_once() -> None:
    numbers = [row.number for row in ROWS]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    assert not duplicates, f"defects listed more than once: {duplicates}"
    assert sorted(numbers) == list(DEFECTS), f"missing: {sorted(set(DEFECTS) - set(numbers))}"


@pytest.mark.parametrize("row", ROWS, ids=[f"6.{row.number}" for row in ROWS])
def test_each_row_is_fixed_by_existing_files_citing_it_or_left_with_a_reason(row: Row) -> None:
    assert row.status in ("fixed", "left"), f"6.{row.number}: status must be fixed or left, not {row.status!r}"
    for name in row.files:
        assert (OVERLAYS / name).is_file(), f"6.{row.number} names {name}, which does not exist"
    if row.status == "fixed":
        assert row.files, f"6.{row.number} is fixed but names no overlay file"
        silent = [name for name in row.files if row.number not in cited(OVERLAYS / name)]
        assert not silent, f"6.{row.number}: no action description in {silent} cites 'facts 6.{row.number}'"
    else:
        assert len(row.reason) > 20, f"6.{row.number} is left without a reason"


def test_the_file_list_names_every_overlay_file_once() -> None:
    listed = FILE.findall(section(README.read_text(encoding="utf-8"), "## The files"))
    assert sorted(listed) == sorted(path.name for path in OVERLAYS.glob("*.yaml"))


def test_the_citation_pattern_reads_lists() -> None:
    assert cited_text("Upstream defect (facts 6.2, 6.3): ...") == {2, 3}
    assert cited_text("facts 6.27, second half; facts 6.8") == {27, 8}
