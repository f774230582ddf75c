"""The verification options of the overloads on ``kind`` that ``construct_event`` and ``event_from_request`` share.

Each overload names its function's own parameters (the payload, the secret) and its ``kind``; the options, the same
for both functions, are written once here. The four overloads themselves stay with each function: one overload set
over two parameter lists needs a ``ParamSpec`` with the keyword-only ``kind`` beside it, which PEP 612 forbids (mypy:
"Arguments not allowed after ParamSpec.args"), and without one no type checker would check the other arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from .replay import ReplayCache


class VerifyOptions(TypedDict, total=False):
    """``verify_callback``'s options, passed on by the functions that verify and parse in one call."""

    max_age: float | None
    leeway: float
    replay_cache: ReplayCache | None
    clock: Callable[[], float]
