"""The verification options in the overloads on ``kind`` of ``construct_event`` and ``event_from_request``.

Each function's four overloads name only ``kind`` and its result type, and take the other arguments as a typed
``**`` (``Unpack``): its own (the payload, the secret) and these options, the same for both, written once here. One
overload set for both functions would need a ``ParamSpec`` beside the keyword-only ``kind``, which PEP 612 forbids
(mypy: "Arguments not allowed after ParamSpec.args"); without one, no type checker would check the other arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from .replay import ReplayCache


class VerifyOptions(TypedDict, total=False):
    """``verify_callback``'s options, passed on by the functions that verify and parse in one call, and their cap on
    the body's size (``max_body_bytes``)."""

    max_age: float | None
    leeway: float
    replay_cache: ReplayCache | None
    clock: Callable[[], float]
    max_body_bytes: int
