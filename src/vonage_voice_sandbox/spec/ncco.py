"""NCCOs checked against the spec wherever they come from: inline in a request, fetched from an answer URL or a
transfer, or answered by an application's webhook (the webhook contract checker uses this very module).

The NCCO schema is the spec's union of actions (``NccoAction``), checked with the validator openapi-core uses for
request bodies, and its errors are named as request errors are (``[0].text`` "is required"). One tolerance, the same
everywhere: the real API accepts booleans and numbers written as strings (D32 in overlays/README.md: ``"true"``,
``"45"``), so schemas marked ``x-vvc-loose-scalars`` take exactly those forms, converted to the typed value and
reported as loose, while anything else (``"yes"``, ``"4 5"``) is still refused.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from jsonschema_path import SchemaPath
from openapi_core.validation.schemas import oas30_write_schema_validators_factory
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from .discriminators import misplaced_discriminators
from .document import SpecInfo
from .errors import InvalidParameter
from .refs import RefError, follow_refs
from .validation import _leaves, _schema_errors, _schema_parameter

__all__ = ["LOOSE_MARK", "NccoCheck", "NccoChecker", "checker_for", "loosen"]

NCCO_ACTION: Final = "#/components/schemas/NccoAction"  # the union of actions (overlay 16)
LOOSE_MARK: Final = "x-vvc-loose-scalars"  # overlay 42: where D32's string forms are accepted
_NCCO_KEY: Final = "x-vvc-ncco"  # the NCCO as a whole, added to a copy of the document
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_MAX_DEPTH: Final = 64

Resolve = Callable[[Any], Any]


@dataclass(frozen=True)
class NccoCheck:
    """The outcome: ``ncco`` with D32's forms typed, the errors (empty: valid), and where loose forms were."""

    ncco: Any
    errors: list[InvalidParameter] = field(default_factory=list)
    loose: list[InvalidParameter] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    def describe(self) -> str:
        return "; ".join(f"{error.name}: {error.reason}" for error in self.errors)


class NccoChecker:
    """Checks NCCOs for one spec; build once (see :func:`checker_for`)."""

    def __init__(self, spec: SpecInfo) -> None:
        document = copy.deepcopy(spec.document)
        document.setdefault("components", {}).setdefault("schemas", {})[_NCCO_KEY] = {
            "type": "array",
            "minItems": 1,
            "items": {"$ref": NCCO_ACTION},
        }
        self._document = document
        path = SchemaPath.from_dict(document)
        self._schema = document["components"]["schemas"][_NCCO_KEY]
        self._validator = oas30_write_schema_validators_factory.create(
            path, path / "components" / "schemas" / _NCCO_KEY
        )

    def resolve(self, node: Any) -> Any:
        try:
            return follow_refs(self._document, node)
        except RefError:
            return {}

    def check(self, ncco: Any) -> NccoCheck:
        """Check ``ncco`` (parsed JSON); errors are named from the NCCO's root (``[0].text``)."""
        value, found = loosen(self.resolve, self._schema, ncco, always=True)
        loose = [_rooted(item) for item in found]
        try:
            self._validator.validate(value)
        except InvalidSchemaValue as exc:
            errors = [_schema_parameter(leaf) for leaf in _leaves(_schema_errors(exc))]
            return NccoCheck(value, [_rooted(error) for error in errors], loose)
        except TypeError:  # a discriminator holding a list or an object
            found = misplaced_discriminators(self.resolve, self._schema, value)
            return NccoCheck(value, [_rooted(error) for error in found] or [_unreadable()], loose)
        return NccoCheck(value, [], loose)


@functools.lru_cache(maxsize=8)
def checker_for(spec: SpecInfo) -> NccoChecker:
    return NccoChecker(spec)


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
    for part in schema.get("allOf") or []:
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


def _rooted(error: InvalidParameter) -> InvalidParameter:
    """Names from the NCCO's root: ``[0].text`` (the request validator's ``body`` means the whole NCCO)."""
    name = error.name
    return InvalidParameter("ncco" if name == "body" else f"ncco{name}" if name.startswith("[") else name, error.reason)


def _unreadable() -> InvalidParameter:
    return InvalidParameter("ncco", "is not a valid NCCO")


def _dotted(path: tuple[Any, ...]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"
