"""Answers the spec allows, for the client contract: every documented status and media type, each oneOf branch."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import generation
from .spec import Branch, Operation, ResponseSpec, branches, load_spec, operations, responses
from .types import StOperation


@dataclass(frozen=True)
class ResponseItem:
    """One answer shape to serve: a status, a media type, and the body schema (one branch forced, if any)."""

    response: ResponseSpec
    status: int
    branch: Branch | None

    @property
    def operation(self) -> Operation:
        return self.response.operation

    @property
    def body_schema(self) -> dict[str, Any] | None:
        return self.branch.schema if self.branch else self.response.schema

    @property
    def id(self) -> str:
        media = f" {self.response.media_type}" if self.response.media_type else ""
        branch = f" [{self.branch.label}]" if self.branch else ""
        return f"{self.operation.operation_id} {self.status}{media}{branch}"

    def expected_class(self) -> str | None:
        """The folded name of the model a forced branch must come out as (None when the branch has no model)."""
        if self.branch is None or self.branch.name.startswith("#"):
            return None
        return fold(self.branch.name)


def fold(name: str) -> str:
    """Class names folded so that a component's name matches the generator's spelling (VBC -> Vbc)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def response_items() -> list[ResponseItem]:
    spec = load_spec()

    items: list[ResponseItem] = []
    for operation in operations(spec):
        for response in responses(operation, spec):
            forced: list[Branch | None] = [None]
            if response.schema is not None and response.status.startswith("2"):
                forced += branches(response.schema, spec)
            items.extend(ResponseItem(response, status, branch) for status in response.statuses for branch in forced)
    return items


def body_operations(items: list[ResponseItem]) -> list[StOperation | None]:
    """A Schemathesis operation generating each item's body (None for items without a body)."""
    spec = load_spec()
    with_body = [item for item in items if item.body_schema is not None]
    generated = iter(generation.synthetic_operations(spec, [(None, item.body_schema) for item in with_body]))
    return [next(generated) if item.body_schema is not None else None for item in items]
