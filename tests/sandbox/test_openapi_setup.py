"""The sandbox's openapi-core set-up (spec nodes resolved once, schema validators and operation lookups reused)
finds exactly what openapi-core's stock set-up finds, request after request."""

from __future__ import annotations

import json
from typing import Any

import pytest
from openapi_core import OpenAPI
from starlette.datastructures import Headers, QueryParams

from vonage_voice_sandbox.spec import openapi_setup, validation
from vonage_voice_sandbox.spec.defaults import SpecDefaults
from vonage_voice_sandbox.spec.document import load_spec
from vonage_voice_sandbox.spec.errors import InvalidRequest
from vonage_voice_sandbox.spec.validation import RequestValidator

UUID = "63f61863-4a51-4f6b-86e1-46edebcf9356"
CALL: dict[str, Any] = {
    "to": [{"type": "phone", "number": "14155550100"}],
    "from": {"type": "phone", "number": "14155550101"},
    "ncco": [{"action": "talk", "text": "Hello"}],
}
REQUESTS: list[tuple[str, str, str, Any]] = [  # method, path, query, JSON body (None: no body)
    ("POST", "/v1/calls", "", CALL),
    ("POST", "/v1/calls", "", {**CALL, "to": [{"type": "phone", "number": "12"}]}),
    ("POST", "/v1/calls", "", {**CALL, "ncco": [{"action": "shout"}]}),
    ("POST", "/v1/calls", "", {"from": CALL["from"], "ncco": CALL["ncco"]}),
    ("POST", "/v1/calls", "", {**CALL, "to": "14155550100"}),
    ("POST", "/v1/calls", "", {**CALL, "ncco": None, "answer_url": ["not a url"]}),
    ("POST", "/v1/calls", "", []),
    ("POST", "/v1/calls", "", {"to": CALL["to"], "random_from_number": True, "answer_url": ["https://example.com/a"]}),
    ("POST", "/v1/calls", "", {**CALL, "length_timer": 60, "advanced_machine_detection": {"behavior": "hold"}}),
    ("GET", "/v1/calls", "page_size=5&order=desc", None),
    ("GET", "/v1/calls", "page_size=abc", None),
    ("GET", "/v1/calls", "status=nonsense&record_index=-1", None),
    ("GET", f"/v1/calls/{UUID}", "", None),
    ("PUT", f"/v1/calls/{UUID}", "", {"action": "hangup"}),
    ("PUT", f"/v1/calls/{UUID}", "", {"action": "transfer"}),
    ("PUT", f"/v1/calls/{UUID}/talk", "", {"text": "Hi", "loop": "often"}),
    ("PUT", f"/v1/calls/{UUID}/dtmf", "", {"digits": 42}),
]


def _outcome(validator: RequestValidator, method: str, path: str, query: str, body: Any) -> Any:
    spec = load_spec()
    operation, parameters, _ = spec.match(method, path)
    assert operation is not None, (method, path)
    raw = b"" if body is None else json.dumps(body).encode()
    headers = Headers({"authorization": "Bearer x", "content-type": "application/json"})
    try:
        valid = validator.validate(operation, parameters, QueryParams(query), headers, raw)
    except InvalidRequest as invalid:
        return invalid.kind, [(p.name, p.reason) for p in invalid.invalid_parameters]
    return valid.path, valid.query, valid.body


def test_the_outcomes_are_openapi_cores_own(monkeypatch: pytest.MonkeyPatch) -> None:
    reused = RequestValidator(load_spec())
    # openapi-core's own defaults: a new validator per schema per request, every path tried, no kept nodes.
    monkeypatch.setattr(validation, "build_openapi", OpenAPI.from_dict)
    stock = RequestValidator(load_spec())
    assert stock._openapi.config.schema_validators_factory is None
    for _ in range(3):  # the second and third rounds run on what the first one built
        for method, path, query, body in REQUESTS:
            expected = _outcome(stock, method, path, query, body)
            assert _outcome(reused, method, path, query, body) == expected, (method, path, query, body)


def test_validators_and_lookups_are_built_once() -> None:
    reused = RequestValidator(load_spec())
    config = reused._openapi.config
    validators = config.schema_validators_factory
    finder = getattr(reused._openapi.request_validator, "path_finder", None)
    assert isinstance(validators, openapi_setup.ReusedValidators)
    assert isinstance(finder, openapi_setup.KnownPaths)
    for method, path, query, body in REQUESTS:
        _outcome(reused, method, path, query, body)
    built, found = len(validators._built), len(finder._found)
    for method, path, query, body in REQUESTS * 3:
        _outcome(reused, method, path, query, body)
    assert (len(validators._built), len(finder._found)) == (built, found)
    assert 0 < found <= len({(method, path) for method, path, _, _ in REQUESTS})


def test_kept_body_defaults_are_those_worked_out_afresh() -> None:
    spec = load_spec()
    kept = SpecDefaults(spec)
    for _ in range(3):
        for method, path, _query, body in REQUESTS:
            operation, _, _ = spec.match(method, path)
            assert operation is not None
            assert kept.body(operation, body) == SpecDefaults(spec).body(operation, body), (method, path, body)
