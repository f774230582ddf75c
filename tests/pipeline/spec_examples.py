"""Build example instances from a spec's schemas, and reach the generated operation that parses them.

Upstream examples sit on properties, not on whole bodies, so an instance is assembled from them: each property's
`example` (else its `default`, else its first enum value), objects from their properties, allOf merged, and one
instance per oneOf branch so that every branch is exercised.
"""

from __future__ import annotations

import copy
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from vonage_voice_sandbox.spec.refs import follow_refs

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM = ROOT / "openapi" / "voice-v1.yaml"
PATCHED = ROOT / "openapi" / "voice-v1.patched.yaml"


def load(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``schema``, or what its ``$ref`` chain ends at."""
    resolved: dict[str, Any] = follow_refs(spec, schema)
    return resolved


def instances(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> list[Any]:
    """Example instances of ``schema``: one per oneOf branch reachable in it (at least one instance)."""
    schema = resolve(spec, schema)
    if depth > 12:
        return [{}]
    if "example" in schema and schema.get("type") not in ("object", None) and "oneOf" not in schema:
        return [copy.deepcopy(schema["example"])]
    if "oneOf" in schema or "anyOf" in schema:
        base = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "discriminator")}
        branches: list[dict[str, Any]] = schema.get("oneOf") or schema.get("anyOf") or []
        return [
            merged
            for branch in branches
            for merged in instances(spec, {"allOf": [base, branch]} if base.get("properties") else branch, depth + 1)
        ]
    if "allOf" in schema:
        parts = [instances(spec, part, depth + 1) for part in schema["allOf"]]
        return [_merge_all(combo) for combo in _zip_longest(parts)]
    if schema.get("type") == "array" or "items" in schema:
        if "example" in schema:
            return [copy.deepcopy(schema["example"])]
        return [[item] for item in instances(spec, schema.get("items", {}), depth + 1)]
    if schema.get("type") == "object" or "properties" in schema:
        return _object_instances(spec, schema, depth)
    for key in ("example", "default"):
        if key in schema:
            return [copy.deepcopy(schema[key])]
    if schema.get("enum"):
        return [schema["enum"][0]]
    return [_placeholder(schema)]


def _object_instances(spec: dict[str, Any], schema: dict[str, Any], depth: int) -> list[Any]:
    props = schema.get("properties", {})
    if not props:
        return [copy.deepcopy(schema.get("example", {}))]
    per_property = {name: instances(spec, sub, depth + 1) for name, sub in props.items()}
    return [dict(zip(per_property, combo, strict=True)) for combo in _zip_longest(list(per_property.values()))]


def _zip_longest(options: list[list[Any]]) -> Iterator[tuple[Any, ...]]:
    """Enough combinations that every option of every slot appears once (not the full product)."""
    longest = max((len(o) for o in options), default=1)
    for index in range(longest):
        yield tuple(o[min(index, len(o) - 1)] for o in options)


def _merge_all(parts: tuple[Any, ...]) -> Any:
    result: dict[str, Any] = {}
    for part in parts:
        if isinstance(part, dict):
            result.update(part)
    return result


def _placeholder(schema: dict[str, Any]) -> Any:
    kind = schema.get("type")
    return {"integer": 1, "number": 1.5, "boolean": True}.get(str(kind), "text")


def snake(operation_id: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", operation_id).replace("-", "_").lower()


def operation_modules() -> dict[str, ModuleType]:
    """Every generated operation module by name (`get_call`, `create_call`, ...)."""
    import vonage_voice_api.api as api

    modules: dict[str, ModuleType] = {}
    for tag in pkgutil.iter_modules(api.__path__):
        package = importlib.import_module(f"vonage_voice_api.api.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            modules[op.name] = importlib.import_module(f"{package.__name__}.{op.name}")
    return modules


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(path, method, operationId, operation) for every operation of ``spec``."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in ("get", "put", "post", "delete", "patch"):
                yield path, method, operation["operationId"], operation


def success_examples(spec: dict[str, Any]) -> Iterator[tuple[str, int, Any]]:
    """(operationId, status, body) for every JSON 2xx response schema of ``spec`` and each of its branches."""
    for _, _, operation_id, operation in operations(spec):
        for status, response in operation["responses"].items():
            media = response.get("content", {}).get("application/json")
            # A file served as application/json (a transcript, by the files endpoint) is bytes, not a JSON model.
            binary = bool(media) and media.get("schema", {}).get("format") == "binary"
            if str(status).startswith("2") and media and "schema" in media and not binary:
                for body in instances(spec, media["schema"]):
                    yield operation_id, int(status), body
