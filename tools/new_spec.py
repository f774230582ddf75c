"""What becomes openapi/voice-v1.yaml: the new spec file read, checked, and its provenance worked out.

A YAML file is kept byte for byte (comment lines included); a JSON file is converted to YAML, since the vendored
file's name is .yaml, and its provenance record says so and keeps the published file's sha256. A file that is the
vendored one (byte for byte, or the same document) is recognised, so that the update can be a no-op.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tools import provenance
from tools.generate import Layout, dump_yaml
from tools.provenance import Provenance, ProvenanceError

JSON = Any


class UpdateStopped(Exception):
    """The update cannot go on; the message is the report to show. The repository is unchanged."""


@dataclass(frozen=True)
class NewSpec:
    document: JSON
    data: bytes  # what openapi/voice-v1.yaml becomes
    provenance: Provenance

    @property
    def source(self) -> str:
        return self.provenance.source

    @property
    def version(self) -> str:
        return str(self.document["info"]["version"])


@dataclass(frozen=True)
class Unchanged:
    """The new spec is the vendored one: nothing was written."""

    how: str  # "byte for byte", or how the documents are the same


def read_spec(path: Path, archived_on: str | None = None) -> NewSpec:
    """Load ``path`` (YAML or JSON): the bytes that become openapi/voice-v1.yaml, and their provenance."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UpdateStopped(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    try:
        document = json.loads(text) if is_json else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise UpdateStopped(f"{path} is not valid {'JSON' if is_json else 'YAML'}: {exc}") from None
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3."):
        raise UpdateStopped(f"{path} is not an OpenAPI 3 document (no `openapi: 3.x`)")
    info = document.get("info")
    if not isinstance(info, dict) or "version" not in info or not isinstance(document.get("paths"), dict):
        raise UpdateStopped(f"{path} has no info.version or no paths")
    data = dump_yaml(document).encode("utf-8") if is_json else raw
    archive = {} if is_json else provenance.archive_lines(text)
    try:
        record = Provenance(
            source=archive.get("from") or path.name,
            version=str(info["version"]),
            sha256=provenance.sha256(data),
            archived_on=_archive_date(path.name, archive.get("on"), archived_on),
            named_by_archive=bool(archive.get("from")),
            dated_by_archive=bool(archive.get("on")),
            published_sha256=provenance.sha256(raw) if is_json else None,
        )
    except ProvenanceError as exc:
        raise UpdateStopped(str(exc)) from None
    return NewSpec(document, data, record)


def _archive_date(name: str, in_file: str | None, given: str | None) -> str | None:
    """The file's own `# x-archived-on` date, else the one given; a given date may not contradict the file."""
    own = provenance.check_date(in_file, f"the `# x-archived-on` line of {name}") if in_file else None
    other = provenance.check_date(given, "--archived-on") if given else None
    if own and other and own != other:
        raise ProvenanceError(f"{name} says `# x-archived-on: {own}`; --archived-on {other} contradicts it")
    return own or other


def unchanged(layout: Layout, spec: NewSpec) -> Unchanged | None:
    """How the new spec is the vendored one, or None when it is a different document."""
    current = _current_bytes(layout)
    if current == spec.data:
        return Unchanged("byte for byte")
    if current_document(layout) == spec.document:
        return Unchanged("the same document (it differs only in comments or formatting)")
    return None


def _current_bytes(layout: Layout) -> bytes:
    if not layout.spec.is_file():
        raise UpdateStopped(f"{layout.spec} does not exist: is {layout.root} a checkout of this repository?")
    return layout.spec.read_bytes()


def current_document(layout: Layout) -> JSON:
    try:
        return yaml.safe_load(_current_bytes(layout).decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UpdateStopped(f"the vendored {layout.spec} does not load ({exc})") from None
