"""`make update-spec`, its parts: the spec and API diffs, the version bump, the changelog, moving files into place.

Runs of the whole update on copies of the repository are in tests/pipeline/test_update_spec_runs.py; reading the new
file and its provenance record in tests/pipeline/test_provenance.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tools import update_spec
from tools.api_diff import compare_types
from tools.change_report import Change, Facts, prepend_entry
from tools.spec_diff import diff_specs

REPO = Path(__file__).resolve().parents[2]


# ---- helpers --------------------------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def find(changes: list[Change], what: str, where: str) -> Change:
    matches = [change for change in changes if change.what == what and change.where == where]
    assert len(matches) == 1, f"expected one {what} change at {where}, got {matches} among:\n" + "\n".join(
        change.line() for change in changes
    )
    return matches[0]


# ---- spec-level classification --------------------------------------------------------------------------------


def spec(**schemas: Any) -> dict[str, Any]:
    """A small document whose GET / answers Thing and whose POST / takes Order, with ``schemas`` merged in."""
    ok = {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}
    return {
        "openapi": "3.0.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/": {
                "get": {"operationId": "list", "parameters": [], "responses": {"200": ok}},
                "post": {"operationId": "order", "requestBody": body, "responses": {"201": {"description": "ok"}}},
            }
        },
        "components": {"schemas": schemas},
    }


THING = {"type": "object", "properties": {"a": {"type": "string"}, "kind": {"type": "string", "enum": ["x", "y"]}}}
ORDER = {
    "type": "object",
    "properties": {"n": {"type": "integer", "minimum": 1, "maximum": 10}, "mode": {"type": "string", "enum": ["p"]}},
}


def changed(mutate: Callable[[dict[str, Any]], None]) -> list[Change]:
    old = spec(Thing=THING, Order=ORDER)
    new = json.loads(json.dumps(old))
    mutate(new)
    return diff_specs(old, new)


def test_spec_diff_classifies_each_kind_of_change() -> None:
    schemas = "components", "schemas"

    def s(doc: dict[str, Any], name: str) -> dict[str, Any]:
        return doc[schemas[0]][schemas[1]][name]  # type: ignore[no-any-return]

    def param(doc: dict[str, Any], required: bool) -> None:
        doc["paths"]["/"]["get"]["parameters"].append(
            {"name": "q", "in": "query", "required": required, "schema": {"type": "string"}}
        )

    cases: list[tuple[Callable[[dict[str, Any]], None], str, str, bool]] = [
        (lambda d: s(d, "Thing")["properties"].pop("a"), "field", "Thing.a", True),
        (lambda d: s(d, "Thing")["properties"]["kind"].update(enum=["x"]), "enum value", "Thing.kind", True),
        (lambda d: s(d, "Thing")["properties"]["kind"].update(enum=["x", "y", "z"]), "enum value", "Thing.kind", False),
        (lambda d: param(d, True), "parameter", "GET / query q", True),
        (lambda d: param(d, False), "parameter", "GET / query q", False),
        (lambda d: s(d, "Order")["properties"].update(extra={"type": "string"}), "field", "Order.extra", False),
        (lambda d: s(d, "Order").update(required=["n"]), "required", "Order.n", True),
        (lambda d: s(d, "Thing").update(required=["a"]), "required", "Thing.a", False),
        (lambda d: s(d, "Order")["properties"]["n"].update(maximum=100), "limit", "Order.n", False),
        (lambda d: s(d, "Order")["properties"]["n"].update(maximum=5), "limit", "Order.n", True),
        (lambda d: s(d, "Thing")["properties"]["a"].update(maximum=5), "limit", "Thing.a", False),
        (lambda d: s(d, "Thing")["properties"]["a"].update(type="integer"), "shape", "Thing.a", True),
        (lambda d: s(d, "Thing")["properties"]["a"].update(format="date-time"), "format", "Thing.a", True),
        (lambda d: s(d, "Thing")["properties"]["a"].update(format="uri"), "format", "Thing.a", False),
        (lambda d: d["paths"]["/"].pop("post"), "operation", "POST /", True),
        (lambda d: d["paths"]["/"]["get"].update(operationId="listAll"), "operationId", "GET /", True),
    ]
    for mutate, what, where, breaking in cases:
        change = find(changed(mutate), what, where)
        assert change.breaking is breaking, change.line()


def test_spec_diff_reports_a_reshaped_node_once_and_an_added_subtree_at_its_root() -> None:
    def reshape(doc: dict[str, Any]) -> None:
        doc["components"]["schemas"]["Thing"] = {"oneOf": [{"$ref": "#/components/schemas/Order"}]}

    assert [c.what for c in changed(reshape)] == ["shape"]

    def add_object(doc: dict[str, Any]) -> None:
        doc["components"]["schemas"]["Order"]["properties"]["extra"] = THING

    assert [(c.what, c.where) for c in changed(add_object)] == [("field", "Order.extra")]


def test_spec_diff_reads_a_body_split_over_allof_parts_as_one_object() -> None:
    """1.3.7 writes createCall's bodies as allOf parts (one requires `ncco`, the next defines it, none says `type`);
    1.10.0 as one typed part. Nothing changed for a caller, so nothing may be reported."""
    base = {"type": "object", "properties": {"to": {"type": "string"}}}
    pieces = {
        "allOf": [
            {"required": ["n"]},
            {"properties": {"n": {"type": "integer"}}},
            {"$ref": "#/components/schemas/Base"},
        ]
    }
    whole = {
        "allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}},
        ]
    }
    assert diff_specs(spec(Thing=THING, Order=pieces, Base=base), spec(Thing=THING, Order=whole, Base=base)) == []


def test_spec_diff_reports_a_new_discriminator_as_breaking_for_requests() -> None:
    def with_discriminator(doc: dict[str, Any]) -> None:
        doc["components"]["schemas"]["Order"]["properties"]["mode"]["discriminator"] = {"propertyName": "kind"}

    change = find(changed(with_discriminator), "discriminator", "Order.mode")
    assert change.kind == "added" and change.breaking and "`kind` picks the variant" in change.detail


# ---- Python API comparison, versions, files -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        ("str | Unset", "str | Unset", "same"),
        ("A | B", "A | B | C", "widened"),
        ("Optional[A]", "A", "narrowed"),
        ("list[A | B]", "list[A | B | C]", "widened"),
        ("Literal['a', 'b']", "Literal['a']", "narrowed"),
        ("str", "datetime.datetime", "changed"),
        ("list[A]", "dict[str, A]", "changed"),
    ],
)
def test_compare_types(old: str, new: str, relation: str) -> None:
    assert compare_types(old, new) == relation


def test_bump_follows_the_most_serious_change() -> None:
    added = Change("added", "field", "X.a", "", False)
    widened = Change("changed", "limit", "X.b", "", False)
    removed = Change("removed", "field", "X.c", "", True)
    assert update_spec.bump_level([added, widened, removed]) == "major"
    assert update_spec.bump_level([added, widened]) == "minor"
    assert update_spec.bump_level([widened]) == "patch"
    assert [update_spec.bump("0.9.3", level) for level in ("major", "minor", "patch")] == ["1.0.0", "0.10.0", "0.9.4"]


def test_a_file_that_is_not_openapi_stops_the_update(tmp_path: Path, capsys: Any) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: a mapping\n", encoding="utf-8")
    assert update_spec.main([str(bad), "--root", str(tmp_path)]) == 1
    assert "not an OpenAPI 3 document" in capsys.readouterr().err


def test_changelog_entries_go_above_the_newest_one() -> None:
    facts = Facts("1.10.0", "1.11.0", "x.yaml", "0.1.0", "0.2.0", "minor", [], "", "2025-01-01")
    current = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    updated = prepend_entry(current, "## 0.2.0: new\n", facts)
    assert updated.index("## 0.2.0") < updated.index("## 0.1.0") and updated.startswith("# Changelog")
    created = prepend_entry(None, "## 0.2.0: new\n", facts)
    assert created.index("## 0.2.0") < created.index("## 0.1.0: Voice API spec 1.10.0")


def test_a_failure_while_moving_files_into_place_puts_the_originals_back(tmp_path: Path) -> None:
    (tmp_path / "dest").mkdir()
    (tmp_path / "dest" / "a.txt").write_text("old a", encoding="utf-8")
    (tmp_path / "dest" / "pkg").mkdir()
    (tmp_path / "dest" / "pkg" / "m.py").write_text("old m", encoding="utf-8")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "a.txt").write_text("new a", encoding="utf-8")
    (tmp_path / "new" / "pkg").mkdir()
    before = snapshot(tmp_path / "dest")
    moves = [
        (tmp_path / "new" / "a.txt", tmp_path / "dest" / "a.txt"),
        (tmp_path / "new" / "pkg", tmp_path / "dest" / "pkg"),
        (tmp_path / "new" / "missing.txt", tmp_path / "dest" / "b.txt"),  # fails: nothing staged there
    ]
    with pytest.raises(FileNotFoundError):
        update_spec.move_into_place(moves, tmp_path / "backup")
    assert snapshot(tmp_path / "dest") == before
