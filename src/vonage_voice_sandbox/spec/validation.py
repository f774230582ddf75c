"""Validate requests against the patched spec with openapi-core, and name what is wrong.

Nothing here knows a field of the Voice API: the spec says what is valid, openapi-core checks it, and this module
turns openapi-core's errors into ``invalid_parameters`` entries (``{name, reason}``) whose names are JSON paths into
the request (``to[0].number``, ``page_size``, ``body``). A failed ``oneOf`` is explained by the alternative that
came closest, since "not valid under any of the given schemas" names nothing a client can fix. Where the spec marks
the real API's looser forms (``x-vvc-loose-scalars``: ``"true"`` in an NCCO), they are typed before validation.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol, cast

from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.exceptions import MediaTypeDeserializeError
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequestBodyError,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from starlette.datastructures import Headers, QueryParams

from .defaults import SpecDefaults
from .discriminators import misplaced_discriminators
from .document import Operation, SpecInfo, full_paths
from .errors import InvalidKind, InvalidParameter, InvalidRequest
from .loose import loosen
from .openapi_setup import build_openapi

__all__ = ["RequestValidator", "ValidRequest", "is_json_type", "parse_json", "validator_for"]

_MAX_REASON: Final = 200
_REQUIRED = re.compile(r"^'(.+)' is a required property$")


class SchemaError(Protocol):
    """What we read of a jsonschema ``ValidationError`` (jsonschema ships no type stubs)."""

    validator: Any
    message: str
    context: Any
    absolute_path: Any
    relative_schema_path: Any
    validator_value: Any


@dataclass(frozen=True)
class ValidRequest:
    """A request that passed validation: its JSON body and typed query parameters, with the spec's defaults."""

    operation: Operation
    path: dict[str, str]
    query: dict[str, Any]
    body: Any


@dataclass
class _Request:
    """What openapi-core reads from a request (its ``Request`` protocol)."""

    host_url: str
    path: str
    path_pattern: str  # the operation's template: openapi-core finds the operation by it
    method: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str


class RequestValidator:
    """Validates requests for the operations of one spec; build once, it parses and checks the spec."""

    def __init__(self, spec: SpecInfo) -> None:
        document = copy.deepcopy(spec.document)
        # Paths keyed by the full request path behind a bare "/" server: requests reach the sandbox on any host.
        document["paths"] = full_paths(document, spec.prefix)
        document["servers"] = [{"url": "/"}]
        self._openapi = build_openapi(document)
        self._defaults = SpecDefaults(spec)

    def validate(
        self,
        operation: Operation,
        path: Mapping[str, str],
        query: QueryParams,
        headers: Headers,
        body: bytes,
        precheck: Callable[[Any], None] | None = None,
    ) -> ValidRequest:
        """Return the request with the spec's defaults, or raise :class:`.InvalidRequest` naming what is invalid.

        ``precheck`` sees the parsed JSON body first and may refuse it (by raising) before the schema is checked,
        which takes time in proportion to the body."""
        content_type = headers.get("content-type") or "application/octet-stream"
        parsed = parse_json(body) if body and is_json_type(content_type) else None  # precise errors for bad JSON
        if precheck is not None and parsed is not None:
            precheck(parsed)
        if parsed is not None:
            parsed, body = self._loosened(operation, parsed, body)
        concrete = operation.path
        for name, value in path.items():
            concrete = concrete.replace("{" + name + "}", value)
        request = _Request(
            host_url="http://sandbox",
            path=concrete,
            path_pattern=operation.path,
            method=operation.method.lower(),
            parameters=RequestParameters(query=query, header=headers, path=dict(path)),
            body=body or None,
            content_type=content_type,
        )
        # Validation only: unmarshalling as well would cost several times more (see .defaults).
        found = self._openapi.request_validator.iter_errors(request)
        try:
            errors = [error for error in found if not isinstance(error, SecurityValidationError)]  # JWT: checked first
        except TypeError:  # a discriminator holding a list or an object: name it, or it is a bug (a 500)
            self._discriminator_error(operation, parsed)
            raise
        if errors:
            raise _invalid(errors)
        body_value = self._defaults.body(operation, parsed) if parsed is not None else None
        return ValidRequest(operation, dict(path), self._defaults.query(operation, query), body_value)

    def _loosened(self, operation: Operation, parsed: Any, body: bytes) -> tuple[Any, bytes]:
        """The body with D32's string forms typed where the spec marks them ``x-vvc-loose-scalars`` (NCCO actions:
        ``"true"``, ``"45"``), as the real API takes them; the same body when it holds none."""
        schema = self._defaults.body_schema(operation)
        if schema is None:
            return parsed, body
        typed, found = loosen(self._defaults.resolve, schema, parsed)
        if not found:
            return parsed, body
        return typed, json.dumps(typed, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    def _discriminator_error(self, operation: Operation, body: Any) -> None:
        """Raise a 400 naming each discriminator that holds a list or an object, if any does."""
        schema = self._defaults.body_schema(operation)
        misplaced = [] if schema is None else misplaced_discriminators(self._defaults.resolve, schema, body)
        if misplaced:
            names = ", ".join(parameter.name for parameter in misplaced)
            detail = f"The request is not valid for this operation: check {names}."
            raise InvalidRequest("bad-request", detail, misplaced)


@functools.lru_cache(maxsize=8)
def validator_for(spec: SpecInfo) -> RequestValidator:
    """One validator per loaded spec: building one parses and checks the whole spec."""
    return RequestValidator(spec)


def parse_json(body: bytes) -> Any:
    """Parse JSON strictly (UTF-8, no NaN or Infinity, no lone surrogates); else raise :class:`.InvalidRequest`."""
    try:
        value = json.loads(body.decode("utf-8"), parse_constant=_refuse_constant, parse_float=_finite_float)
        # Strings must survive being sent on in events and answers, which a lone surrogate would not.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeDecodeError:
        reason = "the body is not UTF-8"
    except UnicodeEncodeError:
        reason = "the body contains a lone surrogate (an unpaired \\ud800-\\udfff escape)"
    except RecursionError:
        reason = "the body is nested too deeply"
    except ValueError as exc:  # json.JSONDecodeError, NaN/Infinity, too many digits
        reason = _truncate(f"the body is not valid JSON: {exc}")
    else:
        return value
    raise InvalidRequest("invalid-json", "The request body could not be parsed.", [InvalidParameter("body", reason)])


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{_truncate(text)} is out of range")
    return value


def is_json_type(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


# --- errors -> invalid_parameters --------------------------------------------------------------------------------


def _invalid(errors: Iterable[Exception]) -> InvalidRequest:
    kind: InvalidKind = "bad-request"
    parameters: list[InvalidParameter] = []
    for error in errors:
        error_kind, found = _describe(error)
        if error_kind != "bad-request":
            kind = error_kind
        parameters.extend(found)
    unique = list(dict.fromkeys(parameters))
    names = ", ".join(dict.fromkeys(parameter.name for parameter in unique))
    return InvalidRequest(kind, f"The request is not valid for this operation: check {names}.", unique)


def _describe(error: Exception) -> tuple[InvalidKind, list[InvalidParameter]]:
    cause = error.__cause__
    if isinstance(error, ParameterValidationError):
        return "bad-request", _parameter_error(error, cause)
    if isinstance(error, MissingRequestBodyError):
        return "bad-request", [InvalidParameter("body", "a JSON request body is required")]
    if isinstance(error, RequestBodyValidationError):
        if isinstance(cause, MediaTypeNotFound):
            shown = _truncate(_safe_str(cause.mimetype))
            return "content-type-header", [InvalidParameter("Content-Type", f"{shown} is not accepted here")]
        if isinstance(cause, MediaTypeDeserializeError):
            return "invalid-json", [InvalidParameter("body", "the body is not valid JSON")]
        if isinstance(cause, InvalidSchemaValue):
            return "bad-request", [_schema_parameter(leaf) for leaf in _leaves(_schema_errors(cause))]
    return "bad-request", [InvalidParameter("request", _truncate(_safe_str(error)))]


def _parameter_error(error: ParameterValidationError, cause: BaseException | None) -> list[InvalidParameter]:
    if cause is None:
        return [InvalidParameter(error.name, f"the {error.location} parameter is required")]
    if isinstance(cause, InvalidSchemaValue):
        reasons = [_truncate(leaf.message) for leaf in _leaves(_schema_errors(cause))]
        return [InvalidParameter(error.name, reason) for reason in reasons or ["is not valid"]]
    return [InvalidParameter(error.name, _truncate(_safe_str(cause)))]


def _schema_errors(cause: InvalidSchemaValue) -> list[SchemaError]:
    return [
        cast(SchemaError, e) for e in cause.schema_errors if hasattr(e, "validator") and hasattr(e, "absolute_path")
    ]


def _leaves(errors: Iterable[SchemaError]) -> list[SchemaError]:
    """Replace each failed ``oneOf``/``anyOf`` by the errors of its closest alternative, recursively."""
    leaves: list[SchemaError] = []
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            leaves.extend(_leaves(_closest_branch(error.context, len(error.absolute_path))))
        else:
            leaves.append(error)
    return _most_specific(leaves)


def _most_specific(errors: list[SchemaError]) -> list[SchemaError]:
    """Drop an error when another one points inside the same value: ``ncco[0]`` "could not be resolved" is
    explained by ``ncco[0].action`` "is not one of [...]"."""
    paths = [_path(error) for error in errors]
    return [
        error
        for error, path in zip(errors, paths, strict=True)
        if not any(len(other) > len(path) and other[: len(path)] == path for other in paths)
    ]


def _closest_branch(context: Iterable[SchemaError], depth: int) -> list[SchemaError]:
    branches: dict[Any, list[SchemaError]] = {}
    for error in context:
        branch = error.relative_schema_path[0] if error.relative_schema_path else None
        branches.setdefault(branch, []).append(error)

    def distance(errors: list[SchemaError]) -> tuple[int, int, int]:
        leaves = _leaves(errors)
        # A wrong enum/const right under the alternative (`action` of updateCall) means the wrong alternative,
        # whatever else fails in the right one; deeper down (`ncco[0].action`) it is a mistake inside the right one.
        wrong_kind = sum(1 for e in leaves if e.validator in ("enum", "const") and len(e.absolute_path) <= depth + 1)
        return wrong_kind, len(leaves), -max(len(leaf.absolute_path) for leaf in leaves)

    return min(branches.values(), key=distance)


def _path(error: SchemaError) -> tuple[Any, ...]:
    """Where the error is; for a missing property, the property itself."""
    missing = _REQUIRED.match(error.message) if error.validator == "required" else None
    return (*error.absolute_path, missing.group(1)) if missing else tuple(error.absolute_path)


def _schema_parameter(error: SchemaError) -> InvalidParameter:
    name = _dotted(list(_path(error)))
    if error.validator == "required":
        return InvalidParameter(name, "is required")
    if error.validator in ("oneOf", "anyOf"):  # no context: the value matches several alternatives
        return InvalidParameter(name, _ambiguity(error.validator_value))
    return InvalidParameter(name, _truncate(error.message))


def _ambiguity(alternatives: Any) -> str:
    titles = [a["title"] for a in alternatives if isinstance(a, dict) and isinstance(a.get("title"), str)]
    named = f" ({'; '.join(titles)})" if titles and isinstance(alternatives, list) else ""
    return _truncate(f"matches more than one alternative{named}; it must match exactly one")


def _dotted(parts: list[Any]) -> str:
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


def _truncate(text: str) -> str:
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:  # some openapi-core errors decode the body in __str__ and fail on non-UTF-8 bytes
        return type(value).__name__
