"""tools.refs: the one reader of local $refs that the change report, the generator's direction marks, the retry rules
and the baseline checks share. A document being checked may be broken, so nothing raises."""

from __future__ import annotations

from typing import Any

from tools.baseline import dangling_refs
from tools.refs import deref, iter_refs, reachable_schemas, resolve

DOC: dict[str, Any] = {
    "paths": {
        "/calls": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Create"}}}},
                "responses": {"400": {"$ref": "#/components/responses/BadRequest"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Create": {"properties": {"to": {"items": {"$ref": "#/components/schemas/Endpoint"}}}},
            "Endpoint": {"oneOf": [{"$ref": "#/components/schemas/Phone"}, {"$ref": "#/components/schemas/Gone"}]},
            "Phone": {"properties": {"number": {"type": "string"}}},
            "Problem": {"properties": {"title": {"type": "string"}}},
            "a/b": {"type": "string"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
            "Alias": {"$ref": "#/components/schemas/Phone"},
        },
        "responses": {
            "BadRequest": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
    },
}


def test_a_pointer_resolves_with_escapes_and_says_none_for_what_is_not_there() -> None:
    assert resolve(DOC, "#/components/schemas/a~1b") == {"type": "string"}
    assert resolve(DOC, "#/components/schemas/Gone") is None
    assert resolve(DOC, "other.yaml#/components/schemas/Phone") is None


def test_a_chain_is_followed_to_its_end_and_a_cycle_or_a_dangling_end_is_empty() -> None:
    assert deref(DOC, {"$ref": "#/components/schemas/Alias"}) == DOC["components"]["schemas"]["Phone"]
    assert deref(DOC, {"$ref": "#/components/schemas/Loop"}) == {}
    assert deref(DOC, {"$ref": "#/components/schemas/Gone"}) == {}
    assert deref(DOC, {"type": "string"}) == {"type": "string"}


def test_reach_follows_schema_and_response_references_and_skips_dangling_ones() -> None:
    operation = DOC["paths"]["/calls"]["post"]
    assert reachable_schemas(DOC, operation["requestBody"]) == {"Create", "Endpoint", "Phone"}
    assert reachable_schemas(DOC, operation["responses"]) == {"Problem"}
    assert reachable_schemas(DOC, {"$ref": "#/components/schemas/Loop"}) == {"Loop"}


def test_every_reference_is_listed_and_the_dangling_one_reported() -> None:
    assert sorted(iter_refs(DOC["components"]["schemas"]["Endpoint"])) == [
        "#/components/schemas/Gone",
        "#/components/schemas/Phone",
    ]
    assert dangling_refs(DOC) == {"#/components/schemas/Gone"}
