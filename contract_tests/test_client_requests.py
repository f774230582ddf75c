"""Client contract, requests: every operation, every oneOf branch of its body, generated from the patched spec,
goes through the generated client and our runtime, and what leaves is valid for the spec and carries the input
unchanged (openapi-core validates method, server, path, query, headers, security and JSON body).
"""

from __future__ import annotations

import contextlib
import json
import pkgutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

import httpx
import jwt
import pytest
import vonage_voice_api.api
from hypothesis import assume, given
from hypothesis import strategies as st
from schemathesis.core import NOT_SET

from contract_tests.support import client_calls, generation, profile
from contract_tests.support.openapi_requests import request_errors
from contract_tests.support.spec import (
    HTTP_METHODS,
    Branch,
    Operation,
    branches,
    load_spec,
    operations,
    request_body_schema,
)
from vonage_voice_client import REGIONS, MalformedResponseError, VonageJWT
from vonage_voice_client.regions import DEFAULT_BASE_URL
from vonage_voice_sandbox.spec.refs import follow_refs

SPEC = load_spec()
PROFILE = profile.current()


def _items() -> list[tuple[Operation, Branch | None]]:
    found: list[tuple[Operation, Branch | None]] = []
    for operation in operations(SPEC):
        found.append((operation, None))
        body = request_body_schema(operation, SPEC)
        if body is not None:
            found.extend((operation, branch) for branch in branches(body, SPEC))
    return found


ITEMS = _items()
GENERATORS = generation.synthetic_operations(
    SPEC, [(op, branch.schema if branch else request_body_schema(op, SPEC)) for op, branch in ITEMS]
)
IDS = [f"{op.operation_id}[{branch.label}]" if branch else op.operation_id for op, branch in ITEMS]


def test_every_operation_is_covered() -> None:
    """Every operation the generator emitted, and every branch of each body's top-level oneOf, has an item: counted
    from the generated package and the raw spec, not from the code that built the items."""
    generated = {
        f"vonage_voice_api.api.{tag.name}.{module.name}"
        for tag in pkgutil.iter_modules(vonage_voice_api.api.__path__)
        for module in pkgutil.iter_modules([str(Path(vonage_voice_api.api.__path__[0]) / tag.name)])
    }
    assert {client_calls.operation_module(op).__name__ for op, _ in ITEMS} == generated
    assert len(generated) >= 11  # the 11 operations of Voice API v1
    for path, item in SPEC["paths"].items():
        for method, raw in item.items():
            if method not in HTTP_METHODS:
                continue
            schema = raw.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            schema = follow_refs(SPEC, schema)
            wanted = {alt["$ref"].rsplit("/", 1)[-1] for alt in schema.get("oneOf", []) if "$ref" in alt}
            got = {b.name for op, b in ITEMS if b is not None and (op.path, op.method) == (path, method.upper())}
            assert wanted <= got, f"{method.upper()} {path}: no item for {sorted(wanted - got)}"


@pytest.mark.parametrize("index", range(len(ITEMS)), ids=IDS)
@given(data=st.data())
@PROFILE.hypothesis(PROFILE.client_examples)
def test_client_sends_valid_unchanged_requests(index: int, data: st.DataObject, auth: VonageJWT) -> None:
    operation, _ = ITEMS[index]
    case = data.draw(GENERATORS[index].as_strategy(), label="input")
    body_schema = request_body_schema(operation, SPEC)
    body = None if case.body is NOT_SET else case.body
    # A forced branch can still produce a value another branch also matches, which the real oneOf refuses.
    assume(body_schema is None or generation.validator(SPEC, body_schema).is_valid(body))
    module = client_calls.operation_module(operation)
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return _success(operation)

    kwargs = client_calls.arguments(module, case.path_parameters, dict(case.query or {}), body)
    # The answer is a stub ({}), not under test here: only what was sent is checked.
    with client_calls.client(auth, handler) as client, contextlib.suppress(MalformedResponseError):
        module.sync_detailed(client=client, **kwargs)

    assert len(sent) == 1, f"one request expected, {len(sent)} sent"
    request = sent[0]
    problems = request_errors(request)
    assert not problems, "the request the client sent is not valid for the spec:\n" + "\n".join(problems)
    _assert_carries(operation, case.path_parameters, dict(case.query or {}), body, request)
    _assert_signed(auth, request)


def _success(operation: Operation) -> httpx.Response:
    """The smallest documented success answer (the request side is under test here, not parsing)."""
    status = min(int(code) for code in operation.raw["responses"] if str(code).startswith("2"))
    content = operation.raw["responses"][str(status)].get("content")
    return httpx.Response(status, json={}) if content else httpx.Response(status)


def _assert_carries(
    operation: Operation, path_parameters: dict[str, Any], query: dict[str, Any], body: Any, request: httpx.Request
) -> None:
    assert request.method == operation.method
    plain = {name: unquote(str(value)) for name, value in path_parameters.items()}
    assert unquote(request.url.raw_path.decode().split("?")[0]) == operation.path.format(**plain), "path changed"
    sent_query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
    for name, value in query.items():
        assert name in sent_query, f"query parameter {name!r} was dropped"
        assert client_calls.normalise(sent_query[name]) == client_calls.normalise(_wire(value)), f"{name} changed"
    for name in set(sent_query) - set(query):
        assert sent_query[name] == _wire(_default(operation, name)), f"{name}={sent_query[name]} was added"
    if body is None:
        assert not request.content, "a body was sent for an operation without one"
    else:
        assert request.headers["content-type"].startswith("application/json")
        assert client_calls.normalise(json.loads(request.content)) == client_calls.normalise(body), "body changed"


def _wire(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _default(operation: Operation, name: str) -> Any:
    for parameter in operation.raw["parameters"]:
        if parameter.get("name") == name and "default" in parameter.get("schema", {}):
            return parameter["schema"]["default"]
    raise AssertionError(f"the client sent {name!r}, which the caller did not give and the spec has no default for")


def _assert_signed(auth: VonageJWT, request: httpx.Request) -> None:
    scheme, _, token = request.headers["authorization"].partition(" ")
    assert scheme == "Bearer"
    from contract_tests.support.credentials import test_key

    claims = jwt.decode(token, test_key().public_key(), algorithms=["RS256"])
    assert claims["application_id"] == auth.application_id


@pytest.mark.parametrize("region", [None, *REGIONS])
def test_every_region_sends_to_a_server_of_the_spec(region: str | None, auth: VonageJWT) -> None:
    """The runtime's region names and the spec's servers (overlay 21) agree: openapi-core finds the server."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    module = client_calls.operation_module(next(op for op in operations(SPEC) if op.operation_id == "getCalls"))
    with client_calls.client(auth, handler, region=region) as client, contextlib.suppress(MalformedResponseError):
        module.sync_detailed(client=client)
    assert not request_errors(sent[0]), request_errors(sent[0])
    servers = {server["url"] for server in SPEC["servers"]}
    assert f"{sent[0].url.scheme}://{sent[0].url.host}" in servers


def test_every_server_of_the_spec_has_a_region() -> None:
    servers = {server["url"] for server in SPEC["servers"]}
    assert servers == {*REGIONS.values(), DEFAULT_BASE_URL}
