"""RFC 7807 problem responses, in the shape of Vonage's API errors page.

Every error the sandbox gives is ``application/problem+json`` with ``type``, ``title``, ``detail`` and ``instance``
(the trace id, also sent as ``X-Nexmo-Trace-Id``), plus ``invalid_parameters`` for a request that failed validation.
The rooms below raise their own errors (:class:`..spec.errors.InvalidRequest`, :class:`..engine.errors.EngineError`);
:func:`problem_for` is the one place they become problems.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Final

from starlette.responses import Response

from ..engine.errors import EngineError
from ..spec.errors import InvalidParameter, InvalidRequest

__all__ = ["PROBLEM_JSON", "REFUSALS", "TRACE_HEADER", "InvalidParameter", "Problem", "new_trace_id", "problem_for"]

PROBLEM_JSON: Final = "application/problem+json"
TRACE_HEADER: Final = "X-Nexmo-Trace-Id"
_TYPE_BASE: Final = "https://developer.nexmo.com/api-errors"

# status -> (type slug, title); the slugs are the generic codes of the API errors page where one fits.
_KINDS: Final[dict[str, tuple[int, str]]] = {
    "bad-request": (400, "Bad Request"),
    "invalid-json": (400, "Invalid JSON"),
    "content-type-header": (400, "Invalid Content-Type"),
    "unauthorized": (401, "Unauthorized"),
    "forbidden": (403, "Forbidden"),
    "not-found": (404, "Not Found"),
    "wrong-verb": (405, "Method Not Allowed"),
    "payload-too-large": (413, "Payload Too Large"),
    "unsupported-media-type": (415, "Unsupported Media Type"),
    "conflict": (409, "Conflict"),
    "throttled": (429, "Too Many Requests"),
    "internal-error": (500, "Internal Server Error"),
    "bad-gateway": (502, "Bad Gateway"),
    "service-unavailable": (503, "Service Unavailable"),
    "gateway-timeout": (504, "Gateway Timeout"),
}
_SAME_STATUS: Final = ("invalid-json", "content-type-header")  # 400s that are not "the" 400
_KIND_BY_STATUS: Final = {status: kind for kind, (status, _) in _KINDS.items() if kind not in _SAME_STATUS}


@dataclass
class Problem(Exception):
    """An error answer; raise it anywhere in a handler, or call :meth:`response`."""

    kind: str
    detail: str
    invalid_parameters: list[InvalidParameter] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_status(cls, status: int, detail: str, headers: dict[str, str] | None = None) -> Problem:
        return cls(_KIND_BY_STATUS.get(status, "bad-request"), detail, headers=headers or {})

    @property
    def status(self) -> int:
        return _KINDS[self.kind][0]

    def body(self, trace_id: str) -> dict[str, Any]:
        title = _KINDS[self.kind][1]
        body: dict[str, Any] = {
            "type": f"{_TYPE_BASE}#{self.kind}",
            "title": title,
            "detail": self.detail,
            "instance": trace_id,
        }
        if self.invalid_parameters:
            body["invalid_parameters"] = [parameter.as_dict() for parameter in self.invalid_parameters]
        return body

    def response(self, trace_id: str) -> Response:
        content = json.dumps(self.body(trace_id), ensure_ascii=True).encode("ascii")
        headers = {TRACE_HEADER: trace_id, **self.headers}
        return Response(content, status_code=self.status, headers=headers, media_type=PROBLEM_JSON)

    def __str__(self) -> str:
        return f"{self.status} {self.kind}: {self.detail}"


def new_trace_id() -> str:
    return uuid.uuid4().hex


Refusal = Problem | InvalidRequest | EngineError
REFUSALS: Final = (Problem, InvalidRequest, EngineError)  # what a handler may raise for the client to see


def problem_for(error: Refusal) -> Problem:
    """The problem that answers ``error``: a spec violation keeps its kind, an engine refusal gets its status's."""
    if isinstance(error, InvalidRequest):
        return Problem(error.kind, error.detail, list(error.invalid_parameters))
    if isinstance(error, EngineError):
        return Problem.for_status(error.status, error.detail)
    return error
