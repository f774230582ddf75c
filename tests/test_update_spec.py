"""`make update-spec`: the spec and API diffs, the version bump, and three runs on copies of the repository.

The runs never touch this checkout: each copies what the pipeline reads (openapi/, overlays/, the version file)
into a temporary folder and runs the update there with ``--root``. They copy today's overlays, so assertions stick
to what the spec change itself must produce, not to names an overlay chose.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import update_spec
from tools.api_diff import compare_types
from tools.change_report import Change, Facts, prepend_entry
from tools.generate import Layout, generate
from tools.overlay import load_overlays
from tools.spec_diff import diff_specs

REPO = Path(__file__).resolve().parent.parent
SPECS = Path(__file__).resolve().parent / "data" / "specs"
CURRENT = REPO / "openapi" / "voice-v1.yaml"


# ---- helpers --------------------------------------------------------------------------------------------------


def repo_copy(root: Path, spec: Path) -> Layout:
    """What the pipeline reads, copied under ``root``, with ``spec`` as the vendored upstream document."""
    layout = Layout(root)
    layout.spec.parent.mkdir(parents=True)
    shutil.copyfile(REPO / "openapi" / "generator.yaml", layout.config)
    shutil.copytree(REPO / "openapi" / "templates", layout.templates)
    shutil.copyfile(spec, layout.spec)
    shutil.copytree(REPO / "overlays", layout.overlays)
    update_spec.version_file(layout).parent.mkdir(parents=True)
    shutil.copyfile(REPO / "src" / "vonage_voice_client" / "__init__.py", update_spec.version_file(layout))
    shutil.copyfile(REPO / "CHANGELOG.md", update_spec.changelog_file(layout))
    return layout


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


def test_json_input_becomes_yaml_with_a_header_naming_source_and_version(tmp_path: Path) -> None:
    source = tmp_path / "voice.json"
    document = yaml.safe_load(CURRENT.read_text(encoding="utf-8"))
    source.write_text(json.dumps(document), encoding="utf-8")
    new = update_spec.read_spec(source)
    header = new.text.split("\nopenapi:", 1)[0]
    assert "voice.json" in header and f"info.version {document['info']['version']}" in header
    assert yaml.safe_load(new.text) == document
    # Re-reading a file that an update wrote replaces its header instead of stacking a second one.
    again = tmp_path / "voice.yaml"
    again.write_text(new.text, encoding="utf-8")
    assert update_spec.read_spec(again).text.count("# Source:") == 1


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


# ---- the three fixture runs -----------------------------------------------------------------------------------


def test_fixture_137_is_upstream_137() -> None:
    old = yaml.safe_load((SPECS / "voice-v1-1.3.7.yaml").read_text(encoding="utf-8"))
    assert old["info"]["version"] == "1.3.7"
    assert "/{uuid}/input/dtmf" not in old["paths"] and "EndpointApp" not in old["components"]["schemas"]


@pytest.fixture(scope="module")
def from_137(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, update_spec.Result, str]:
    """A repository at upstream 1.3.7, without a generated package (it cannot take today's overlays), updated."""
    layout = repo_copy(tmp_path_factory.mktemp("repo137"), SPECS / "voice-v1-1.3.7.yaml")
    old_version = update_spec.read_version(layout)
    result = update_spec.update(layout, CURRENT)
    assert result is not None
    return layout, result, old_version


def test_137_to_110_reports_the_new_operations_endpoints_limits_and_enums(
    from_137: tuple[Layout, update_spec.Result, str],
) -> None:
    _, result, _ = from_137
    spec_changes = result.spec_changes
    assert not find(spec_changes, "operation", "PUT /{uuid}/input/dtmf").breaking
    assert not find(spec_changes, "operation", "DELETE /{uuid}/input/dtmf").breaking
    assert not find(spec_changes, "schema", "EndpointApp").breaking
    assert find(spec_changes, "variant", "CreateCallRequestBase.to[]").detail == "EndpointApp"
    length = find(spec_changes, "limit", "CreateCallRequestBase.length_timer")
    assert "7200 → 86400" in length.detail and not length.breaking
    assert not find(spec_changes, "limit", "AddressWebsocket").breaking
    assert find(spec_changes, "enum value", "EndpointWebsocket.content-type").detail == '"audio/l16;rate=24000"'
    unmute = [c for c in spec_changes if c.where == "UpdateCallRequestUnmute.action"]
    assert {(c.kind, c.detail, c.breaking) for c in unmute} == {
        ("removed", '"mute"', True),
        ("added", '"unmute"', False),
    }
    assert find(spec_changes, "required", "EndpointSip.uri").breaking
    assert find(spec_changes, "format", "start_time").breaking
    assert find(spec_changes, "shape", "GetCallResponse.to").breaking
    assert "Play DTMF" in find(spec_changes, "tag", "PUT /{uuid}/dtmf").detail
    assert result.level == "major"


def test_137_to_110_reports_the_python_api_changes(from_137: tuple[Layout, update_spec.Result, str]) -> None:
    _, result, _ = from_137
    api = result.api_changes
    assert any(c.kind == "added" and c.where == "models.EndpointApp" for c in api)
    assert any(c.kind == "removed" and c.where == "api.play_dtmf" and c.breaking for c in api)
    assert any(c.kind == "added" and c.where.startswith("api.dtmf") and "subscribe_dtmf" in c.detail for c in api)
    assert find(api, "field", "models.EndpointSip.uri").breaking
    assert "## Overlay actions left out of the before-state" in result.report


def test_137_to_110_installs_spec_package_report_changelog_and_version(
    from_137: tuple[Layout, update_spec.Result, str],
) -> None:
    layout, result, old_version = from_137
    assert result.new_version == update_spec.bump(old_version, "major") == update_spec.read_version(layout)
    header = layout.spec.read_text(encoding="utf-8").split("\nopenapi:", 1)[0]
    assert "voice-v1.yaml, info.version 1.10.0" in header
    assert yaml.safe_load(layout.spec.read_text(encoding="utf-8")) == yaml.safe_load(CURRENT.read_text("utf-8"))
    assert 'SPEC_VERSION = "1.10.0"' in (layout.package / "__init__.py").read_text(encoding="utf-8")
    assert layout.patched.is_file()
    report = layout.spec.parent / "CHANGES-1.3.7-to-1.10.0.md"
    assert report.read_text(encoding="utf-8") == result.report
    changelog = update_spec.changelog_file(layout).read_text(encoding="utf-8")
    newest = changelog.split("\n## ")[1]
    assert newest.startswith(f"{result.new_version} (") and "1.3.7 → 1.10.0" in newest.splitlines()[0]


@pytest.fixture(scope="module")
def generated_repo(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    """A repository at the vendored spec, generated as `make generate` would (the usual starting point)."""
    layout = repo_copy(tmp_path_factory.mktemp("repo110"), CURRENT)
    generate(layout)
    return layout


def test_a_breaking_release_is_reported_as_breaking_with_a_major_bump(
    generated_repo: Layout, tmp_path: Path, capsys: Any
) -> None:
    shutil.copytree(generated_repo.root, tmp_path / "repo")
    layout = Layout(tmp_path / "repo")
    old_version = update_spec.read_version(layout)
    code = update_spec.main([str(SPECS / "voice-v1-next-breaking.yaml"), "--root", str(layout.root)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert update_spec.read_version(layout) == update_spec.bump(old_version, "major")
    assert "**major**" in out
    for line in (
        "- removed field `GetCallResponse.network` (response)",
        '- removed enum value `StartTalkRequest.language` (request): "no-NO"',
        "- added parameter `GET / query region`: required",
    ):
        assert line in out.split("### Not breaking")[0], line
    assert "- added field `GetCallResponse.sip_code` (response): optional" in out
    api = out.split("## Python API changes")[1]
    assert ".sync(region)`" in api.split("### Not breaking")[0]
    assert ".network`" in api.split("### Not breaking")[0]


def test_a_vanished_overlay_target_stops_the_update_and_changes_nothing(
    generated_repo: Layout, tmp_path: Path, capsys: Any
) -> None:
    shutil.copytree(generated_repo.root, tmp_path / "repo")
    layout = Layout(tmp_path / "repo")
    before = snapshot(layout.root)
    code = update_spec.main([str(SPECS / "voice-v1-next-renamed.yaml"), "--root", str(layout.root)])
    err = capsys.readouterr().err
    assert code == 1
    # The first action (in file order) that targets the renamed schema is the one to name.
    source, index = next(
        (overlay.source, index)
        for overlay in load_overlays(layout.overlays)
        for index, action in enumerate(overlay.actions)
        if "conversation_uuid" in action["target"]
    )
    assert f"First failing action: overlays/{source}, action #{index}" in err
    assert "ConversationId" in err  # what the new spec has near the target
    assert "Nothing in the repository was changed" in err
    assert snapshot(layout.root) == before
