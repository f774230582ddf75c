"""Hypothesis strategies for the callback schemas, from Schemathesis's public API.

Each callback schema (plain JSON Schema, see :mod:`.callbacks`) becomes the JSON body of one operation of an OpenAPI
3.1 document made for the purpose; Schemathesis generates bodies for it (optional fields present and absent, formats,
extra fields). hypothesis-jsonschema would do the same from the schema alone, but its latest release (0.23.1) calls a
Hypothesis internal that Hypothesis 6.170 no longer has (``'many' object has no attribute 'more'``), and Schemathesis
is the generator the contract suite already trusts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import schemathesis
from hypothesis import strategies as st

from .callbacks import CallbackSchema

__all__ = ["Strategies"]


class Strategies:
    """One strategy per callback schema, built from one document (loaded once)."""

    def __init__(self, callbacks: Sequence[CallbackSchema]) -> None:
        paths = {f"/{index}": _operation(callback.schema) for index, callback in enumerate(callbacks)}
        document = {"openapi": "3.1.0", "info": {"title": "Voice API callbacks", "version": "1"}, "paths": paths}
        self._schema = schemathesis.openapi.from_dict(document)
        self._index = {callback.name: f"/{index}" for index, callback in enumerate(callbacks)}

    def payloads(self, callback: CallbackSchema) -> st.SearchStrategy[dict[str, Any]]:
        operation = self._schema[self._index[callback.name]]["POST"]
        return cast("st.SearchStrategy[dict[str, Any]]", operation.as_strategy().map(lambda case: case.body))


def _operation(schema: dict[str, Any]) -> dict[str, Any]:
    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    return {"post": {"requestBody": body, "responses": {"200": {"description": "handled"}}}}
