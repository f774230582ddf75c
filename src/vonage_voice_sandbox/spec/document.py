"""Find and read the patched Voice API spec, and turn its paths into a route table.

The sandbox serves whatever the patched spec says: its operations, their paths and the server's path prefix are
read here at start-up, never written down in code. The spec ships as this package's data
(``vonage_voice_sandbox/_spec/voice-v1.patched.yaml``, a copy kept identical to ``openapi/`` by the build), so an
installed wheel needs no repository and the sandbox reads nothing of the client runtime.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlparse

import yaml

from .refs import RefError, follow_refs

__all__ = ["Operation", "SpecInfo", "load_spec", "patched_spec_path"]

_SPEC_FILE: Final = Path("_spec", "voice-v1.patched.yaml")
_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_PARAM = re.compile(r"\{([^{}/]+)\}")


def patched_spec_path() -> Path:
    """The patched spec this package carries (``make generate`` writes it; ``make check-generated`` compares it)."""
    path = Path(__file__).resolve().parents[1] / _SPEC_FILE  # the package's, not this room's
    if not path.is_file():
        raise FileNotFoundError(f"the patched Voice API spec is missing from the package: {path}")
    return path


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with its full path (server prefix included) and a matcher for it."""

    method: str  # upper case
    path: str  # e.g. /v1/calls/{uuid}
    operation_id: str
    pattern: re.Pattern[str] = field(repr=False, compare=False)
    parameters: tuple[str, ...] = ()  # path parameter names, in the order of the pattern's groups

    @property
    def key(self) -> str:
        """The operationId folded to lower-case letters and digits, so ``Subscribe-DTMF`` = ``subscribeDTMF``."""
        return fold_operation_id(self.operation_id)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: load_spec() caches one per file version
class SpecInfo:
    """What the sandbox needs from the spec: the document, its version, its path prefix and its operations."""

    document: dict[str, Any] = field(repr=False)
    source: str
    version: str
    title: str
    prefix: str
    operations: tuple[Operation, ...]

    def match(self, method: str, path: str) -> tuple[Operation | None, dict[str, str], bool]:
        """Find the operation for a request: (operation, path parameters, whether the path exists at all)."""
        wanted = _strip_slash(path)
        path_exists = False
        for operation in self.operations:
            found = operation.pattern.fullmatch(wanted)
            if found is None:
                continue
            path_exists = True
            if operation.method == method.upper():
                return operation, dict(zip(operation.parameters, found.groups(), strict=True)), True
        return None, {}, path_exists

    @functools.cached_property
    def _record_endpoints(self) -> dict[str, dict[str, Any]]:
        """The call record's ``to`` schema for each endpoint type, read once per spec (not per request)."""
        to = _call_record_schema(self.document).get("properties", {}).get("to", {})
        mapping = to.get("discriminator", {}).get("mapping", {})
        return {kind: _resolve(self.document, ref) for kind, ref in mapping.items() if isinstance(ref, str)}

    def record_fields(self, endpoint: dict[str, Any]) -> dict[str, Any]:
        """``endpoint`` as a call record shows it: only the fields the call record's ``to`` schema declares for its
        type, as the API records only documented endpoint fields (unknown request properties are not echoed)."""
        schema = self._record_endpoints.get(str(endpoint.get("type")))
        if schema is None:
            return dict(endpoint)
        return dict(_declared_only(self.document, schema, endpoint))

    def allowed_methods(self, path: str) -> list[str]:
        wanted = _strip_slash(path)
        return sorted({op.method for op in self.operations if op.pattern.fullmatch(wanted)})


def load_spec(path: str | Path | None = None) -> SpecInfo:
    """Read the spec at ``path`` (default: :func:`patched_spec_path`) and build its route table.

    Cached per file version (path, size, modification time): tests build many apps, and a changed file is re-read.
    The document is shared between apps, so it must be treated as read-only.
    """
    source = (Path(path) if path is not None else patched_spec_path()).resolve()
    stat = source.stat()
    return _load_spec(source, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_spec(source: Path, size: int, mtime_ns: int) -> SpecInfo:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, when present, reads the spec 6x faster
    document = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise ValueError(f"{source} is not an OpenAPI document with paths")
    prefix = server_prefix(document)
    info = document.get("info") or {}
    return SpecInfo(
        document=document,
        source=str(source),
        version=str(info.get("version", "unknown")),
        title=str(info.get("title", "")),
        prefix=prefix,
        operations=tuple(_operations(document, prefix)),
    )


def server_prefix(document: dict[str, Any]) -> str:
    """The path part of the first server URL (``/v1/calls`` upstream, empty once overlays moved it into the paths)."""
    servers = document.get("servers") or [{"url": "/"}]
    first = servers[0]
    url = str(first.get("url", "/"))
    for name, variable in (first.get("variables") or {}).items():
        url = url.replace("{" + name + "}", str(variable.get("default", "")))
    return urlparse(url).path.rstrip("/")


def full_paths(document: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The spec's ``paths`` keyed by the full request path, so a validator can use a bare ``/`` server."""
    return {_strip_slash(prefix + key): item for key, item in document["paths"].items()}


def fold_operation_id(operation_id: str) -> str:
    return re.sub(r"[^0-9a-z]", "", operation_id.lower())


def _operations(document: dict[str, Any], prefix: str) -> list[Operation]:
    operations = []
    for path, item in full_paths(document, prefix).items():
        for method in _METHODS:
            spec = item.get(method) if isinstance(item, dict) else None
            if not isinstance(spec, dict):
                continue
            operation_id = str(spec.get("operationId") or f"{method} {path}")
            parameters = tuple(_PARAM.findall(path))
            operations.append(Operation(method.upper(), path, operation_id, _path_pattern(path), parameters))
    return operations


def _path_pattern(template: str) -> re.Pattern[str]:
    parts = _PARAM.split(template)
    # split() alternates literal text and parameter names; groups are positional, as names need not be identifiers.
    return re.compile("".join(re.escape(part) if index % 2 == 0 else "([^/]+)" for index, part in enumerate(parts)))


def _strip_slash(path: str) -> str:
    """``/v1/calls/`` and ``/v1/calls`` name the same resource (the upstream spec produced the first form)."""
    return path.rstrip("/") or "/"


def _resolve(document: dict[str, Any], ref: str) -> dict[str, Any]:
    """The schema at the end of ``ref``'s chain; {} when there is none (the route table needs none of it)."""
    try:
        node = follow_refs(document, {"$ref": ref})
    except RefError:
        return {}
    return node if isinstance(node, dict) else {}


def _declared_only(document: dict[str, Any], schema: dict[str, Any], value: Any) -> Any:
    """``value`` without the properties ``schema`` does not declare, at every depth (open objects kept whole)."""
    declared = schema.get("properties")
    if not isinstance(value, dict) or not isinstance(declared, dict) or schema.get("additionalProperties"):
        return value
    return {
        name: _declared_only(document, _resolve(document, sub["$ref"]) if "$ref" in sub else sub, item)
        for name, item in value.items()
        if isinstance(sub := declared.get(name), dict)
    }


def _call_record_schema(document: dict[str, Any]) -> dict[str, Any]:
    """The 200 schema of getCall, resolved (empty if the spec has none)."""
    for item in document.get("paths", {}).values():
        operation = item.get("get", {}) if isinstance(item, dict) else {}
        if fold_operation_id(str(operation.get("operationId", ""))) == "getcall":
            content = operation.get("responses", {}).get("200", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema", {})
            return _resolve(document, schema["$ref"]) if "$ref" in schema else schema
    return {}
