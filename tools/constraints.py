"""The strict writer's rules: every value constraint of a request model, handed to the model template.

openapi-python-client gives a template each property's type and enum, but none of the schema's constraints
(``minLength``, ``pattern``, ``minimum``, ``minItems``, ``format``...), and a property that is a ``$ref`` to a
constrained string (``AddressE164``) or an ``allOf`` of a base model reaches the template unresolved. So the pipeline
resolves them here, in the generator's input: every object schema we send (not marked ``x-vvc-api-sends`` by
tools.directions) gets ``x-vvc-checks``, a map from property name to its rule, the property's schema reduced to the
keywords that constrain a value. The model template writes that table into the model's module, where
``types.compile_checks`` turns it into one check per field, once, at import.

A property that is an object, or a union of objects, has no rule here: its own model checks itself. A keyword this
module does not know fails the pipeline (:class:`ConstraintError`), so a constraint a spec update adds is either
checked or reported, never silently skipped.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any, Final

from tools.directions import MARK
from tools.refs import deref

JSON = Any
CHECKS: Final = "x-vvc-checks"
OBJECT: Final = "x-vvc-object"
# What a rule about which fields an object holds together may say (`from` and `randomFromNumber: true` exclude
# each other, a SIP endpoint has `uri` or `user` and `domain`): the combinators over `required` and enum values.
_SHAPE_KEYWORDS: Final = frozenset({"required", "not", "anyOf", "oneOf", "allOf", "properties", "title", "description"})

# What each JSON type may be constrained by (checked by types.compile_checks); ``nullable`` is allowed on every type.
KEYWORDS: Final = {
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "integer": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}),
    "number": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}),
    "boolean": frozenset(),
    "array": frozenset({"minItems", "maxItems", "uniqueItems", "items"}),
}
FORMATS: Final = frozenset({"uri"})
# Keywords that say nothing about which values are allowed.
_NOT_CONSTRAINTS: Final = frozenset(
    {"description", "example", "examples", "default", "title", "deprecated", "externalDocs", "readOnly", "writeOnly"}
)


class ConstraintError(Exception):
    """A request schema uses a keyword the strict writer cannot check; the message names the schema and keyword."""


def mark_checks(document: JSON) -> JSON:
    """A copy of ``document`` (already marked by tools.directions) whose request object schemas carry their rules."""
    marked = copy.deepcopy(document)
    for name, schema in [*marked.get("components", {}).get("schemas", {}).items(), *_inline_bodies(marked)]:
        for where, node in _object_schemas(schema, name):
            checks = {}
            for prop, prop_schema in _properties(marked, node).items():
                found = rule(marked, prop_schema, f"{where}.{prop}")
                if found is not None:
                    checks[prop] = found
            if checks:
                node[CHECKS] = checks
            whole: dict[str, Any] = {"shapes": _shapes(marked, node)}
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and (additional := rule(marked, extra, f"{where}.*")) is not None:
                whole["additional"] = additional
            if whole["shapes"] or "additional" in whole:
                node[OBJECT] = whole
    return marked


def _inline_bodies(document: JSON) -> Iterator[tuple[str, JSON]]:
    """The request body schemas written in an operation rather than as a component (subscribeDTMF's)."""
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if isinstance(operation, dict) and isinstance(operation.get("requestBody"), dict):
                for media in operation["requestBody"].get("content", {}).values():
                    if isinstance(media, dict) and "schema" in media:
                        yield f"{method.upper()} {path}", media["schema"]


def _shapes(document: JSON, schema: JSON) -> list[JSON]:
    """The rules of an object schema (its allOf members' too) on which fields it holds together."""
    found = []
    for part in schema.get("allOf", []):
        found += _shapes(document, deref(document, part))
    for key in ("not", "oneOf", "anyOf"):
        if key in schema and _is_shape({key: schema[key]}):
            found.append({key: schema[key]})
    return found


def _is_shape(schema: JSON) -> bool:
    if not isinstance(schema, dict) or not set(schema) <= _SHAPE_KEYWORDS:
        return False
    for key in ("anyOf", "oneOf", "allOf"):
        if not all(_is_shape(part) for part in schema.get(key, [])):
            return False
    properties = schema.get("properties", {})
    if not all(isinstance(prop, dict) and set(prop) <= {"enum", "description"} for prop in properties.values()):
        return False
    return "not" not in schema or _is_shape(schema["not"])


def rule(document: JSON, schema: JSON, where: str) -> dict[str, Any] | None:
    """The rule a value of ``schema`` must follow, or None when its own model (or the enum check) checks it."""
    schema = _merged(document, schema)
    if "enum" in schema or schema.get("type") == "object" or "properties" in schema:
        return None  # enums are checked against their values table; objects by their own model
    for union in ("anyOf", "oneOf"):
        if union in schema:
            choices = [rule(document, choice, where) for choice in schema[union]]
            if any(choice is None for choice in choices):
                return None  # a union of object kinds: dispatched and checked by its members' models
            return {"anyOf": choices}
    kind = schema.get("type")
    if kind not in KEYWORDS:
        raise ConstraintError(f"{where}: type {kind!r} is not one the strict writer checks")
    out: dict[str, Any] = {"type": kind}
    for key, value in schema.items():
        if key in ("type", "allOf") or key in _NOT_CONSTRAINTS or key.startswith("x-"):
            continue
        if key == "nullable":
            out["nullable"] = bool(value)
        elif key not in KEYWORDS[kind]:
            raise ConstraintError(f"{where}: {key!r} on a {kind} is not a constraint the strict writer checks")
        elif key == "format" and value not in FORMATS:
            raise ConstraintError(f"{where}: format {value!r} is not one the strict writer checks")
        elif key == "items":
            items = rule(document, value, f"{where}[]")
            if items is not None:
                out["items"] = items
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            # OpenAPI 3.0's boolean form: the bound is minimum/maximum itself, excluded.
            bound = "minimum" if key == "exclusiveMinimum" else "maximum"
            if value:
                out[key] = schema[bound]
        else:
            out[key] = value
    for key in ("minimum", "maximum"):
        if schema.get(f"exclusive{key.title()}") is True:
            out.pop(key, None)
    return out


def _merged(document: JSON, schema: JSON) -> dict[str, Any]:
    """``schema`` with its ``$ref`` followed and the members of its ``allOf`` merged in (keys of ``schema`` win)."""
    schema = deref(document, schema)
    if not isinstance(schema, dict):
        return {}
    merged: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        merged.update(_merged(document, part))
    merged.update({key: value for key, value in schema.items() if key != "allOf"})
    return merged


def _properties(document: JSON, schema: JSON) -> dict[str, JSON]:
    """The properties of an object schema, those of its ``allOf`` members (followed through ``$ref``) included."""
    found: dict[str, JSON] = {}
    for part in schema.get("allOf", []):
        found.update(_properties(document, deref(document, part)))
    found.update(schema.get("properties") or {})
    return found


def _object_schemas(node: JSON, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema written inside ``node`` (not behind a ``$ref``) that the API does not send."""
    if isinstance(node, list):
        for index, value in enumerate(node):
            yield from _object_schemas(value, f"{where}[{index}]")
        return
    if not isinstance(node, dict) or node.get(MARK):
        return
    if node.get("type") == "object" or isinstance(node.get("properties"), dict) or "allOf" in node:
        yield where, node
    for key, value in node.items():
        if key in ("example", "examples", "default", "enum"):
            continue
        if key == "properties" and isinstance(value, dict):
            for prop, prop_schema in value.items():
                yield from _object_schemas(prop_schema, f"{where}.{prop}")
        else:
            yield from _object_schemas(value, where)
