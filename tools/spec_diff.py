"""Spec-level changes between two OpenAPI documents, each classified breaking or not for a client user.

Compared: operations (operationId, tag), parameters, request bodies, responses, and every node of every schema
(named or inline): fields, required-ness, type, format, enum values, limits, patterns, defaults, nullability,
oneOf/allOf composition and discriminators. Descriptions, titles and examples are not: they change no contract.

Whether a change breaks depends on the direction data flows. A named schema's direction is where operations use
it (request, response or both, following ``$ref``s); a change that breaks in either direction breaks. The rules:

* request: a new required field or parameter, a removed field, a narrowed enum or limit, a new or changed pattern,
  a new discriminator (a value it does not map is refused), a changed default and an optional-to-required switch
  all break; additions and widenings do not.
* response: a removed field, a narrowed enum and a required-to-optional switch break (client code relied on the
  value); new fields, new enum values and changed limits do not.
* both: a changed type, a reshaped node (an object that became a oneOf, a ``$ref`` to another object), a format
  change that changes the generated Python type (date-time, date, uuid, binary), a removed or renamed operation,
  operationId or tag (the generated function or module moves) break.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tools.change_report import Change
from tools.spec_nodes import LOWER_BOUNDS, REQUEST, RESPONSE, UPPER_BOUNDS, Node, Path, nodes, operations, parameters

JSON = Any
# Formats for which openapi-python-client generates a type other than str.
TYPED_FORMATS = {"date-time", "date", "uuid", "binary"}


def diff_specs(old: JSON, new: JSON) -> list[Change]:
    """Every spec-level change from ``old`` to ``new``, breaking ones first."""
    changes = list(_operation_changes(old, new))
    changes += _node_changes(nodes(old), nodes(new))
    return sorted(changes, key=lambda change: (not change.breaking, change.where, change.what, change.kind))


# ---- operations, parameters, bodies, responses --------------------------------------------------------------


def _operation_changes(old: JSON, new: JSON) -> Iterator[Change]:
    old_ops, new_ops = operations(old), operations(new)
    for key in sorted(new_ops.keys() - old_ops.keys()):
        op = new_ops[key]["op"]
        yield Change("added", "operation", key, f"{op.get('operationId')} ({op.get('summary', 'no summary')})", False)
    for key in sorted(old_ops.keys() - new_ops.keys()):
        yield Change("removed", "operation", key, str(old_ops[key]["op"].get("operationId")), True)
    for key in sorted(old_ops.keys() & new_ops.keys()):
        yield from _same_operation_changes(key, old_ops[key], new_ops[key], old, new)


def _same_operation_changes(key: str, old: JSON, new: JSON, old_doc: JSON, new_doc: JSON) -> Iterator[Change]:
    before, after = old["op"], new["op"]
    if before.get("operationId") != after.get("operationId"):
        detail = f"{before.get('operationId')} → {after.get('operationId')} (the generated function is renamed)"
        yield Change("changed", "operationId", key, detail, True)
    if before.get("tags") != after.get("tags"):
        detail = f"{_tags(before)} → {_tags(after)} (the generated module moves)"
        yield Change("changed", "tag", key, detail, True)
    yield from _parameter_changes(key, parameters(old, old_doc), parameters(new, new_doc))
    yield from _body_changes(key, before.get("requestBody"), after.get("requestBody"))
    old_codes, new_codes = set(before.get("responses", {})), set(after.get("responses", {}))
    for code in sorted(new_codes - old_codes):
        yield Change("added", "response", f"{key} → {code}", "", False)
    for code in sorted(old_codes - new_codes):
        yield Change("removed", "response", f"{key} → {code}", "", True)


def _tags(op: JSON) -> str:
    return ", ".join(op.get("tags", [])) or "none"


def _parameter_changes(key: str, old: dict[str, JSON], new: dict[str, JSON]) -> Iterator[Change]:
    for name in sorted(new.keys() - old.keys()):
        required = bool(new[name].get("required"))
        yield Change("added", "parameter", f"{key} {name}", "required" if required else "optional", required)
    for name in sorted(old.keys() - new.keys()):
        yield Change("removed", "parameter", f"{key} {name}", "", True)
    for name in sorted(old.keys() & new.keys()):
        was, now = bool(old[name].get("required")), bool(new[name].get("required"))
        if was != now:
            detail = "now required" if now else "now optional"
            yield Change("changed", "required", f"{key} {name}", detail, now)


def _body_changes(key: str, old: JSON, new: JSON) -> Iterator[Change]:
    where = f"{key} request body"
    if old is None and new is not None:
        required = bool(new.get("required"))
        yield Change("added", "request body", where, "required" if required else "optional", required)
    elif old is not None and new is None:
        yield Change("removed", "request body", where, "", True)
    elif old is not None and new is not None and bool(old.get("required")) != bool(new.get("required")):
        now = bool(new.get("required"))
        yield Change("changed", "required", where, "now required" if now else "now optional", now)


# ---- schema nodes -------------------------------------------------------------------------------------------

# ---- comparing nodes ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """Where a node change is reported: its rendered path, and the directions its data flows in."""

    path: str
    directions: frozenset[str]

    @classmethod
    def of(cls, path: Path, directions: frozenset[str]) -> Site:
        text = path[0]
        for part in path[1:]:
            text += part if part == "[]" or part.startswith("(") else f".{part}"
        return cls(text, directions)

    @property
    def request(self) -> bool:
        return REQUEST in self.directions

    @property
    def response(self) -> bool:
        return RESPONSE in self.directions

    def change(self, kind: str, what: str, detail: str, breaking: bool) -> Change:
        return Change(kind, what, self.path, detail, breaking, " and ".join(sorted(self.directions)))


def _node_changes(old: dict[Path, Node], new: dict[Path, Node]) -> list[Change]:
    changes: list[Change] = []
    reshaped: set[Path] = set()
    for path in sorted(old.keys() & new.keys()):
        if any(path[:i] in reshaped for i in range(1, len(path))):
            continue
        found = list(_compare(Site.of(path, old[path].directions | new[path].directions), old[path], new[path]))
        if any(change.what == "shape" for change in found):
            reshaped.add(path)
        changes += found
    for path in sorted(new.keys() - old.keys()):
        if not _reported_above(path, old, new, reshaped):
            changes += _added(path, new[path])
    for path in sorted(old.keys() - new.keys()):
        if not _reported_above(path, new, old, reshaped) and (len(path) > 1 or old[path].named):
            site = Site.of(path, old[path].directions)
            changes.append(site.change("removed", "schema" if len(path) == 1 else "field", "", True))
    return changes


def _reported_above(path: Path, other: dict[Path, Node], same: dict[Path, Node], reshaped: set[Path]) -> bool:
    """True when an ancestor was itself added/removed or reshaped, so that change already covers this node."""
    parents = [path[:i] for i in range(1, len(path))]
    return any(parent in reshaped or (parent in same and parent not in other) for parent in parents)


def _added(path: Path, node: Node) -> list[Change]:
    if len(path) == 1:  # an operation's own schemas are covered by the operation change
        return [Change("added", "schema", path[0], "", False)] if node.named else []
    site = Site.of(path, node.directions)
    required = bool(node.facts.get("required"))
    return [site.change("added", "field", "required" if required else "optional", required and site.request)]


def _compare(site: Site, old: Node, new: Node) -> Iterator[Change]:
    before, after = old.facts, new.facts
    if _shape(before) != _shape(after):
        yield site.change("changed", "shape", f"{_describe(before)} → {_describe(after)}", True)
        return
    if before.get("ref") != after.get("ref"):
        before, after = before.get("resolved", before), after.get("resolved", after)
    yield from _required_change(site, old.facts.get("required"), new.facts.get("required"))
    for name in sorted(set(after.get("oneOf", ())) - set(before.get("oneOf", ()))):
        yield site.change("added", "variant", name, False)
    for name in sorted(set(before.get("oneOf", ())) - set(after.get("oneOf", ()))):
        yield site.change("removed", "variant", name, True)
    yield from _discriminator_changes(site, before.get("discriminator"), after.get("discriminator"))
    yield from _enum_changes(site, before.get("enum"), after.get("enum"))
    for key in LOWER_BOUNDS + UPPER_BOUNDS:
        yield from _limit_change(site, key, before.get(key), after.get(key))
    yield from _scalar_changes(site, before, after)


def _shape(facts: Mapping[str, Any]) -> tuple[Any, ...]:
    ref = facts.get("ref") if "resolved" not in facts else None
    return ref, bool(facts.get("oneOf")), facts.get("extends"), _type(facts)


def _type(facts: Mapping[str, Any]) -> Any:
    """The node's type; a node with properties or an allOf base but no `type` is an object all the same (1.3.7's
    createCall bodies have no `type: object`, 1.10.0's have), so adding or dropping that line is no reshape."""
    declared = facts.get("type", facts.get("resolved", {}).get("type"))
    if declared is None and (facts.get("properties") or facts.get("extends")):
        return "object"
    return declared


def _describe(facts: Mapping[str, Any]) -> str:
    if facts.get("ref") and "resolved" not in facts:
        return f"$ref {facts['ref']}"
    if facts.get("oneOf"):
        return "one of " + " | ".join(facts["oneOf"])
    return str(_type(facts) or "untyped")


def _required_change(site: Site, was: Any, now: Any) -> Iterator[Change]:
    if was is None or now is None or bool(was) == bool(now):
        return
    breaking = site.request if now else site.response
    yield site.change("changed", "required", "now required" if now else "now optional", breaking)


def _scalar_changes(site: Site, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    if old.get("format") != new.get("format"):
        typed = bool({old.get("format"), new.get("format")} & TYPED_FORMATS)
        note = "the generated Python type changes" if typed else "str either way"
        yield site.change(
            "changed", "format", f"{_show(old.get('format'))} → {_show(new.get('format'))} ({note})", typed
        )
    if old.get("pattern") != new.get("pattern"):
        narrowed = new.get("pattern") is not None
        yield site.change(
            "changed",
            "pattern",
            f"{_show(old.get('pattern'))} → {_show(new.get('pattern'))}",
            narrowed and site.request,
        )
    if old.get("default") != new.get("default"):
        yield site.change(
            "changed", "default", f"{_show(old.get('default'))} → {_show(new.get('default'))}", site.request
        )
    if bool(old.get("nullable")) != bool(new.get("nullable")):
        now = bool(new.get("nullable"))
        breaking = site.response if now else site.request
        yield site.change("changed", "nullable", "now nullable" if now else "no longer nullable", breaking)


def _discriminator_changes(site: Site, old: Any, new: Any) -> Iterator[Change]:
    if old == new:
        return
    if old is None:  # like an enum on a free string: a request whose value is not mapped is refused
        yield site.change("added", "discriminator", _show_discriminator(new), site.request)
    elif new is None:
        yield site.change("removed", "discriminator", _show_discriminator(old), False)
    else:
        gone = old[0] != new[0] or bool(set(old[1]) - set(new[1]))
        detail = f"{_show_discriminator(old)} → {_show_discriminator(new)}"
        yield site.change("changed", "discriminator", detail, gone and site.request)


def _show_discriminator(value: tuple[str, tuple[tuple[str, str], ...]]) -> str:
    name, mapping = value
    return f"`{name}` picks the variant" + (": " + ", ".join(f"{k} → {v}" for k, v in mapping) if mapping else "")


def _enum_changes(site: Site, old: Any, new: Any) -> Iterator[Change]:
    if old == new:
        return
    if old is None:  # a free string became an enum: requests may no longer send other values
        yield site.change("added", "enum", ", ".join(map(_show, new)), site.request)
    elif new is None:
        yield site.change("removed", "enum", "any value is now allowed", False)
    else:
        added, removed = [v for v in new if v not in old], [v for v in old if v not in new]
        if removed:
            yield site.change("removed", "enum value", ", ".join(map(_show, removed)), True)
        if added:
            yield site.change("added", "enum value", ", ".join(map(_show, added)), False)


def _limit_change(site: Site, key: str, old: Any, new: Any) -> Iterator[Change]:
    if old == new:
        return
    # A bound that appears narrows; one that goes widens; otherwise the direction depends on the bound.
    narrowed = (old is None) if old is None or new is None else (new > old) == (key in LOWER_BOUNDS)
    label = "narrowed" if narrowed else "widened"
    yield site.change("changed", "limit", f"{key} {_show(old)} → {_show(new)} ({label})", narrowed and site.request)


def _show(value: Any) -> str:
    """A spec value as the report shows it: strings quoted without escapes, a missing value as ``none``."""
    return "none" if value is None else f'"{value}"' if isinstance(value, str) else str(value)
