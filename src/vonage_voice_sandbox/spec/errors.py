"""What a request that breaks the spec gets: the parameters at fault, and the kind of fault.

The web face answers it as problem+json (``web/problems.py``); a checker of other traffic can read it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["InvalidKind", "InvalidParameter", "InvalidRequest"]

# Codes of the API errors page for a 400: a value the spec refuses, a body that is not JSON, a Content-Type not taken.
InvalidKind = Literal["bad-request", "invalid-json", "content-type-header"]


@dataclass(frozen=True)
class InvalidParameter:
    """One thing to fix: ``name`` is a JSON path into the request (``to[0].number``, ``page_size``, ``body``)."""

    name: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "reason": self.reason}


@dataclass
class InvalidRequest(Exception):
    """The request is not valid for its operation (a 400 on the wire)."""

    kind: InvalidKind
    detail: str
    invalid_parameters: list[InvalidParameter] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"
