"""Local ``$ref`` pointers of an OpenAPI document: the one reader of them, for the sandbox, the build tools
(``tools/refs.py``) and the test suites.

A reference is a URI fragment holding an RFC 6901 JSON pointer: percent-decoded first (RFC 6901 section 6), then each
token unescaped, ``~1`` to ``/`` before ``~0`` to ``~`` (so ``~01`` is the key ``~1``). Only local references
(``#`` and ``#/...``) are read: the Voice API spec has no other kind, and a reader of one document must not go and
fetch files or URLs. Anything else, a pointer to nothing, and a chain of references that comes back on itself raise
:class:`RefError`; callers that read documents which may be broken catch it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

__all__ = ["RefError", "follow_refs", "pointer_tokens", "resolve_ref"]


class RefError(LookupError):
    """A ``$ref`` that cannot be followed: not local, pointing at nothing, or part of a cycle."""


def pointer_tokens(ref: str) -> list[str]:
    """The keys a local reference walks: ``#/paths/~1v1~1calls`` gives ``["paths", "/v1/calls"]``."""
    if not ref.startswith("#"):
        raise RefError(f"{ref!r} is not a local reference (#/...): only those are read")
    pointer = unquote(ref[1:])
    if not pointer:
        return []  # "#": the whole document
    if not pointer.startswith("/"):
        raise RefError(f"{ref!r} is not a JSON pointer: after '#' it must be empty or start with '/'")
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def resolve_ref(document: Any, ref: str) -> Any:
    """The node ``ref`` points at in ``document`` (one reference; the node may itself be a reference)."""
    node = document
    for token in pointer_tokens(ref):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isascii() and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise RefError(f"{ref!r} points at nothing: no {token!r} there")
    return node


def follow_refs(document: Any, node: Any) -> Any:
    """``node``, or what its chain of references ends at (a node that is not an object with a string ``$ref``)."""
    seen: list[str] = []
    while isinstance(node, dict) and isinstance(ref := node.get("$ref"), str):
        if ref in seen:
            raise RefError(f"{ref!r} leads back to itself: {' -> '.join([*seen, ref])}")
        seen.append(ref)
        node = resolve_ref(document, ref)
    return node
