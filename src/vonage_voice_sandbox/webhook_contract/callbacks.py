"""The callbacks the spec allows: every component schema marked ``x-vvc-callback`` (overlay 41), as JSON Schema.

Read from the spec, never listed here, so a callback schema added later (the transcription callback...) is checked
the day it carries the mark. OpenAPI 3.0 schemas are turned into the JSON Schema Schemathesis reads (as OpenAPI 3.1):
``$ref`` inlined, ``nullable`` as a ``null`` type, documentation keywords dropped. A marked ``oneOf`` union is
checked branch by branch, so every branch is sent. Each top-level ``enum`` also gets a variant holding a value the
spec does not list yet, as Vonage adds statuses and reasons without notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from ..spec.document import SpecInfo
from ..spec.refs import RefError, follow_refs

__all__ = ["MARK", "UNLISTED", "CallbackSchema", "Reply", "as_query", "callback_schemas"]

MARK: Final = "x-vvc-callback"
UNLISTED: Final = "value_the_spec_does_not_list_yet"
Reply = Literal["ncco", "optional-ncco", "none"]
_DROPPED: Final = frozenset({"description", "example", "discriminator", "title", "readOnly", "writeOnly", "xml"})
_PROPERTY_NAMES: Final = {"pattern": "^[A-Za-z][A-Za-z0-9_-]{0,30}$"}  # extra fields a callback may gain
# Fields Vonage may add are scalars here: nested random JSON costs most of the generation time and finds nothing more.
_EXTRA_VALUE: Final = {"type": ["string", "integer", "boolean", "null"]}
_MAX_DEPTH: Final = 32


@dataclass(frozen=True)
class CallbackSchema:
    """One callback to send: ``name`` (``StartedEvent``, ``StartedEvent status=value_the_spec...``), its JSON Schema,
    the webhooks that receive it, its methods, the reply expected and, for a variant, the property made unlisted."""

    name: str
    schema: dict[str, Any]
    webhooks: tuple[str, ...]
    methods: tuple[str, ...]
    reply: Reply
    unlisted: str | None = None


def callback_schemas(spec: SpecInfo, *, unlisted: bool = True) -> list[CallbackSchema]:
    """Every marked schema (each branch of a marked union), then, with ``unlisted``, their unlisted-value variants."""
    document = spec.document
    found: list[CallbackSchema] = []
    for name, node in (document.get("components", {}).get("schemas") or {}).items():
        mark = node.get(MARK) if isinstance(node, dict) else None
        if not isinstance(mark, dict):
            continue
        webhooks = tuple(str(item) for item in mark.get("webhooks") or ())
        methods = tuple(str(item).upper() for item in mark.get("methods") or ("POST",))
        given = mark.get("reply")
        reply: Reply = "ncco" if given == "ncco" else "optional-ncco" if given == "optional-ncco" else "none"
        branches = node.get("oneOf") or [node]
        for index, branch in enumerate(branches):
            label = name if len(branches) == 1 else f"{name}[{_branch_name(document, branch, index)}]"
            schema = json_schema(document, branch if len(branches) > 1 else {k: v for k, v in node.items()})
            found.append(CallbackSchema(label, schema, webhooks, methods, reply))
    if unlisted:
        found += [variant for callback in list(found) for variant in _unlisted_variants(callback)]
    return found


def json_schema(document: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """``node`` as plain JSON Schema: references inlined, ``nullable`` a type, extensions and docs dropped."""
    if depth > _MAX_DEPTH:
        return {}
    if isinstance(node, list):
        return [json_schema(document, item, depth + 1) for item in node]
    if not isinstance(node, dict):
        return node
    try:
        node = follow_refs(document, node)
    except RefError:
        return {}
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED or key.startswith("x-") or key == "nullable":
            continue
        if key == "properties" and isinstance(value, dict):
            out[key] = {name: json_schema(document, sub, depth + 1) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not") or key in ("allOf", "oneOf", "anyOf"):
            out[key] = json_schema(document, value, depth + 1)
        else:
            out[key] = value
    if node.get("nullable") is True:
        out = {"anyOf": [out, {"type": "null"}]}
    elif out.get("type") == "object" and "additionalProperties" not in out:
        out["propertyNames"] = _PROPERTY_NAMES
        out["additionalProperties"] = _EXTRA_VALUE
    return out


def as_query(callback: CallbackSchema) -> CallbackSchema:
    """``callback`` as a GET carries it: a query holds strings, so fields that are objects or arrays (custom_data,
    dtmf) are left out, as the spec does not say how Vonage would spell them in a query; extra fields are strings."""
    properties = callback.schema.get("properties") or {}
    kept = {name: sub for name, sub in properties.items() if not _structured(sub)}
    schema = {**callback.schema, "properties": kept, "additionalProperties": {"type": "string"}}
    schema["required"] = [name for name in callback.schema.get("required", []) if name in kept]
    return CallbackSchema(
        f"{callback.name} (query)", schema, callback.webhooks, callback.methods, callback.reply, callback.unlisted
    )


def _structured(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("type") in ("object", "array"):
        return True
    return any(_structured(branch) for branch in schema.get("anyOf") or []) or "properties" in schema


def _branch_name(document: dict[str, Any], branch: Any, index: int) -> str:
    ref = branch.get("$ref") if isinstance(branch, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else str(index)


def _unlisted_variants(callback: CallbackSchema) -> list[CallbackSchema]:
    """One variant per top-level enum property: present, and holding a value the spec does not list."""
    properties = callback.schema.get("properties") or {}
    variants = []
    for name, sub in properties.items():
        if not isinstance(sub, dict) or not isinstance(sub.get("enum"), list):
            continue
        schema = dict(callback.schema)
        schema["properties"] = {**properties, name: {"const": UNLISTED}}
        schema["required"] = sorted({*callback.schema.get("required", []), name})
        label = f"{callback.name} {name}={UNLISTED}"
        variants.append(CallbackSchema(label, schema, callback.webhooks, callback.methods, callback.reply, name))
    return variants
