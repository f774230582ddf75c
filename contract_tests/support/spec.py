"""The patched spec as data: its operations, their responses, fully resolved schemas and their oneOf branches.

Everything the suites exercise is read from the spec at run time, so a spec update (a new operation, a new
error status, a new oneOf branch) is picked up without editing the suites.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from vonage_voice_sandbox import patched_spec_path
from vonage_voice_sandbox.spec.refs import follow_refs, resolve_ref

ROOT: Final = Path(__file__).resolve().parents[2]
# The committed spec in a checkout; installed from the wheel (no checkout), the sandbox's copy of it.
_CHECKOUT: Final = ROOT / "openapi" / "voice-v1.patched.yaml"
PATCHED_SPEC: Final = _CHECKOUT if _CHECKOUT.is_file() else patched_spec_path()
HTTP_METHODS: Final = ("get", "put", "post", "delete", "patch")

Schema = dict[str, Any]


@functools.cache
def _cached_spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, when present: 20 ms where SafeLoader takes 180
    spec: dict[str, Any] = yaml.load(PATCHED_SPEC.read_text(encoding="utf-8"), Loader=loader)
    return spec


def cached_spec() -> dict[str, Any]:
    """The patched spec, shared and read-only (callers that change it take :func:`load_spec`)."""
    return _cached_spec()


def load_spec() -> dict[str, Any]:
    """A private copy of the patched spec (callers may change it, e.g. to build synthetic specs)."""
    return copy.deepcopy(_cached_spec())


@dataclass(frozen=True)
class Operation:
    path: str
    method: str  # upper case
    operation_id: str
    raw: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def module_name(self) -> str:
        """The generated module's name: openapi-python-client snake-cases the operationId (startDTMF -> start_dtmf)."""
        return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", self.operation_id).replace("-", "_").lower()


def operations(spec: dict[str, Any] | None = None) -> list[Operation]:
    spec = spec or _cached_spec()
    found = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                raw = dict(item[method])
                raw["parameters"] = shared + raw.get("parameters", [])
                found.append(Operation(path, method.upper(), raw["operationId"], raw))
    return found


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """``node`` with every ``$ref`` replaced by a copy of its target (the Voice spec has no recursive schema)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return resolve(spec, resolve_ref(spec, node["$ref"]))
        return {key: resolve(spec, value) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(spec, item) for item in node]
    return node


@dataclass(frozen=True)
class ResponseSpec:
    """One documented answer of an operation: a status (or range such as 5XX), a media type, a schema, headers."""

    operation: Operation
    status: str
    media_type: str | None
    schema: Schema | None
    headers: tuple[str, ...]

    @property
    def statuses(self) -> list[int]:
        """Concrete statuses to try: the status itself, or the usual members of a range (5XX -> 500, 502, 503, 504)."""
        if self.status.upper() == "5XX":
            return [500, 502, 503, 504]
        if self.status.upper().endswith("XX"):
            return [int(self.status[0]) * 100]
        return [int(self.status)]


def responses(operation: Operation, spec: dict[str, Any] | None = None) -> list[ResponseSpec]:
    """Every (status, media type) an operation documents; schemas keep their $refs (branches are named by them)."""
    spec = spec or _cached_spec()
    found = []
    for status, raw in operation.raw["responses"].items():
        response = _deref_once(spec, raw)
        headers = tuple(response.get("headers", {}))
        content = response.get("content") or {None: {}}
        for media_type, media in content.items():
            found.append(ResponseSpec(operation, str(status), media_type, media.get("schema"), headers))
    return found


def _deref_once(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    target: dict[str, Any] = follow_refs(spec, node)
    return target


def request_body_schema(operation: Operation, spec: dict[str, Any] | None = None) -> Schema | None:
    """The JSON request body's schema, $refs kept."""
    spec = spec or _cached_spec()
    body = operation.raw.get("requestBody")
    if body is None:
        return None
    schema: Schema | None = _deref_once(spec, body)["content"].get("application/json", {}).get("schema")
    return schema


# --- oneOf branches -------------------------------------------------------------------------------------------------

Pointer = tuple[str | int, ...]


@dataclass(frozen=True)
class Branch:
    """One branch of one oneOf/anyOf site of a resolved schema: ``schema`` forces it (and its enclosing branches)."""

    site: Pointer  # where the oneOf sits in the resolved schema
    index: int
    name: str  # the branch's title, or its component name when it was a $ref, or "#<index>"
    schema: Schema

    @property
    def label(self) -> str:
        where = "/".join(str(part) for part in self.site) or "(root)"
        return f"{where}:{self.name}"


def branch_names(spec: dict[str, Any], node: Schema) -> list[str]:
    """Names of a oneOf/anyOf's branches, read before resolution (a $ref names its component)."""
    names = []
    for index, branch in enumerate(node.get("oneOf") or node.get("anyOf") or []):
        if "$ref" in branch:
            names.append(branch["$ref"].rsplit("/", 1)[-1])
        else:
            names.append(str(branch.get("title") or f"#{index}"))
    return names


def _sites(node: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, Schema]]:
    if isinstance(node, dict):
        if "oneOf" in node or "anyOf" in node:
            yield pointer, node
        for key, value in node.items():
            if key != "not":  # a branch of a negated schema is not something a value can "go through"
                yield from _sites(value, (*pointer, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _sites(item, (*pointer, index))


def _get(node: Any, pointer: Pointer) -> Any:
    for part in pointer:
        node = node[part]
    return node


def _force(schema: Schema, site: Pointer, index: int) -> None:
    """Replace the oneOf at ``site`` (in place) by ``allOf: [its other keywords, branch index]``."""
    parent = _get(schema, site[:-1]) if site else None
    node = _get(schema, site)
    keyword = "oneOf" if "oneOf" in node else "anyOf"
    rest = {k: v for k, v in node.items() if k not in (keyword, "discriminator")}
    forced = {"allOf": [rest, node[keyword][index]]} if rest else node[keyword][index]
    if parent is None:
        schema.clear()
        schema.update(forced)
    else:
        parent[site[-1]] = forced


def branches(raw_schema: Schema, spec: dict[str, Any] | None = None) -> list[Branch]:
    """Every branch of every oneOf/anyOf site in ``raw_schema``, each as a schema forcing that branch.

    A site nested inside a branch of another site forces the enclosing branches too, so the generated value really
    goes through the site. Forcing happens on the resolved tree, so one use of a shared component is forced without
    constraining its other uses.
    """
    spec = spec or _cached_spec()
    resolved = resolve(spec, raw_schema)
    names = _names_by_site(spec, raw_schema)
    found = []
    for site, node in _sites(resolved):
        keyword = "oneOf" if "oneOf" in node else "anyOf"
        for index in range(len(node[keyword])):
            forced = copy.deepcopy(resolved)
            # Deepest first, so that pointers of enclosing sites stay valid while we rewrite.
            _require_path(forced, site)
            for enclosing, enclosing_index in reversed([*_enclosing(resolved, site), (site, index)]):
                _force(forced, enclosing, enclosing_index)
            found.append(Branch(site, index, names.get(site, [])[index] if site in names else f"#{index}", forced))
    return found


def _require_path(schema: Schema, site: Pointer) -> None:
    """Make every optional property and possibly empty array on the way to ``site`` present, so values reach it."""
    for depth, part in enumerate(site):
        parent = _get(schema, site[:depth])
        if part == "properties" and depth + 1 < len(site) and isinstance(parent, dict):
            name = site[depth + 1]
            required = parent.setdefault("required", [])
            if name not in required:
                required.append(name)
        elif part == "items" and isinstance(parent, dict):
            parent["minItems"] = max(1, int(parent.get("minItems", 0)))


def _enclosing(resolved: Schema, site: Pointer) -> list[tuple[Pointer, int]]:
    """The (site, branch index) of every oneOf/anyOf that ``site`` sits inside, outermost first."""
    found = []
    for depth in range(len(site) - 1):
        prefix = site[:depth]
        keyword = site[depth]
        if keyword in ("oneOf", "anyOf") and isinstance(site[depth + 1], int):
            node = _get(resolved, prefix)
            if isinstance(node, dict) and keyword in node:
                found.append((prefix, int(site[depth + 1])))
    return found


def _names_by_site(spec: dict[str, Any], raw: Any, pointer: Pointer = ()) -> dict[Pointer, list[str]]:
    """Branch names per site, found by walking the unresolved schema alongside the resolved one."""
    found: dict[Pointer, list[str]] = {}
    if isinstance(raw, dict):
        if "$ref" in raw:
            return _names_by_site(spec, resolve_ref(spec, raw["$ref"]), pointer)
        if "oneOf" in raw or "anyOf" in raw:
            found[pointer] = branch_names(spec, raw)
        for key, value in raw.items():
            found.update(_names_by_site(spec, value, (*pointer, key)))
    elif isinstance(raw, list):
        for index, item in enumerate(raw):
            found.update(_names_by_site(spec, item, (*pointer, index)))
    return found
