"""Checks Schemathesis does not have, for drift its built-ins cannot see. Registered on import (for the CLI too,
through contract_tests/hooks.py).

* ``links_resolve``: the HAL links of a call record or a page of calls lead where they say. A broken ``next`` is
  invisible to schema checks (an href is just a string) and breaks every client that pages.
* ``state_refusal_blames_no_parameter``: a 400 for a valid request is a state refusal (documented), never a
  validation error naming a parameter.
* ``undocumented_response_fields``: a 2xx body holds no field its schema does not declare. The spec's objects
  allow extra properties, so a renamed field (``status`` -> ``state``) passes schema validation while every client
  loses the value; this check names it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import schemathesis
from openapi_schema_validator import OAS30Validator
from schemathesis import CheckContext, Response

from . import known_issues
from .generation import standalone
from .spec import load_spec, resolve
from .types import StCase

_SPEC = load_spec()
# Per schema object (the operation's own, alive as long as its schema is; kept here with what was made of it, so
# an id is never reused): a validator, or a response's resolved media object. Made once, not once per response.
_VALIDATORS: dict[int, tuple[Any, OAS30Validator]] = {}
_RESOLVED: dict[int, tuple[Any, Any]] = {}


def _payload(response: Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def _query(href: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(href).query, keep_blank_values=True))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@schemathesis.check
def links_resolve(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """HAL ``_links`` of a 200 GET point at this resource (self) and at the right neighbouring pages."""
    payload = _payload(response)
    if case.method.upper() != "GET" or response.status_code != 200 or not isinstance(payload, dict):
        return None
    links = payload.get("_links")
    if not isinstance(links, dict):
        return None
    requested = urlsplit(response.request.url or "").path
    for name, link in links.items():
        href = link.get("href") if isinstance(link, dict) else None
        if not isinstance(href, str) or urlsplit(href).path.rstrip("/") != requested.rstrip("/"):
            raise AssertionError(f"_links.{name}.href {href!r} does not lead to {requested}")
    if "record_index" in payload:
        _check_page_links(ctx, case, response, payload, links)
    return None


def _check_page_links(
    ctx: CheckContext, case: StCase, response: Response, payload: dict[str, Any], links: dict[str, Any]
) -> None:
    index, size = _int(payload.get("record_index")), _int(payload.get("page_size"))
    calls = (payload.get("_embedded") or {}).get("calls") or []
    if index is None or size is None:
        return
    self_index = _int(_query(links["self"]["href"]).get("record_index"))
    if self_index not in (None, index):
        raise AssertionError(f"_links.self starts at record {self_index}, the page at {index}")
    if "next" not in links:
        return
    expected = index + len(calls)
    next_query = _query(links["next"]["href"])
    if _int(next_query.get("record_index")) != expected:
        raise AssertionError(f"_links.next starts at record {next_query.get('record_index')}, not {expected}")
    followed = _follow(ctx, case, next_query, _authorization(response))
    if followed.status_code != 200:
        raise AssertionError(f"following _links.next answered {followed.status_code}, not 200")
    following = _payload(followed)
    if not isinstance(following, dict) or _int(following.get("record_index")) != expected:
        raise AssertionError(f"the page _links.next leads to does not start at record {expected}")


@schemathesis.check
def state_refusal_blames_no_parameter(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A valid request may be refused with 400 because of the call's state (the spec says so: too soon after
    creation, or before the call is answered), but such a refusal names no invalid parameter: one that does is a
    validation bug. This is what lets 400 count as an accepted answer to valid data where calls have state."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    payload = _payload(response)
    if response.status_code == 400 and isinstance(payload, dict) and payload.get("invalid_parameters"):
        names = ", ".join(str(p.get("name")) for p in payload["invalid_parameters"] if isinstance(p, dict))
        raise AssertionError(f"a schema-valid request was refused as invalid (invalid_parameters: {names})")
    return None


def _authorization(response: Response) -> str | None:
    value = response.request.headers.get("Authorization")
    return str(value) if value is not None else None


def _follow(ctx: CheckContext, case: StCase, query: dict[str, str], authorization: str | None) -> Response:
    """GET the same operation with ``query``, over the run's transport, with the credentials of the request that
    produced the link (the CLI's auth hook authenticates generated cases only)."""
    probe = case.operation.Case(query=query, headers={"Authorization": authorization} if authorization else None)
    kwargs = dict(ctx.internals.transport_kwargs or {})
    if case.operation.app is not None:
        kwargs.setdefault("app", case.operation.app)
    response: Response = case.operation.schema.transport.send(probe, **kwargs)
    return response


@schemathesis.check
def undocumented_response_fields(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """Every field of a 2xx JSON body is declared by its schema (a renamed or unknown field is drift)."""
    if not 200 <= response.status_code < 300:
        return None
    payload = _payload(response)
    schema = _response_schema(case, response.status_code)
    if schema is None or payload is None:
        return None
    found = _unknown_fields(payload, [schema], "$")
    unknown = sorted(found - known_issues.excused_fields(found))
    if unknown:
        raise AssertionError("fields the spec does not declare: " + ", ".join(unknown))
    return None


def _response_schema(case: StCase, status: int) -> dict[str, Any] | None:
    responses = case.operation.definition.raw.get("responses", {})
    raw = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
    if raw is None:
        return None
    kept = _RESOLVED.get(id(raw))
    if kept is None or kept[0] is not raw:
        if len(_RESOLVED) >= 1024:
            _RESOLVED.clear()
        kept = _RESOLVED[id(raw)] = (raw, resolve(_SPEC, raw))
    media = kept[1].get("content", {}).get("application/json")
    schema: dict[str, Any] | None = (media or {}).get("schema")
    return schema


def _parts(schema: dict[str, Any], value: Any) -> list[dict[str, Any]]:
    """The schema and the parts that apply to ``value``: every allOf part, and the oneOf/anyOf branches that
    ``value`` is valid against (all of them when none is: schema conformance reports that case)."""
    found = [schema]
    for part in schema.get("allOf", []):
        found += _parts(part, value)
    for keyword in ("oneOf", "anyOf"):
        branches = schema.get(keyword, [])
        matching = [branch for branch in branches if _valid(branch, value)] or branches
        for branch in matching:
            found += _parts(branch, value)
    return found


def _valid(schema: dict[str, Any], value: Any) -> bool:
    kept = _VALIDATORS.get(id(schema))
    if kept is None or kept[0] is not schema:
        if len(_VALIDATORS) >= 1024:
            _VALIDATORS.clear()  # bounded: drift tests make many runs, each with schemas of its own
        kept = _VALIDATORS[id(schema)] = (schema, OAS30Validator(standalone(_SPEC, schema)))
    return bool(kept[1].is_valid(value))


def _unknown_fields(value: Any, schemas: list[dict[str, Any]], where: str) -> set[str]:
    parts = [part for schema in schemas for part in _parts(schema, value)]
    if isinstance(value, list):
        items = [part["items"] for part in parts if isinstance(part.get("items"), dict)]
        return set().union(*(_unknown_fields(item, items, f"{where}[]") for item in value)) if items else set()
    if not isinstance(value, dict):
        return set()
    if any(part.get("additionalProperties") not in (None, False) for part in parts):
        return set()  # a free-form object (SIP headers, notify payloads): any field is documented
    declared: dict[str, list[dict[str, Any]]] = {}
    for part in parts:
        for name, sub in part.get("properties", {}).items():
            declared.setdefault(name, []).append(sub)
    if not declared:
        return set()  # an object schema without properties declares nothing in particular
    unknown = {f"{where}.{name}" for name in value if name not in declared}
    for name, item in value.items():
        if name in declared:
            unknown |= _unknown_fields(item, declared[name], f"{where}.{name}")
    return unknown
