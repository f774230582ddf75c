"""``Unset``: a field the API did not send, told apart from one it sent as ``null``, ``0`` or ``""``.

The generated models type an optional field as ``T | Unset`` (``Call.price: str | Unset``): the value, or ``UNSET``,
the one instance of :class:`Unset`. mypy makes you say what happens when it is missing:

    if not isinstance(call.price, Unset):      # narrows call.price to str
        total += float(call.price)

    total += float(value_or(call.price, "0"))  # the same, as an expression

``value_or`` is the expression form, for comprehensions, arguments and chained reads, where an ``isinstance`` needs a
statement of its own (or the attribute read twice). ``UNSET`` is falsy, so ``call.price or "0"`` type-checks too,
but it also replaces values that are present and falsy (``0``, ``""``, ``False``, ``[]``): ``value_or`` replaces
``UNSET`` only.
"""

from __future__ import annotations

from typing import TypeVar

from vonage_voice_api.types import UNSET, Unset

T = TypeVar("T")
D = TypeVar("D")


def value_or(value: T | Unset, default: D) -> T | D:
    """``value`` unless it is ``UNSET``, else ``default``: ``value_or(call.price, None)`` is a ``str | None``."""
    return default if isinstance(value, Unset) else value


__all__ = ["UNSET", "Unset", "value_or"]
