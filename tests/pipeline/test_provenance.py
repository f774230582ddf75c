"""openapi/voice-v1.yaml is the published file its provenance record in openapi/README.md says it is, and
`make update-spec` reads a new file into exactly what it stores and records (tools.new_spec, tools.provenance).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import provenance, update_spec
from tools.new_spec import read_spec
from tools.provenance import Provenance, ProvenanceError

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "openapi" / "voice-v1.yaml"
README = REPO / "openapi" / "README.md"
RECORD = provenance.read(README.read_text(encoding="utf-8"))


def test_the_vendored_file_matches_its_recorded_sha256_and_the_record_names_it() -> None:
    assert hashlib.sha256(SPEC.read_bytes()).hexdigest() == RECORD.sha256
    assert f"| file | `{provenance.SPEC_FILE}` |" in README.read_text(encoding="utf-8")
    assert SPEC == REPO / provenance.SPEC_FILE


def test_the_record_agrees_with_what_the_file_says_about_itself() -> None:
    text = SPEC.read_text(encoding="utf-8")
    own = provenance.archive_lines(text)
    assert RECORD.version == str(yaml.safe_load(text)["info"]["version"])
    assert (RECORD.source, RECORD.named_by_archive) == (own["from"], True)
    assert (RECORD.archived_on, RECORD.dated_by_archive) == (own["on"], True)
    assert RECORD.published_sha256 is None  # stored as published, not converted


def test_reading_the_vendored_file_gives_its_bytes_and_its_record() -> None:
    new = read_spec(SPEC)
    assert new.data == SPEC.read_bytes()
    assert new.provenance == RECORD


def test_a_yaml_file_is_kept_byte_for_byte(tmp_path: Path) -> None:
    odd = tmp_path / "voice.yaml"
    odd.write_bytes(b"# a comment of theirs\r\nopenapi: 3.0.0\r\ninfo: {title: t, version: '2'}\r\npaths: {}\r\n")
    new = read_spec(odd, archived_on="2027-02-03")
    assert new.data == odd.read_bytes()  # CRLF and comments included
    assert (new.provenance.source, new.provenance.archived_on) == ("voice.yaml", "2027-02-03")
    assert not new.provenance.named_by_archive and not new.provenance.dated_by_archive


def test_a_source_name_that_would_break_the_table_is_recorded_readably(tmp_path: Path) -> None:
    spec = tmp_path / "voice.yaml"
    spec.write_text(
        "# x-archived-from: a|b`c.yml\nopenapi: 3.0.0\ninfo: {title: t, version: '2'}\npaths: {}\n", "utf-8"
    )
    record = provenance.read(read_spec(spec).provenance.render())
    assert (record.source, record.named_by_archive, record.archived_on) == ("a/b'c.yml", True, None)


def test_a_json_file_is_converted_and_the_record_says_so(tmp_path: Path) -> None:
    source = tmp_path / "voice.json"
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    source.write_text(json.dumps(document), encoding="utf-8")
    new = read_spec(source)
    assert yaml.safe_load(new.data) == document
    assert new.provenance.sha256 == provenance.sha256(new.data)
    assert new.provenance.published_sha256 == provenance.sha256(source.read_bytes())
    assert new.provenance.archived_on is None
    rendered = new.provenance.render()
    assert "converted from the published JSON" in rendered and "not recorded" in rendered
    assert provenance.read(rendered) == new.provenance


def test_the_same_document_as_json_is_a_no_op(tmp_path: Path, capsys: Any) -> None:
    root = tmp_path / "repo"
    (root / "openapi").mkdir(parents=True)
    (root / "openapi" / "voice-v1.yaml").write_bytes(SPEC.read_bytes())
    source = tmp_path / "voice.json"
    source.write_text(json.dumps(yaml.safe_load(SPEC.read_text(encoding="utf-8"))), encoding="utf-8")
    assert update_spec.main([str(source), "--root", str(root)]) == 0
    assert "Nothing changed" in capsys.readouterr().out
    assert [p.name for p in root.rglob("*") if p.is_file()] == ["voice-v1.yaml"]


@pytest.mark.parametrize(
    ("archive", "given", "message"),
    [
        ("# x-archived-on: 2026-10-08\n", "2027-01-01", "contradicts"),
        ("# x-archived-on: last tuesday\n", None, "not a date"),
        ("", "01/02/2027", "--archived-on is '01/02/2027', not a date"),
    ],
)
def test_bad_archive_dates_stop_the_update_with_a_message(
    tmp_path: Path, capsys: Any, archive: str, given: str | None, message: str
) -> None:
    spec = tmp_path / "voice.yaml"
    spec.write_text(archive + "openapi: 3.0.0\ninfo: {title: t, version: '2'}\npaths: {}\n", encoding="utf-8")
    args = [str(spec), "--root", str(tmp_path)] + (["--archived-on", given] if given else [])
    assert update_spec.main(args) == 1
    assert message in capsys.readouterr().err


def test_a_file_that_is_not_text_stops_the_update(tmp_path: Path, capsys: Any) -> None:
    spec = tmp_path / "voice.yaml"
    spec.write_bytes(b"openapi: 3.0.0\n\xff\xfe\n")
    assert update_spec.main([str(spec), "--root", str(tmp_path)]) == 1
    assert "is not UTF-8 text" in capsys.readouterr().err


def test_rewriting_the_record_keeps_the_rest_of_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    other = Provenance("voice.json", "1.11.0", "ab" * 32, None, False, False, "cd" * 32)
    rewritten = provenance.rewrite(readme, other)
    assert provenance.read(rewritten) == other
    assert rewritten.split(provenance.START)[0] == readme.split(provenance.START)[0]
    assert rewritten.split(provenance.END)[1] == readme.split(provenance.END)[1]
    assert provenance.read(provenance.rewrite(None, other)) == other


def test_a_readme_without_a_record_is_reported() -> None:
    with pytest.raises(ProvenanceError, match="no provenance record"):
        provenance.read("# openapi/\n")
