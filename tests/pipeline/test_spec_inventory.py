"""Both specs still hold everything the published Voice API v1 (1.10.0) document has.

The inventory (tests/data/published_1_10_0_inventory.yaml) was listed from the reference material and checked
against the published file itself, so an overlay that drops something, or a spec update that loses it, fails here
by name. The three components that 01-inline-talk-settings.yaml writes in place are listed apart: the upstream spec
has them, the patched spec has their schemas inside StartTalkRequest instead.

Overlays may move the `/v1/calls` prefix from the server into the paths and camelCase an operationId, so
operations are matched on their full URL path (server path + path key, trailing slash ignored) and operationIds
ignoring case and punctuation. Property and enum paths go through $ref, allOf/oneOf/anyOf and array items, so an
overlay may also wrap a type without failing this test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from vonage_voice_sandbox.spec.refs import follow_refs

ROOT = Path(__file__).resolve().parents[2]
INVENTORY_PATH = ROOT / "tests" / "data" / "published_1_10_0_inventory.yaml"
SPEC_PATHS = {
    "upstream": ROOT / "openapi" / "voice-v1.yaml",
    "patched": ROOT / "openapi" / "voice-v1.patched.yaml",
}
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
COMBINERS = ("allOf", "oneOf", "anyOf")

Node = Any  # a decoded YAML node: schemas, parameters and operations are dicts


@dataclass(frozen=True)
class Spec:
    name: str
    doc: dict[str, Any]


@dataclass(frozen=True)
class Operation:
    method: str
    url_path: str
    node: dict[str, Any]
    parameters: list[dict[str, Any]]


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def inventory() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(INVENTORY_PATH)
    return data


@pytest.fixture(scope="module", params=sorted(SPEC_PATHS))
def spec(request: pytest.FixtureRequest) -> Spec:
    name: str = request.param
    path = SPEC_PATHS[name]
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: it is committed (`make generate` writes it)"
    return Spec(name, load_yaml(path))


# ---- navigation ----------------------------------------------------------------------------------------------


def deref(doc: dict[str, Any], node: Node) -> Node:
    """Follow local `$ref`s (`#/a/b`) until the node is not a reference (a non-local or dangling one fails)."""
    return follow_refs(doc, node)


def op_key(operation_id: str) -> str:
    return re.sub(r"[^a-z0-9]", "", operation_id.lower())


def full_path(server_url: str, path_key: str) -> str:
    return (urlsplit(server_url).path.rstrip("/") + path_key).rstrip("/") or "/"


def operations(doc: dict[str, Any]) -> dict[str, Operation]:
    """The spec's operations keyed by normalised operationId."""
    server = doc.get("servers", [{"url": "/"}])[0]["url"]
    found: dict[str, Operation] = {}
    for path_key, item in doc.get("paths", {}).items():
        shared = [deref(doc, p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method in item:
                node = item[method]
                params = shared + [deref(doc, p) for p in node.get("parameters", [])]
                operation = Operation(method.upper(), full_path(server, path_key), node, params)
                found[op_key(node.get("operationId", ""))] = operation
    return found


def request_body_schema(doc: dict[str, Any], operation: Operation) -> Node | None:
    body = deref(doc, operation.node.get("requestBody"))
    if not isinstance(body, dict):
        return None
    return body.get("content", {}).get("application/json", {}).get("schema")


def root_schemas(doc: dict[str, Any], root: str) -> list[Node]:
    """A component schema, or for an operationId a schema whose properties are its parameters and body."""
    schemas = doc.get("components", {}).get("schemas", {})
    if root in schemas:
        return [schemas[root]]
    operation = operations(doc).get(op_key(root))
    if operation is None:
        return []
    synthetic: dict[str, Any] = {"properties": {p["name"]: p.get("schema", {}) for p in operation.parameters}}
    body = request_body_schema(doc, operation)
    if body is not None:
        synthetic["allOf"] = [body]
    return [synthetic]


def children(doc: dict[str, Any], node: Node, name: str, seen: frozenset[int] = frozenset()) -> list[Node]:
    """Every schema the property `name` of `node` can have, through $ref, combiners and array items."""
    node = deref(doc, node)
    if not isinstance(node, dict) or id(node) in seen:
        return []
    seen = seen | {id(node)}
    found: list[Node] = []
    properties = node.get("properties") or {}
    if name in properties:
        found.append(properties[name])
    for branch in [b for key in COMBINERS for b in node.get(key, [])] + ([node["items"]] if "items" in node else []):
        found.extend(children(doc, branch, name, seen))
    return found


def lookup(doc: dict[str, Any], dotted: str) -> list[Node]:
    """The schemas a dotted path (`Root.prop.prop`) reaches; empty when it reaches none."""
    root, *names = dotted.split(".")
    nodes = root_schemas(doc, root)
    for name in names:
        nodes = [child for node in nodes for child in children(doc, node, name)]
    return nodes


def enum_values(doc: dict[str, Any], node: Node, seen: frozenset[int] = frozenset()) -> list[Any]:
    """Enum values allowed at `node`: its own, behind a $ref, on its items or in a combiner branch."""
    node = deref(doc, node)
    if not isinstance(node, dict) or id(node) in seen:
        return []
    seen = seen | {id(node)}
    values = list(node.get("enum", []))
    for branch in [b for key in COMBINERS for b in node.get(key, [])] + ([node["items"]] if "items" in node else []):
        values.extend(enum_values(doc, branch, seen))
    return values


def report(spec: Spec, what: str, missing: list[str]) -> str:
    return f"{spec.name} spec lacks {len(missing)} published {what}:\n  " + "\n  ".join(missing)


# ---- tests -----------------------------------------------------------------------------------------------------


def test_inventory_is_complete() -> None:
    """Guards the inventory itself against a careless edit."""
    data = load_yaml(INVENTORY_PATH)
    assert len(data["operations"]) == 11
    assert len(data["enums"]["StartTalkRequest.language"]) == 46
    assert len(data["enums"]["StartTalkRequest.voice_name"]) == 96
    assert len(data["enums"]["getCalls.status"]) == 11


def test_operations(spec: Spec, inventory: dict[str, Any]) -> None:
    found = operations(spec.doc)
    missing: list[str] = []
    for entry in inventory["operations"]:
        method, path, operation_id = entry.split()
        operation = found.get(op_key(operation_id))
        expected = (method, full_path(inventory["server"], path))
        if operation is None or (operation.method, operation.url_path) != expected:
            missing.append(entry)
    assert not missing, report(spec, "operations", missing)


def test_parameters(spec: Spec, inventory: dict[str, Any]) -> None:
    found = operations(spec.doc)
    missing: list[str] = []
    for entry in inventory["parameters"]:
        operation_id, _, name = entry.partition(".")
        operation = found.get(op_key(operation_id))
        if operation is None or name not in {p["name"] for p in operation.parameters}:
            missing.append(entry)
    assert not missing, report(spec, "parameters", missing)


def test_schemas(spec: Spec, inventory: dict[str, Any]) -> None:
    schemas = spec.doc.get("components", {}).get("schemas", {})
    missing = [name for name in inventory["schemas"] if name not in schemas]
    assert not missing, report(spec, "component schemas", missing)


def test_properties(spec: Spec, inventory: dict[str, Any]) -> None:
    missing = [path for path in inventory["properties"] if not lookup(spec.doc, path)]
    assert not missing, report(spec, "properties", missing)


def test_enums(spec: Spec, inventory: dict[str, Any]) -> None:
    missing: list[str] = []
    for path, expected in inventory["enums"].items():
        allowed = [value for node in lookup(spec.doc, path) for value in enum_values(spec.doc, node)]
        missing.extend(f"{path}: {value}" for value in expected if value not in allowed)
    assert not missing, report(spec, "enum values", missing)


def test_components_written_in_place_keep_their_schema(inventory: dict[str, Any]) -> None:
    upstream, patched = (load_yaml(SPEC_PATHS[name]) for name in ("upstream", "patched"))
    for name in inventory["written_in_place"]:
        published = upstream["components"]["schemas"][name]
        assert name not in patched["components"]["schemas"], f"{name} is still a component of the patched spec"
        in_place = patched["components"]["schemas"]["StartTalkRequest"]["properties"][name]
        for key in ("type", "default", "enum", "deprecated"):
            assert in_place.get(key) == published.get(key), f"StartTalkRequest.{name} {key}"


def test_the_inventory_lists_every_operation_and_schema_of_the_upstream_file(inventory: dict[str, Any]) -> None:
    """The other tests check that nothing listed is lost; this one that nothing upstream goes unlisted (after a spec
    update that adds something, list it here so that an overlay cannot drop it unnoticed)."""
    upstream = load_yaml(SPEC_PATHS["upstream"])
    listed = {op_key(entry.split()[2]) for entry in inventory["operations"]}
    assert set(operations(upstream)) == listed
    schemas = set(upstream["components"]["schemas"])
    assert schemas == set(inventory["schemas"]) | set(inventory["written_in_place"])
