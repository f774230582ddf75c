"""The string forms the real API accepts for NCCO booleans and numbers (D32 in overlays/README.md): exactly ``"true"``
and ``"false"`` for a boolean, a numeric string (``"45"``, ``"0.5"``) for a number, inside schemas marked
``x-vvc-loose-scalars`` (overlay 42). :func:`loosen` types them before a value meets the schema, so an NCCO is held to
one rule wherever it comes from (a request, an answer URL, a transfer, a webhook's answer); anything else (``"yes"``,
``"4 5"``) is left as it is for the schema to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from .errors import InvalidParameter

__all__ = ["LOOSE_MARK", "loosen"]

LOOSE_MARK: Final = "x-vvc-loose-scalars"
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_MAX_DEPTH: Final = 64

Resolve = Callable[[Any], Any]


def loosen(resolve: Resolve, schema: Any, value: Any, *, always: bool = False) -> tuple[Any, list[InvalidParameter]]:
    """``value`` with D32's string forms typed inside schemas marked ``x-vvc-loose-scalars`` (or everywhere with
    ``always``), and where they were. Nothing else changes: a value the schema refuses stays as it is."""
    found: list[InvalidParameter] = []
    return _loosen(resolve, schema, value, (), always, found, 0), found


def _loosen(
    resolve: Resolve, node: Any, value: Any, path: tuple[Any, ...], on: bool, found: list[InvalidParameter], depth: int
) -> Any:
    schema = resolve(node)
    if depth > _MAX_DEPTH or not isinstance(schema, dict):
        return value
    on = on or bool(schema.get(LOOSE_MARK))
    if isinstance(value, str):
        return _scalar(schema, value, path, found) if on else value
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(value, dict):
        held = value.get(str(discriminator.get("propertyName")))
        mapped = (discriminator.get("mapping") or {}).get(held) if isinstance(held, str) else None
        if isinstance(mapped, str):
            return _loosen(resolve, {"$ref": mapped}, value, path, on, found, depth + 1)
    # Every part and alternative: only a string under a boolean or number of a marked schema changes, and the first
    # alternative to type it leaves no string for the others.
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key) or []:
            value = _loosen(resolve, part, value, path, on, found, depth + 1)
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        properties = schema["properties"]
        return {
            key: _loosen(resolve, properties[key], item, (*path, key), on, found, 0) if key in properties else item
            for key, item in value.items()
        }
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [_loosen(resolve, schema["items"], item, (*path, i), on, found, 0) for i, item in enumerate(value)]
    return value


def _scalar(schema: dict[str, Any], value: str, path: tuple[Any, ...], found: list[InvalidParameter]) -> Any:
    kind = schema.get("type")
    typed: Any = value
    if kind == "boolean" and value in ("true", "false"):
        typed = value == "true"
    elif kind == "integer" and _INTEGER.fullmatch(value):
        typed = int(value)
    elif kind == "number" and _NUMBER.fullmatch(value):
        typed = float(value) if "." in value else int(value)
    if typed is not value:
        found.append(InvalidParameter(_dotted(path), f"{value!r} is a string: the spec wants {typed!r} (D32)"))
    return typed


def _dotted(path: tuple[Any, ...]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"
