"""Schemathesis' generic types, parameterised once (mypy --strict wants the parameters; we never narrow them)."""

from __future__ import annotations

from typing import Any, TypeAlias

import schemathesis
from schemathesis.core.result import Ok

StCase: TypeAlias = schemathesis.Case[Any]
StOperation: TypeAlias = schemathesis.APIOperation[Any, Any, Any, Any]


def operations_of(schema: schemathesis.BaseSchema) -> list[StOperation]:
    """The schema's operations (an operation Schemathesis cannot parse would be an error in the spec: raise it)."""
    found: list[StOperation] = []
    for result in schema.get_all_operations():
        if not isinstance(result, Ok):
            raise result.err()
        found.append(result.ok())
    return found
