"""Client contract, responses: every answer the spec allows (each status, media type and oneOf branch, with bodies
generated from its schema) is turned by the generated client and our runtime into the right model, or the typed
error for its status, with nothing lost: models give back the body with ``to_dict()``, a file (downloadFile: a
recording or a transcript) comes back as the generated ``File`` holding the bytes unchanged, errors keep the problem
fields (type, title, detail, instance, invalid_parameters), the trace id and, for 429, Retry-After.
"""

from __future__ import annotations

from typing import Any, cast

import httpx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from schemathesis.core import NOT_SET
from vonage_voice_api.types import File

from contract_tests.support import client_calls, generation, profile
from contract_tests.support.responses import ResponseItem, body_operations, fold, response_items
from contract_tests.support.spec import load_spec, operations
from contract_tests.support.types import StCase
from vonage_voice_client import (
    AuthenticationError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ValidationError,
    VoiceAPIError,
    VonageJWT,
)
from vonage_voice_client.errors import error_for

SPEC = load_spec()
PROFILE = profile.current()
ITEMS = response_items()
BODIES = body_operations(ITEMS)

# The runtime's promise (README.md, "Errors"): one exception class per status.
ERROR_CLASSES: dict[int, type[VoiceAPIError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    422: ValidationError,
    429: RateLimitedError,
}
TRACE_IDS = st.text(alphabet="0123456789abcdef-", min_size=1, max_size=40)
FILE_BYTES = st.binary(max_size=4096)
RETRY_AFTER = st.integers(min_value=0, max_value=3600).map(str)


@pytest.fixture(scope="module")
def inputs() -> dict[str, StCase]:
    """A valid input per operation: what is under test here is the answer, not the request."""
    return generation.sample_inputs(SPEC)


def test_every_operation_status_and_branch_is_covered() -> None:
    ids = {op.operation_id for op in operations(SPEC)}
    assert {item.operation.operation_id for item in ITEMS} == ids
    for operation in operations(SPEC):
        documented = {str(status) for status in operation.raw["responses"]}
        assert documented == {item.response.status for item in ITEMS if item.operation == operation}


@pytest.mark.parametrize("index", range(len(ITEMS)), ids=[item.id for item in ITEMS])
@given(data=st.data())
@PROFILE.hypothesis(PROFILE.client_examples)
def test_client_parses_every_allowed_answer(
    index: int, data: st.DataObject, auth: VonageJWT, inputs: dict[str, StCase]
) -> None:
    item = ITEMS[index]
    body = _draw_body(data, index)
    headers = {"X-Nexmo-Trace-Id": data.draw(TRACE_IDS, label="trace id")}
    if item.response.media_type:
        headers["Content-Type"] = item.response.media_type
    if "Retry-After" in item.response.headers:
        headers["Retry-After"] = data.draw(RETRY_AFTER, label="Retry-After")
    if body is NOT_SET:
        answer = httpx.Response(item.status, headers=headers)
    elif isinstance(body, bytes):
        answer = httpx.Response(item.status, content=body, headers=headers)
    else:
        answer = httpx.Response(item.status, json=body, headers=headers)

    if 200 <= item.status < 300:
        _assert_parsed(item, body, answer, _call(item, inputs[item.operation.operation_id], auth, answer))
    else:
        with pytest.raises(VoiceAPIError) as raised:
            _call(item, inputs[item.operation.operation_id], auth, answer)
        _assert_error(item, body, headers, raised.value)


def _draw_body(data: st.DataObject, index: int) -> Any:
    if _is_binary(ITEMS[index].body_schema):
        return data.draw(FILE_BYTES, label="body")  # a file as it is (a recording): any bytes, sent unchanged
    generator = BODIES[index]
    if generator is None:
        return NOT_SET
    body = data.draw(generator.as_strategy(), label="body").body
    schema = ITEMS[index].response.schema
    assume(schema is None or generation.validator(SPEC, schema).is_valid(body))  # a forced branch may overlap another
    return body


def _is_binary(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "string" and schema.get("format") == "binary"


def _call(item: ResponseItem, case: StCase, auth: VonageJWT, answer: httpx.Response) -> Any:
    module = client_calls.operation_module(item.operation)
    body = None if case.body is NOT_SET else case.body
    kwargs = client_calls.arguments(module, case.path_parameters, dict(case.query or {}), body)
    with client_calls.client(auth, lambda request: answer) as client:
        return module.sync(client=client, **kwargs)


def _assert_parsed(item: ResponseItem, body: Any, answer: httpx.Response, parsed: Any) -> None:
    module = client_calls.operation_module(item.operation)
    if client_calls.returns_file(module):  # a file (a recording, a transcript) is given back as it came
        assert isinstance(parsed, File), f"{item.id}: expected the generated File, got {type(parsed).__name__}"
        assert parsed.payload.read() == answer.content, "the file's bytes were lost or changed"
        return
    model = client_calls.success_model(module)
    if model is None or body is NOT_SET:
        assert parsed is None, f"{item.id}: nothing to parse, yet the client returned {parsed!r}"
        return
    assert isinstance(parsed, model), f"{item.id}: expected a {model.__name__}, got {type(parsed).__name__}"
    dumped = cast(Any, parsed).to_dict()  # every success model has to_dict(); `model` is known only at run time
    assert client_calls.normalise(dumped) == client_calls.normalise(body), "the model lost or changed data"
    expected = item.expected_class()
    if expected is not None:
        found = {fold(name) for name in client_calls.model_classes(parsed)}
        assert expected in found, f"the {item.branch.name if item.branch else ''} branch was not parsed into its model"


def _expected_title(problem: dict[str, Any]) -> Any:
    return problem["title"] if "title" in problem else problem.get("error_title")


def test_an_empty_title_is_kept() -> None:
    """An empty ``title`` is a valid problem field; it must not be replaced by ``error_title`` or dropped."""
    request = httpx.Request("GET", "https://api.nexmo.com/v1/calls")
    answer = httpx.Response(400, json={"title": "", "error_title": "Bad Request"}, request=request)
    assert error_for(answer).title == ""


def _assert_error(item: ResponseItem, body: Any, headers: dict[str, str], error: VoiceAPIError) -> None:
    expected = ERROR_CLASSES.get(item.status, ServerError if item.status >= 500 else VoiceAPIError)
    assert type(error) is expected, f"{item.status} should raise {expected.__name__}, not {type(error).__name__}"
    assert error.status == item.status
    assert error.trace_id == headers["X-Nexmo-Trace-Id"]
    problem = body if isinstance(body, dict) else {}
    assert error.body == (body if isinstance(body, dict) else None), "the problem body was not kept whole"
    assert error.type == problem.get("type")
    assert error.title == _expected_title(problem)
    assert error.detail == problem.get("detail")
    assert error.instance == problem.get("instance")
    given_parameters = [(p["name"], p["reason"]) for p in problem.get("invalid_parameters") or []]
    assert [(p.name, p.reason) for p in error.invalid_parameters] == given_parameters
    if isinstance(error, RateLimitedError) and "Retry-After" in headers:
        assert error.retry_after == float(headers["Retry-After"])
