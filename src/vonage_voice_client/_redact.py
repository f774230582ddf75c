"""Show user-supplied values in error messages without ever echoing key material.

Error messages are most useful when they name the bad value ("application_id 'abc' is not a UUID"), but a value in
the wrong argument can be a secret: a PEM pasted where the application id goes, or a key body without its
``-----BEGIN`` line passed where a path was expected. Key material is long (a 2048-bit RSA key is over 1,600
characters of base64) and secrets are multi-line, so a short single-line value is shown and anything else is
described by its length only.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

MAX_SHOWN = 64
"""Longest value shown verbatim; far shorter than any RSA key or PEM block."""


def describe(value: object, *, limit: int = MAX_SHOWN) -> str:
    """Return ``repr(value)`` for a number, None or a short single-line string; otherwise describe it, hiding it."""
    if value is None or isinstance(value, int | float):
        return repr(value)
    if not isinstance(value, str):
        return f"a value of type {type(value).__name__}"
    if len(value) > limit or "\n" in value or "\r" in value or "-----" in value:
        return f"a {len(value)}-character string (not shown)"
    return repr(value)


T = TypeVar("T", covariant=True)


class Hidden(Generic[T]):
    """A secret (key material, a password, a signature secret, a token) that no repr, str or pickle shows.

    Error-tracking tools record the local variables of every frame of a traceback (Sentry does by default), using
    ``repr()``. Functions that handle a secret keep it in a ``Hidden`` and call :meth:`reveal` only inside the
    expression that needs the value, so no frame holds it in the clear.
    """

    __slots__ = ("_value",)

    def __init__(self, value: T) -> None:
        self._value = value

    def reveal(self) -> T:
        return self._value

    def __repr__(self) -> str:
        return "<hidden>"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[Any, ...]:
        raise TypeError("a hidden value cannot be pickled")
