"""Local ``$ref``s of an OpenAPI document, for every tool that reads one: resolve, follow, list, reach.

Pointers are read by the repository's one reader, :mod:`vonage_voice_sandbox.spec.refs` (RFC 6901; local references
only). A document being checked may be broken (``make update-spec`` reads upstream releases as they are), so nothing
here raises on a dangling reference: :func:`resolve` says None, :func:`deref` gives an empty schema,
:func:`reachable_schemas` skips it, and :func:`tools.baseline.dangling_refs` reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from vonage_voice_sandbox.spec.refs import RefError, follow_refs, resolve_ref

JSON = Any
SCHEMA_PREFIX: Final = "#/components/schemas/"
RESPONSE_PREFIX: Final = "#/components/responses/"


def resolve(document: JSON, ref: str) -> JSON | None:
    """The node a local ``$ref`` points at, or None (not local, or pointing at nothing)."""
    try:
        return resolve_ref(document, ref)
    except RefError:
        return None


def deref(document: JSON, node: JSON) -> JSON:
    """``node``, or what its ``$ref`` chain ends at ({} when the chain is dangling or a cycle)."""
    try:
        return follow_refs(document, node)
    except RefError:
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
