"""What the call engine refuses, with the HTTP status each refusal means.

The engine knows nothing of HTTP answers: the web face turns these into problem+json (``web/problems.py``), with the
type and title of their status.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = ["CallNotActive", "CallNotFound", "EngineError", "TooManyCalls"]


class EngineError(Exception):
    status: ClassVar[int] = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class CallNotFound(EngineError):
    """No call has this uuid (never had, or it was forgotten past ``Limits.max_calls``)."""

    status = 404


class CallNotActive(EngineError):
    """The control needs an answered call; this one is not answered yet, or has ended."""

    status = 400


class TooManyCalls(EngineError):
    """Every call kept is in progress and the store is full (``Limits.max_calls``)."""

    status = 429
