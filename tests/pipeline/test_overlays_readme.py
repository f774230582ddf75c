"""overlays/README.md accounts for every upstream defect (D1-D43) and every overlay file, and quotes the file.

A `fixed` row must name overlay files that exist and whose action descriptions cite the defect ("D27", or
the number in a list such as "D2, D3"); a `left` row must say why. Its "the published file says" cell
quotes openapi/voice-v1.yaml: every backticked quote occurs in it verbatim (whitespace runs counted as one space,
as YAML folds lines), and a quote written `absent: ...` does not occur at all. A defect of the documentation or the
SDKs says "not in the file".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
OVERLAYS = ROOT / "overlays"
README = OVERLAYS / "README.md"
PUBLISHED = ROOT / "openapi" / "voice-v1.yaml"
DEFECTS = range(1, 44)
ROW = re.compile(r"^\|\s*D(\d+)\s*\|")
FILE = re.compile(r"\d\d-[a-z0-9-]+\.yaml")
CITATION = re.compile(r"\bD([1-9][0-9]?)\b")
# A Markdown code span: a run of backticks, the text, the same run (so ``a `b` c`` can quote backticks).
CODE = re.compile(r"(?P<absent>absent:\s*)?(?P<ticks>`+)(?P<text>.+?)(?<!`)(?P=ticks)(?!`)")
NOT_IN_FILE = "not in the file"


@dataclass(frozen=True)
class Quote:
    text: str
    present: bool  # False: written `absent: ...`, must not occur


@dataclass(frozen=True)
class Row:
    number: int
    says: str
    status: str
    files: list[str]
    reason: str

    @property
    def quotes(self) -> list[Quote]:
        return quotes(self.says)


def quotes(cell: str) -> list[Quote]:
    found = []
    for match in CODE.finditer(cell):
        text = match["text"]
        if len(match["ticks"]) > 1 and text.startswith(" ") and text.endswith(" "):
            text = text[1:-1]  # CommonMark: ``␠x␠`` is `x`
        found.append(Quote(normalised(text), not match["absent"]))
    return found


def normalised(text: str) -> str:
    return " ".join(text.split())


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
            assert len(cells) == 6, f"a defect row has 6 cells: {line}"
            rows.append(Row(int(match.group(1)), cells[2], cells[3], FILE.findall(cells[4]), cells[5]))
    return rows


def cited(path: Path) -> set[int]:
    """Defect numbers that the action descriptions of an overlay file cite."""
    actions = yaml.safe_load(path.read_text(encoding="utf-8"))["actions"]
    return {n for action in actions for n in cited_text(" ".join(action["description"].split()))}


def cited_text(text: str) -> set[int]:
    return {int(match.group(1)) for match in CITATION.finditer(text)}


ROWS = defect_rows()
IDS = [f"D{row.number}" for row in ROWS]
FILE_TEXT = normalised(PUBLISHED.read_text(encoding="utf-8"))


def test_every_defect_appears_exactly_once() -> None:
    numbers = [row.number for row in ROWS]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    assert not duplicates, f"defects listed more than once: {duplicates}"
    assert sorted(numbers) == list(DEFECTS), f"missing: {sorted(set(DEFECTS) - set(numbers))}"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_each_row_is_fixed_by_existing_files_citing_it_or_left_with_a_reason(row: Row) -> None:
    assert row.status in ("fixed", "left"), f"D{row.number}: status must be fixed or left, not {row.status!r}"
    for name in row.files:
        assert (OVERLAYS / name).is_file(), f"D{row.number} names {name}, which does not exist"
    if row.status == "fixed":
        assert row.files, f"D{row.number} is fixed but names no overlay file"
        silent = [name for name in row.files if row.number not in cited(OVERLAYS / name)]
        assert not silent, f"D{row.number}: no action description in {silent} cites 'D{row.number}'"
    else:
        assert len(row.reason) > 20, f"D{row.number} is left without a reason"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_each_row_quotes_the_published_file_or_says_the_defect_is_not_in_it(row: Row) -> None:
    assert any(q.present for q in row.quotes) or row.says.startswith(NOT_IN_FILE), (
        f"D{row.number}: quote what the published file says, or start with '{NOT_IN_FILE}'"
    )
    for quote in row.quotes:
        if quote.present:
            assert quote.text in FILE_TEXT, f"D{row.number}: the published file does not say `{quote.text}`"
        else:
            assert quote.text not in FILE_TEXT, f"D{row.number}: the published file does say `{quote.text}`"


def test_the_file_list_names_every_overlay_file_once() -> None:
    listed = FILE.findall(section(README.read_text(encoding="utf-8"), "## The files"))
    assert sorted(listed) == sorted(path.name for path in OVERLAYS.glob("*.yaml"))


def test_the_citation_pattern_reads_lists() -> None:
    assert cited_text("Upstream defect (D2, D3): ...") == {2, 3}
    assert cited_text("D27, second half; D8") == {27, 8}
    assert cited_text("DTMF, D2x, 3D9, UD1 and H264") == set()


def test_the_quote_reader_reads_spans_with_backticks_and_absent_quotes() -> None:
    cell = "`a:  b` and ``say `x` here`` but absent: `gone`"
    assert quotes(cell) == [Quote("a: b", True), Quote("say `x` here", True), Quote("gone", False)]
