"""Client contract, the strict writer: a request model that builds sends only what the spec allows.

Every request body of the patched spec (each oneOf branch too) is drawn in Schemathesis's negative mode: values of
the wrong type, outside a bound, too short, too many... Reading one into the generated models either refuses it
(InvalidValueError, or the TypeError/KeyError of a malformed dict), or gives a model whose JSON is valid for the
spec: so a request the client builds from a model that built is never answered 400 for a constraint.
"""

from __future__ import annotations

import copy
import typing
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core import NOT_SET

from contract_tests.support import client_calls, generation, profile
from contract_tests.support.spec import Operation, branches, load_spec, operations, request_body_schema

SPEC = load_spec()
PROFILE = profile.current()


def _bodies() -> list[tuple[Operation, Any, Any, str]]:
    """(operation, the schema drawn from, the operation's whole body schema, label): the body and each branch."""
    found = []
    for operation in operations(SPEC):
        body = request_body_schema(operation, SPEC)
        if body is not None:
            found.append((operation, body, body, operation.operation_id))
            found += [(operation, b.schema, body, f"{operation.operation_id}[{b.label}]") for b in branches(body, SPEC)]
    return found


BODIES = _bodies()
GENERATORS = generation.synthetic_operations(SPEC, [(None, drawn) for _, drawn, _, _ in BODIES])


def test_every_operation_with_a_body_is_drawn() -> None:
    with_body = {op.operation_id for op in operations(SPEC) if request_body_schema(op, SPEC) is not None}
    assert {op.operation_id for op, _, _, _ in BODIES} == with_body
    assert len(with_body) >= 5  # createCall, updateCall, startStream, startTalk, startDTMF


@pytest.mark.parametrize("index", range(len(BODIES)), ids=[label for _, _, _, label in BODIES])
@given(data=st.data())
@PROFILE.hypothesis(PROFILE.client_examples * 4)
def test_a_request_model_that_builds_is_valid_for_the_spec(index: int, data: st.DataObject) -> None:
    operation, _, body, _ = BODIES[index]
    case = data.draw(GENERATORS[index].as_strategy(GenerationMode.NEGATIVE), label="body")
    if case.body is NOT_SET:
        return
    hint = typing.get_type_hints(client_calls.operation_module(operation).sync_detailed)["body"]
    check = generation.validator(SPEC, body)  # the operation's body: the drawn branch only steers the generator
    for model in typing.get_args(hint) or (hint,):
        try:
            built = model.from_dict(copy.deepcopy(case.body))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # refused when built: nothing is sent
        sent = built.to_dict()
        problems = [error.message for error in check.iter_errors(sent)]
        assert not problems, f"{model.__name__} built from {case.body!r} sends {sent!r}, which the spec refuses:\n" + (
            "\n".join(problems)
        )
