"""The spec's defaults and parameter types, applied to a request that passed validation.

openapi-core can unmarshal a request (types and defaults), but for createCall that costs about 8 ms against 1 ms for
validating it, so the sandbox validates with openapi-core and applies what the spec says itself: the defaults of the
body's top-level properties (from the body schema, its ``allOf`` parts, and the ``oneOf``/``anyOf`` alternatives
whose required properties the body has), and the query parameters, typed by their schemas, with their defaults.
"""

from __future__ import annotations

from typing import Any, Final

from starlette.datastructures import QueryParams

from .document import Operation, SpecInfo, full_paths
from .refs import RefError, follow_refs

__all__ = ["SpecDefaults"]

_MAX_DEPTH: Final = 32  # a self-referencing schema must not loop forever
_KEPT_DEFAULTS: Final = 256


class SpecDefaults:
    def __init__(self, spec: SpecInfo) -> None:
        self._document = spec.document
        self._paths = full_paths(spec.document, spec.prefix)
        # The defaults depend only on which of the names the body schema mentions the body has: worked out once per
        # operation and set of names (the names come from the spec, so there are few sets).
        self._names: dict[Operation, frozenset[str]] = {}
        self._defaults: dict[tuple[Operation, frozenset[str]], dict[str, Any]] = {}

    def body(self, operation: Operation, body: Any) -> Any:
        """``body`` with the spec's defaults added for the top-level properties it leaves out."""
        if not isinstance(body, dict):
            return body
        schema = self.body_schema(operation)
        if schema is None:
            return body
        names = self._names.get(operation)
        if names is None:
            names = self._names[operation] = frozenset(self._mentioned(schema, 0))
        key = (operation, names.intersection(body))
        defaults = self._defaults.get(key)
        if defaults is None:
            defaults = {}
            self._collect(schema, body, defaults, 0)
            if len(self._defaults) >= _KEPT_DEFAULTS:
                self._defaults.clear()
            self._defaults[key] = defaults
        return {**defaults, **body}

    def query(self, operation: Operation, raw: QueryParams) -> dict[str, Any]:
        """The query parameters the operation declares, typed by their schemas, defaults filled in."""
        values: dict[str, Any] = {}
        for parameter in self._parameters(operation):
            name = parameter.get("name")
            schema = self.resolve(parameter.get("schema") or {})
            if not isinstance(name, str) or parameter.get("in") != "query":
                continue
            if name in raw:
                values[name] = _typed(raw[name], schema)
            elif "default" in schema:
                values[name] = schema["default"]
        return values

    def _operation(self, operation: Operation) -> dict[str, Any]:
        item = self._paths.get(operation.path) or {}
        found = item.get(operation.method.lower()) if isinstance(item, dict) else None
        return found if isinstance(found, dict) else {}

    def _parameters(self, operation: Operation) -> list[dict[str, Any]]:
        item = self._paths.get(operation.path) or {}
        declared = [*(item.get("parameters") or []), *(self._operation(operation).get("parameters") or [])]
        return [resolved for p in declared if isinstance(resolved := self.resolve(p), dict)]

    def body_schema(self, operation: Operation) -> dict[str, Any] | None:
        request_body = self.resolve(self._operation(operation).get("requestBody") or {})
        content = request_body.get("content") or {}
        media = content.get("application/json") or next(iter(content.values()), None)
        schema = media.get("schema") if isinstance(media, dict) else None
        return self.resolve(schema) if isinstance(schema, dict) else None

    def _collect(self, schema: dict[str, Any], body: dict[str, Any], defaults: dict[str, Any], depth: int) -> None:
        if depth > _MAX_DEPTH:
            return
        for name, node in (schema.get("properties") or {}).items():
            prop = self.resolve(node)
            if isinstance(prop, dict) and "default" in prop:
                defaults.setdefault(name, prop["default"])
        for part in schema.get("allOf") or []:
            self._collect(self.resolve(part), body, defaults, depth + 1)
        for keyword in ("oneOf", "anyOf"):
            for branch in schema.get(keyword) or []:
                resolved = self.resolve(branch)
                if self._required(resolved, depth).issubset(body):
                    self._collect(resolved, body, defaults, depth + 1)

    def _mentioned(self, schema: dict[str, Any], depth: int) -> set[str]:
        """Every property name :meth:`_collect` may look for in a body: declared or required, at any level of
        ``allOf``, ``oneOf`` and ``anyOf``."""
        names = {str(name) for name in [*(schema.get("properties") or {}), *(schema.get("required") or [])]}
        if depth <= _MAX_DEPTH:
            for keyword in ("allOf", "oneOf", "anyOf"):
                for part in schema.get(keyword) or []:
                    names |= self._mentioned(self.resolve(part), depth + 1)
        return names

    def _required(self, schema: dict[str, Any], depth: int) -> set[str]:
        required = set(schema.get("required") or [])
        if depth <= _MAX_DEPTH:
            for part in schema.get("allOf") or []:
                required |= self._required(self.resolve(part), depth + 1)
        return required

    def resolve(self, node: Any) -> dict[str, Any]:
        """Follow local ``$ref`` pointers (``#/components/...``); {} for what is not a schema, or a broken chain."""
        try:
            found = follow_refs(self._document, node)
        except RefError:
            return {}
        return found if isinstance(found, dict) else {}


def _typed(value: str, schema: dict[str, Any]) -> Any:
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean":
        return value.lower() == "true"
    return value
