"""Local ``$ref``s of an OpenAPI document, for every tool that reads one: resolve, follow, list, reach.

Only local references (``#/...``) exist in the Voice API spec; anything else resolves to nothing. A document being
checked may be broken (``make update-spec`` reads upstream releases as they are), so nothing here raises on a
dangling reference: :func:`resolve` says None, :func:`deref` gives an empty schema, :func:`reachable_schemas` skips
it, and :func:`tools.baseline.dangling_refs` reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

JSON = Any
SCHEMA_PREFIX: Final = "#/components/schemas/"
RESPONSE_PREFIX: Final = "#/components/responses/"
_MAX_CHAIN: Final = 20  # a reference to a reference ...: more than this is a cycle


def resolve(document: JSON, ref: str) -> JSON | None:
    """The node a local ``$ref`` points at (JSON pointer, ``~1`` and ``~0`` unescaped), or None."""
    if not ref.startswith("#/"):
        return None
    node = document
    for part in ref[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def deref(document: JSON, node: JSON) -> JSON:
    """``node``, or what its ``$ref`` chain ends at ({} when the chain is dangling or a cycle)."""
    for _ in range(_MAX_CHAIN):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        node = resolve(document, node["$ref"])
        if node is None:
            return {}
    return {}


def iter_refs(node: JSON) -> Iterator[str]:
    """Every ``$ref`` string under ``node`` (the references themselves are not followed)."""
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield ref
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)


def reachable_schemas(document: JSON, node: JSON) -> set[str]:
    """Names of the component schemas ``node`` reaches, following schema and response references transitively."""
    found: set[str] = set()
    seen_responses: set[str] = set()
    pending = [node]
    while pending:
        for ref in iter_refs(pending.pop()):
            if ref.startswith(SCHEMA_PREFIX):
                name = ref.removeprefix(SCHEMA_PREFIX)
                target = resolve(document, ref)
                if name not in found and target is not None:
                    found.add(name)
                    pending.append(target)
            elif ref.startswith(RESPONSE_PREFIX) and ref not in seen_responses:
                seen_responses.add(ref)
                target = resolve(document, ref)
                if target is not None:
                    pending.append(target)
    return found
