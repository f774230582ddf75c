"""The overlay applier: Overlay 1.0 semantics, ordering, dead targets, and validation of the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.generate import Layout, PipelineError, patch_spec
from tools.overlay import DeadTargetError, Overlay, OverlayError, apply, load_overlays


def overlay(*actions: dict[str, Any], source: str = "test.yaml") -> Overlay:
    return Overlay.from_document(
        {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}, source=source
    )


def action(target: str, **kind: Any) -> dict[str, Any]:
    return {"target": target, "description": "test action", **kind}


def small_spec() -> dict[str, Any]:
    return {
        "openapi": "3.0.0",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {
            "/": {"get": {"operationId": "list", "responses": {"200": {"description": "OK"}}}},
            "/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {"operationId": "one", "responses": {"200": {"description": "OK"}}},
            },
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "required": ["a"],
                    "properties": {"a": {"type": "string", "format": "uuid"}},
                },
                "Tags": {"type": "array"},
            }
        },
    }


def test_update_merges_objects_recursively_and_replaces_scalars_and_arrays() -> None:
    spec = small_spec()
    result = apply(
        spec,
        [
            overlay(
                action(
                    "$.components.schemas.Thing",
                    update={"required": ["b"], "properties": {"a": {"format": "date"}, "b": {"type": "integer"}}},
                )
            )
        ],
    )
    thing = result["components"]["schemas"]["Thing"]
    assert thing["required"] == ["b"]
    assert thing["properties"]["a"] == {"type": "string", "format": "date"}
    assert thing["properties"]["b"] == {"type": "integer"}
    assert spec["components"]["schemas"]["Thing"]["required"] == ["a"], "the input document must not be modified"


def test_update_on_an_array_target_appends() -> None:
    result = apply(
        {"tags": [{"name": "a"}]},
        [overlay(action("$.tags", update={"name": "b"}), action("$.tags", update=[{"name": "c"}]))],
    )
    assert [tag["name"] for tag in result["tags"]] == ["a", "b", "c"]


def test_remove_deletes_every_match_including_several_array_indices() -> None:
    doc = {"x": list(range(12)), "paths": {"/": {}, "/{id}": {}, "/keep": {}}}
    result = apply(doc, [overlay(action("$.x[1,10,11]", remove=True), action("$.paths['/','/{id}']", remove=True))])
    assert result["x"] == [0, 2, 3, 4, 5, 6, 7, 8, 9]
    assert result["paths"] == {"/keep": {}}


def test_filter_queries_are_rfc9535() -> None:
    result = apply(
        small_spec(), [overlay(action("$..[?@.type == 'array' && !@.items]", update={"items": {"type": "string"}}))]
    )
    assert result["components"]["schemas"]["Tags"] == {"type": "array", "items": {"type": "string"}}


def test_copy_moves_a_path_item_to_a_new_key() -> None:
    result = apply(
        small_spec(),
        [
            overlay(
                action("$.paths", update={"/v1/things": {}}),
                action("$.paths['/v1/things']", copy="$.paths['/']"),
                action("$.paths['/']", remove=True),
            )
        ],
    )
    assert list(result["paths"]) == ["/{id}", "/v1/things"]
    assert result["paths"]["/v1/things"]["get"]["operationId"] == "list"


def test_actions_and_files_apply_in_order(tmp_path: Path) -> None:
    (tmp_path / "20-second.yaml").write_text(
        yaml.safe_dump({"overlay": "1.0.0", "actions": [action("$.info", update={"title": "second"})]})
    )
    (tmp_path / "10-first.yaml").write_text(
        yaml.safe_dump(
            {
                "overlay": "1.0.0",
                "actions": [action("$.info", update={"title": "first"}), action("$.info", update={"x-seen": "first"})],
            }
        )
    )
    overlays = load_overlays(tmp_path)
    assert [o.source for o in overlays] == ["10-first.yaml", "20-second.yaml"]
    assert apply({"info": {}}, overlays)["info"] == {"title": "second", "x-seen": "first"}


def test_later_actions_see_earlier_changes() -> None:
    result = apply({"a": {}}, [overlay(action("$.a", update={"b": {}}), action("$.a.b", update={"c": 1}))])
    assert result == {"a": {"b": {"c": 1}}}


def test_dead_target_names_file_index_and_what_is_near() -> None:
    with pytest.raises(DeadTargetError) as caught:
        apply(
            small_spec(),
            [
                overlay(
                    action("$.info", update={}),
                    action("$.components.schemas.Thing.properties.gone", update={}),
                    source="07-fix.yaml",
                )
            ],
        )
    message = str(caught.value)
    assert "07-fix.yaml" in message and "action #1" in message
    assert "$['components']['schemas']['Thing']['properties'] has ['a']" in message


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ({"actions": [action("$.a", update={})]}, "not an Overlay 1.x document"),
        ({"overlay": "1.0.0", "actions": []}, "non-empty list"),
        ({"overlay": "1.0.0", "actions": [{"target": "$.a", "update": {}}]}, "description"),
        ({"overlay": "1.0.0", "actions": [action("$.a", update={}, remove=True)]}, "exactly one of"),
        ({"overlay": "1.0.0", "actions": [action("$.a")]}, "exactly one of"),
        ({"overlay": "1.0.0", "actions": [action("$.a[?@.b = 1]", update={})]}, "not RFC 9535 JSONPath"),
    ],
)
def test_malformed_overlays_are_refused(bad: dict[str, Any], fragment: str) -> None:
    with pytest.raises(OverlayError, match=fragment):
        Overlay.from_document(bad, source="bad.yaml")


def test_update_of_a_scalar_target_is_refused() -> None:
    with pytest.raises(OverlayError, match="is a scalar"):
        apply({"a": "text"}, [overlay(action("$.a", update={"b": 1}))])


def write_layout(root: Path, *overlay_docs: dict[str, Any]) -> Layout:
    (root / "openapi").mkdir()
    (root / "overlays").mkdir()
    (root / "openapi" / "voice-v1.yaml").write_text(yaml.safe_dump(small_spec()))
    for number, doc in enumerate(overlay_docs):
        (root / "overlays" / f"{number:02d}-x.yaml").write_text(yaml.safe_dump(doc))
    return Layout(root)


def test_pipeline_refuses_an_invalid_result(tmp_path: Path) -> None:
    layout = write_layout(
        tmp_path, {"overlay": "1.0.0", "actions": [action("$.paths['/'].get", update={"responses": "none"})]}
    )
    with pytest.raises(PipelineError, match="not valid OpenAPI"):
        patch_spec(layout)


def test_pipeline_output_is_deterministic(tmp_path: Path) -> None:
    layout = write_layout(tmp_path, {"overlay": "1.0.0", "actions": [action("$.info", update={"x-a": 1})]})
    first = patch_spec(layout)
    assert first == patch_spec(layout)
    assert first.startswith("# GENERATED")
    assert yaml.safe_load(first)["info"]["x-a"] == 1
