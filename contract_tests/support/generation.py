"""Generate values from schemas with Schemathesis (the only JSON-Schema generator installed).

Schemathesis generates request data for operations, so to draw *any* schema (a response body, one forced oneOf
branch of a request body) we wrap it in a synthetic operation whose request body is that schema, and keep the
operation's own path and query parameters when we want whole requests. The synthetic spec is never served.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Sequence
from typing import Any

import schemathesis
from hypothesis import given
from openapi_schema_validator import OAS30Validator
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NotSet

from .profile import SEED, SHORT
from .spec import Operation, Schema, operations, request_body_schema, resolve
from .types import StCase, StOperation, operations_of

# Security parameters are ours to set (a real JWT); generated ones would be garbage Authorization headers.
# In stateful scenarios a valid request may meet a call in the wrong state: the spec documents 400 for that
# ("changed within about two seconds of its creation, or spoken into before it is active"), so 400 is an accepted
# answer to valid data there, and the `state_refusal_blames_no_parameter` check keeps it honest.
CONFIG_DICT: dict[str, Any] = {
    "seed": SEED,
    "generation": {"with-security-parameters": False, "database": "none"},
    # Reports show a $VONAGE_JWT placeholder instead of the token (results.py), so nothing else needs masking and
    # curl commands stay faithful (sanitising also masked body fields named like `authorization`).
    "output": {"sanitization": {"enabled": False}},
    "phases": {
        "stateful": {
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
                }
            }
        }
    },
}


def config() -> SchemathesisConfig:
    """The Schemathesis configuration of every schema we load: explicit, so no stray schemathesis.toml applies."""
    return SchemathesisConfig.from_dict(copy.deepcopy(CONFIG_DICT))


def synthetic_operations(
    spec: dict[str, Any], items: Sequence[tuple[Operation | None, Schema | None]]
) -> list[StOperation]:
    """One Schemathesis operation per item: the operation's method, path and parameters (when given) with the
    item's schema as its JSON request body. Returned in the order of ``items``."""
    paths: dict[str, Any] = {}
    for index, (operation, body) in enumerate(items):
        raw: dict[str, Any] = {"operationId": f"synthetic{index}", "responses": {"200": {"description": "unused"}}}
        path = f"/synthetic{index}"
        method = "post"
        if operation is not None:
            path += operation.path
            method = operation.method.lower()
            raw["parameters"] = standalone(spec, operation.raw.get("parameters", []))
        if body is not None:
            raw["requestBody"] = {"required": True, "content": {"application/json": {"schema": standalone(spec, body)}}}
        paths[path] = {method: raw}
    document = {"openapi": "3.0.3", "info": {"title": "synthetic", "version": "1"}, "paths": paths}
    schema = schemathesis.openapi.from_dict(document, config=config())
    found = {op.definition.raw["operationId"]: op for op in operations_of(schema)}
    return [found[f"synthetic{index}"] for index in range(len(items))]


def validator(spec: dict[str, Any], schema: Schema) -> OAS30Validator:
    """A validator for ``schema`` with OpenAPI 3.0 semantics (nullable...), refs resolved; made once per (spec,
    schema) object pair, which the cache keeps alive so that their ids stay theirs (neither is changed after)."""
    key = (id(spec), id(schema))
    kept = _VALIDATORS.get(key)
    if kept is None or kept[0] is not spec or kept[1] is not schema:
        if len(_VALIDATORS) >= _KEEP:
            _VALIDATORS.clear()  # callers that pass fresh schemas every time must not grow it without end
        kept = _VALIDATORS[key] = (spec, schema, OAS30Validator(standalone(spec, schema)))
    return kept[2]


_VALIDATORS: dict[tuple[int, int], tuple[dict[str, Any], Schema, OAS30Validator]] = {}
_KEEP = 1024


def standalone(spec: dict[str, Any], schema: Any) -> Any:
    """``schema`` with its refs resolved and its discriminators dropped: a discriminator's mapping names components
    by $ref, which a standalone schema cannot resolve, and oneOf alone already decides which branch applies."""
    return _drop_discriminators(resolve(spec, schema))


def _drop_discriminators(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _drop_discriminators(value) for key, value in node.items() if key != "discriminator"}
    if isinstance(node, list):
        return [_drop_discriminators(item) for item in node]
    return node


def real_operations(spec: dict[str, Any]) -> dict[str, StOperation]:
    """The spec's own operations as Schemathesis sees them, by operationId."""
    schema = schemathesis.openapi.from_dict(copy.deepcopy(spec), config=config())
    return {op.definition.raw["operationId"]: op for op in operations_of(schema)}


def sample_inputs(spec: dict[str, Any]) -> dict[str, StCase]:
    """One valid generated input per operation (for tests about answers, where the input only has to be valid).

    Drawn in a plain Hypothesis run, not shrunk: ``find()`` would take seconds per operation.
    """

    found: dict[str, StCase] = {}
    real = real_operations(spec)
    for operation in operations(spec):
        body_schema = request_body_schema(operation, spec)
        check = validator(spec, body_schema) if body_schema is not None else None
        found_one = _first_valid(real[operation.operation_id], check)
        if found_one is None:
            raise LookupError(f"no valid input generated for {operation.operation_id} in 50 tries")
        found[operation.operation_id] = found_one
    return found


def explicit_examples(operation: StOperation) -> list[StCase]:
    """The cases Schemathesis builds from the spec's own examples of ``operation`` (fixed values: one draw each)."""
    found: list[StCase] = []
    for strategy in operation.get_strategies_from_examples():

        @given(case=strategy)
        @SHORT.hypothesis(1)
        def keep(case: StCase) -> None:
            found.append(case)

        keep()
    return found


class _Found(Exception):
    """Ends a Hypothesis run at the first acceptable value (raising is the only way to stop a run early)."""


def _first_valid(operation: StOperation, check: OAS30Validator | None) -> StCase | None:

    kept: list[StCase] = []

    @given(case=operation.as_strategy())
    @SHORT.hypothesis(50)
    def keep_first(case: StCase) -> None:
        body = None if isinstance(case.body, NotSet) else case.body
        if check is None or check.is_valid(body):
            kept.append(case)
            raise _Found

    with contextlib.suppress(_Found):
        keep_first()
    return kept[0] if kept else None
