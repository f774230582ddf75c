"""Which schemas the API sends and which we send: the generator's input marks the former for the tolerant reader.

The patched spec is the contract and stays strict: the sandbox and Schemathesis read it as it is, so drift is
reported. The generated client must survive that drift instead: a value the spec does not list yet, in anything the
API sends, parses and is kept. The custom model template (openapi/templates/model.py.jinja) needs to know which
models are read from the API (responses and webhook payloads: tolerant) and which are built by users (request
bodies: strict), and openapi-python-client gives a template the schema but no idea of where it is used. So the
pipeline feeds the generator a copy of the patched spec in which every object schema the API sends carries
``x-vvc-api-sends: true``; the template reads it from the model's schema. The mark is derived from the document,
never written by hand, so a spec update needs no edit here.

A component schema is sent by the API when a response reaches it, or when no operation reaches it at all (the
webhook payloads are component schemas only). One reached by both a request and a response stays strict, the safe
side for what we send: ``shared_models`` lists them, and a test keeps that list empty by splitting such schemas
with an overlay (``overlays/27-response-endpoints.yaml``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from tools.refs import reachable_schemas

JSON = Any
MARK = "x-vvc-api-sends"


def mark_api_sent(document: JSON) -> JSON:
    """A copy of ``document`` whose object schemas sent by the API carry ``x-vvc-api-sends: true``."""
    marked = copy.deepcopy(document)
    schemas = marked.get("components", {}).get("schemas", {})
    sent = api_sent_components(marked)
    for name in sorted(sent):
        _mark_tree(schemas[name])
    for response in _responses(marked):
        _mark_tree(response)
    return marked


def api_sent_components(document: JSON) -> set[str]:
    """Names of the component schemas the API sends and no request uses."""
    requests, responses = _reach(document)
    everything = set(document.get("components", {}).get("schemas", {}))
    return (responses | (everything - requests)) - requests


def shared_models(document: JSON) -> list[str]:
    """Object component schemas reached by both a request and a response (read strictly; split them instead)."""
    requests, responses = _reach(document)
    schemas = document.get("components", {}).get("schemas", {})
    return sorted(name for name in requests & responses if _is_object(schemas[name]))


def _reach(document: JSON) -> tuple[set[str], set[str]]:
    requests: set[str] = set()
    responses: set[str] = set()
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            requests |= reachable_schemas(
                document, [operation.get("requestBody"), operation.get("parameters"), item.get("parameters")]
            )
            responses |= reachable_schemas(document, list(operation["responses"].values()))
    return requests, responses


def _responses(document: JSON) -> Iterator[JSON]:
    """Every response object of every operation (inline schemas of responses are sent by the API too)."""
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and "responses" in operation:
                yield from operation["responses"].values()
    yield from document.get("components", {}).get("responses", {}).values()


def _mark_tree(node: JSON, *, names: bool = False) -> None:
    """Mark every object schema inside ``node`` (references are not followed: each component is marked on its own).

    ``names`` is True for a ``properties`` map, whose keys are property names rather than schema keywords.
    """
    if isinstance(node, list):
        for value in node:
            _mark_tree(value)
        return
    if not isinstance(node, dict):
        return
    if not names and _is_object(node):
        node[MARK] = True
    for key, value in node.items():
        if names or key not in ("example", "examples", "default", "enum"):
            _mark_tree(value, names=not names and key == "properties")


def _is_object(schema: JSON) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "object" or isinstance(schema.get("properties"), dict))
