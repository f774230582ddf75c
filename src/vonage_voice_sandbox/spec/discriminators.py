"""Find discriminator properties that hold a list or an object, before openapi-schema-validator trips on them.

openapi-schema-validator looks a discriminator's value up in its mapping, so a non-empty list or object there raises
``TypeError: unhashable type`` inside validation instead of producing an error. When that happens, this walks the
request body along the spec's schema (``$ref``, ``allOf``/``oneOf``/``anyOf``, ``properties``, ``items``) and names
each such property by its JSON path (``ncco[1].action``, ``to[0].type``), so the client gets a 400 that says what to
fix. Nothing here knows a field of the Voice API: the discriminators are the spec's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from .errors import InvalidParameter

__all__ = ["misplaced_discriminators"]

Resolve = Callable[[Any], dict[str, Any]]
_MAX_DEPTH: Final = 64  # schema hops at one place of the body: a self-referencing schema must not loop


def misplaced_discriminators(resolve: Resolve, schema: dict[str, Any], body: Any) -> list[InvalidParameter]:
    """Every discriminator property of ``body`` (read along ``schema``) holding a list or an object."""
    found = _walk(resolve, schema, body, (), 0, set())
    return list(dict.fromkeys(found))


def _walk(
    resolve: Resolve, node: Any, value: Any, path: tuple[Any, ...], depth: int, seen: set[tuple[int, int]]
) -> Iterator[InvalidParameter]:
    schema = resolve(node)
    visit = (id(schema), id(value))
    if depth > _MAX_DEPTH or not schema or visit in seen:
        return
    seen.add(visit)
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(value, dict):
        name = discriminator.get("propertyName")
        held = value.get(name) if isinstance(name, str) else None
        given = discriminator.get("mapping")
        mapping: dict[str, Any] = given if isinstance(given, dict) else {}
        if isinstance(held, list | dict) and held:
            yield _parameter((*path, name), sorted(mapping))
            return  # no branch can be chosen: the others' errors would only be guesses
        if isinstance(held, str) and isinstance(mapping.get(held), str):
            yield from _walk(resolve, {"$ref": mapping[held]}, value, path, depth + 1, seen)
            return  # the validator follows the mapped branch only
    for keyword in ("allOf", "oneOf", "anyOf"):
        for branch in schema.get(keyword) or []:
            yield from _walk(resolve, branch, value, path, depth + 1, seen)
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            child = properties.get(key, extra if isinstance(extra, dict) else None)
            if child is not None:
                yield from _walk(resolve, child, item, (*path, key), 0, seen)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _walk(resolve, schema["items"], item, (*path, index), 0, seen)


def _parameter(path: tuple[Any, ...], choices: list[str]) -> InvalidParameter:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    listed = f": one of {', '.join(choices)}" if choices else ""
    return InvalidParameter(name, f"must be a string{listed} (a discriminator: not a list or an object)")
