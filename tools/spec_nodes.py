"""Schema nodes of an OpenAPI document, flattened for tools.spec_diff: each node's contract facts by path.

A path is (root label, property, ``[]`` for array items, ``(variant N)`` for an inline oneOf branch, ...); the root
is a component schema name, or an operation's parameter, request body or response. Each node also carries the
directions its data flows in (request, response), following ``$ref``s from the operations that use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tools.refs import deref, reachable_schemas

JSON = Any
Path = tuple[str, ...]
REQUEST, RESPONSE = "request", "response"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
LOWER_BOUNDS = ("minimum", "minLength", "minItems")
UPPER_BOUNDS = ("maximum", "maxLength", "maxItems")
SCALAR_FACTS = ("type", "format", "enum", "pattern", "nullable", *LOWER_BOUNDS, *UPPER_BOUNDS)


@dataclass
class Node:
    """The contract facts of one schema node, and the directions it is used in."""

    facts: dict[str, Any]
    directions: frozenset[str]
    named: bool = False  # the root of a components.schemas entry (other roots belong to an operation)


def operations(doc: JSON) -> dict[str, dict[str, Any]]:
    found = {}
    for path, item in (doc.get("paths") or {}).items():
        for method in METHODS:
            if isinstance(item, dict) and method in item:
                found[f"{method.upper()} {path}"] = {"op": item[method], "path_params": item.get("parameters", [])}
    return found


def parameters(entry: JSON, doc: JSON) -> dict[str, JSON]:
    merged = {}
    for param in [*entry["path_params"], *entry["op"].get("parameters", [])]:
        param = deref(doc, param)
        merged[f"{param.get('in')} {param.get('name')}"] = param
    return merged


def nodes(doc: JSON) -> dict[Path, Node]:
    """Flatten every schema of ``doc`` into nodes keyed by path: (root label, property, ``[]``, ...)."""
    found: dict[Path, Node] = {}
    usage = _schema_usage(doc)
    for name, schema in ((doc.get("components") or {}).get("schemas") or {}).items():
        _flatten(doc, schema, (name,), usage.get(name, frozenset({REQUEST, RESPONSE})), found)
        found[(name,)].named = True
    for key, entry in operations(doc).items():
        for name, param in parameters(entry, doc).items():
            _flatten(doc, param.get("schema", {}), (f"{key} {name}",), frozenset({REQUEST}), found)
        for label, schema in operation_schemas(entry["op"]):
            direction = REQUEST if label == "request body" else RESPONSE
            _flatten(doc, schema, (f"{key} {label}",), frozenset({direction}), found)
    return found


def operation_schemas(op: JSON) -> Iterator[tuple[str, JSON]]:
    body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {})
    if "schema" in body:
        yield "request body", body["schema"]
    for code, response in (op.get("responses") or {}).items():
        content = (response or {}).get("content", {}).get("application/json", {})
        if "schema" in content:
            yield f"→ {code}", content["schema"]


def _flatten(doc: JSON, schema: JSON, path: Path, directions: frozenset[str], nodes: dict[Path, Node]) -> None:
    facts: dict[str, Any] = {}
    node = Node(facts, directions)
    nodes[path] = node
    if not isinstance(schema, dict):
        return
    if "$ref" in schema:
        facts["ref"] = ref_name(schema["$ref"])
        target = deref(doc, schema)
        if _is_scalar(target):  # compared by value when a field moves between a $ref and an inline scalar
            facts["resolved"] = {key: _fact(target, key) for key in SCALAR_FACTS if key in target}
        return
    _collect(doc, schema, path, node, nodes)


def _collect(
    doc: JSON, schema: JSON, path: Path, node: Node, nodes: dict[Path, Node], required: set[str] | None = None
) -> None:
    facts = node.facts
    facts.update({key: _fact(schema, key) for key in (*SCALAR_FACTS, "default") if key in schema})
    # Inline allOf parts are the node's own properties written in pieces; one part may require what another
    # defines (1.3.7's createCall bodies do), so required-ness is read over all the pieces at once.
    required = _required_names(schema) if required is None else required
    for part in schema.get("allOf", []):
        if "$ref" in part:
            facts["extends"] = (*facts.get("extends", ()), ref_name(part["$ref"]))
        else:
            _collect(doc, part, path, node, nodes, required)
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            facts["oneOf"] = tuple(_variant(doc, part, path, i, node, nodes) for i, part in enumerate(schema[keyword]))
    if isinstance(schema.get("discriminator"), dict):
        facts["discriminator"] = _discriminator(schema["discriminator"])
    if schema.get("properties"):
        facts["properties"] = True
    for name, prop in (schema.get("properties") or {}).items():
        _flatten(doc, prop, (*path, name), node.directions, nodes)
        nodes[(*path, name)].facts["required"] = name in required
    if "items" in schema:
        _flatten(doc, schema["items"], (*path, "[]"), node.directions, nodes)


def _required_names(schema: JSON) -> set[str]:
    names = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        if isinstance(part, dict) and "$ref" not in part:
            names |= _required_names(part)
    return names


def _discriminator(node: JSON) -> tuple[str, tuple[tuple[str, str], ...]]:
    mapping = node.get("mapping") or {}
    return str(node.get("propertyName")), tuple(sorted((str(k), ref_name(str(v))) for k, v in mapping.items()))


def _variant(doc: JSON, part: JSON, path: Path, index: int, node: Node, nodes: dict[Path, Node]) -> str:
    if isinstance(part, dict) and "$ref" in part:
        return ref_name(part["$ref"])
    label = f"(variant {index + 1})"
    _flatten(doc, part, (*path, label), node.directions, nodes)
    return label


def _fact(schema: JSON, key: str) -> Any:
    return tuple(schema[key]) if key == "enum" else schema[key]


def _is_scalar(schema: JSON) -> bool:
    shape_keys = {"properties", "items", "oneOf", "anyOf", "allOf", "$ref"}
    return isinstance(schema, dict) and schema.get("type") not in ("object", "array") and not shape_keys & set(schema)


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _schema_usage(doc: JSON) -> dict[str, frozenset[str]]:
    """For each named schema, the directions in which operations use it (directly or through other schemas)."""
    usage: dict[str, set[str]] = {}
    for entry in operations(doc).values():
        roots = [(p.get("schema", {}), REQUEST) for p in parameters(entry, doc).values()]
        roots += [(s, REQUEST if label == "request body" else RESPONSE) for label, s in operation_schemas(entry["op"])]
        for schema, direction in roots:
            for name in reachable_schemas(doc, schema):
                usage.setdefault(name, set()).add(direction)
    return {name: frozenset(directions) for name, directions in usage.items()}
