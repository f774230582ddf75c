"""Apply OpenAPI Overlay 1.0 documents to an OpenAPI document.

Targets are RFC 9535 JSONPath queries (the JSONPath that Overlay 1.0 names), evaluated with jsonpath-rfc9535.
Semantics, per Overlay 1.0:

* ``update`` on an object target is merged into it: objects merge recursively, any other value (scalars and arrays)
  replaces the value already there. On an array target the update is appended (a list update is concatenated).
* ``remove: true`` deletes every matched node from its parent.
* ``copy: <JSONPath>`` (from Overlay 1.1, the one action added to 1.0 here) merges the value at that path into each
  target, as ``update`` would. It is what moves a path item to a new key without restating the whole operation.
* Actions run in order, each against the document as the previous action left it.

Stricter than the specification, on purpose: a target that matches nothing is an error (``DeadTargetError``) naming
the overlay file and the action's index, because a silently skipped fix produces a silently wrong client. The
overlay tools on PyPI were tried and rejected for this reason (see docs/architecture.md).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath_rfc9535
import yaml

JSON = Any


class OverlayError(Exception):
    """An overlay document is malformed or cannot be applied."""


class DeadTargetError(OverlayError):
    """An action's target matches nothing in the document."""

    def __init__(self, source: str, index: int, target: str, near: str) -> None:
        self.source, self.index, self.target, self.near = source, index, target, near
        super().__init__(f"{source}: action #{index} target {target!r} matches nothing in the document.\n{near}")


@dataclass(frozen=True)
class Overlay:
    """One overlay document, with the file (or label) it came from for error messages."""

    source: str
    actions: Sequence[dict[str, JSON]]

    @classmethod
    def load(cls, path: Path) -> Overlay:
        return cls.from_document(yaml.safe_load(path.read_text(encoding="utf-8")), source=path.name)

    @classmethod
    def from_document(cls, doc: JSON, *, source: str) -> Overlay:
        if not isinstance(doc, dict) or not str(doc.get("overlay", "")).startswith("1."):
            raise OverlayError(f"{source}: not an Overlay 1.x document (missing 'overlay: 1.0.0')")
        actions = doc.get("actions")
        if not isinstance(actions, list) or not actions:
            raise OverlayError(f"{source}: 'actions' must be a non-empty list")
        for index, action in enumerate(actions):
            _check_action(source, index, action)
        return cls(source=source, actions=actions)


def _check_action(source: str, index: int, action: JSON) -> None:
    where = f"{source}: action #{index}"
    if not isinstance(action, dict) or not isinstance(action.get("target"), str):
        raise OverlayError(f"{where}: each action needs a string 'target'")
    if not isinstance(action.get("description"), str) or not action["description"].strip():
        raise OverlayError(f"{where}: each action needs a 'description' naming the upstream defect or addition")
    kinds = ["update" in action, action.get("remove") is True, "copy" in action]
    if sum(kinds) != 1:
        raise OverlayError(f"{where}: exactly one of 'update', 'remove: true' or 'copy' is required")
    for key in ("target", "copy"):
        if key in action:
            try:
                jsonpath_rfc9535.compile(action[key])
            except (jsonpath_rfc9535.JSONPathError, TypeError) as exc:
                raise OverlayError(f"{where}: {key} {action[key]!r} is not RFC 9535 JSONPath: {exc}") from None


def merge(target: JSON, update: JSON) -> JSON:
    """Merge ``update`` into the ``target`` node in place and return the result (see module docstring)."""
    if isinstance(target, list):
        target.extend(copy.deepcopy(update) if isinstance(update, list) else [copy.deepcopy(update)])
        return target
    return _merge_value(target, update)


def _merge_value(target: JSON, update: JSON) -> JSON:
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge_value(target[key], value) if key in target else copy.deepcopy(value)
        return target
    return copy.deepcopy(update)


def apply(document: JSON, overlays: Iterable[Overlay]) -> JSON:
    """Return a copy of ``document`` with every overlay applied in order; the input is not modified."""
    result = copy.deepcopy(document)
    for overlay in overlays:
        for index, action in enumerate(overlay.actions):
            result = _apply_action(result, overlay.source, index, action)
    return result


def _apply_action(document: JSON, source: str, index: int, action: dict[str, JSON]) -> JSON:
    target = action["target"]
    nodes = jsonpath_rfc9535.find(target, document)
    if not nodes:
        raise DeadTargetError(source, index, target, describe_near(document, target))
    if action.get("remove") is True:
        # Delete deepest-last array indices first so earlier deletions do not shift later locations.
        for node in sorted(nodes, key=_location_key, reverse=True):
            if not node.location:
                raise OverlayError(f"{source}: action #{index} cannot remove the document root")
            parent = _resolve(document, node.location[:-1])
            del parent[node.location[-1]]
        return document
    update = _copied_value(document, source, index, action["copy"]) if "copy" in action else action["update"]
    for node in nodes:
        if not node.location:
            document = merge(document, update)
            continue
        parent = _resolve(document, node.location[:-1])
        key = node.location[-1]
        if not isinstance(parent[key], dict | list):
            raise OverlayError(
                f"{source}: action #{index} target {node.path()} is a scalar; Overlay 1.0 updates objects and arrays"
            )
        parent[key] = merge(parent[key], update)
    return document


def _copied_value(document: JSON, source: str, index: int, query: str) -> JSON:
    found = jsonpath_rfc9535.find(query, document)
    if len(found) != 1:
        raise OverlayError(f"{source}: action #{index} copy source {query!r} must match one node, matched {len(found)}")
    return found[0].value


def _location_key(node: jsonpath_rfc9535.JSONPathNode) -> list[tuple[int, str]]:
    return [(part, "") if isinstance(part, int) else (-1, part) for part in node.location]


def _resolve(document: JSON, location: Sequence[str | int]) -> JSON:
    node = document
    for part in location:
        node = node[part]
    return node


def describe_near(document: JSON, target: str) -> str:
    """Say what the document has near a dead target: the longest prefix that still matches, and its keys.

    The prefix is found by dropping trailing segments of the query one at a time; this is what a maintainer needs
    to see when an upstream release renamed or moved what an overlay fixes.
    """
    query = jsonpath_rfc9535.compile(target)
    segments = list(query.segments)
    while segments:
        segments.pop()
        prefix = "$" + "".join(str(segment) for segment in segments)
        found = jsonpath_rfc9535.find(prefix, document)
        if found:
            value = found[0].value
            keys = sorted(map(str, value)) if isinstance(value, dict) else f"<{type(value).__name__}>"
            return f"Nearest match: {found[0].path()} has {keys}"
    return "Nothing of the target's path exists in the document."


def load_overlays(directory: Path) -> list[Overlay]:
    """Every ``*.yaml`` overlay in ``directory``, in file-name order."""
    return [Overlay.load(path) for path in sorted(directory.glob("*.yaml"))]
