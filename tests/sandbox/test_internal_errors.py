"""A bad request gets a 400 that names what is wrong, even where the validator itself would trip (a discriminator
holding a list or an object); a bug of the sandbox gets a 500 problem, recorded at ``/_sandbox/errors``, and the
pytest fixtures fail the test whose requests caused it, since its code may have read the answer as its own error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALLER, Harness, harness
from tests.support.pytest_subprocess import run_pytest

TO = [{"type": "phone", "number": "14155550100"}]
TALK = {"action": "talk", "text": "hi"}


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def create(**fields: Any) -> dict[str, Any]:
    return {"to": TO, "from": CALLER, "ncco": [TALK], **fields}


def connect(endpoint_type: Any) -> dict[str, Any]:
    return {"action": "connect", "endpoint": [{"type": endpoint_type, "number": "14155550100"}]}


@pytest.mark.parametrize("value", [["phone"], {"type": "phone"}, [["phone"]], [{}]])
@pytest.mark.parametrize(
    ("body", "name"),
    [
        (lambda v: create(to=[{"type": v, "number": "14155550100"}]), "to[0].type"),
        (lambda v: create(ncco=[TALK, {"action": v, "text": "hi"}]), "ncco[1].action"),
        (lambda v: create(ncco=[connect(v)]), "ncco[0].endpoint[0].type"),
        (lambda v: create(**{"from": {"type": v, "number": "14155550101"}}), "from.type"),
    ],
)
async def test_a_discriminator_holding_a_list_or_an_object_is_a_400_naming_it(
    sandbox: Harness, body: Any, name: str, value: Any
) -> None:
    response = await sandbox.client.post("/v1/calls", json=body(value), headers=sandbox.headers)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("#bad-request")
    assert name in [parameter["name"] for parameter in problem["invalid_parameters"]]
    assert await sandbox.internal_errors() == []


async def test_a_discriminator_in_a_transfer_names_its_path(sandbox: Harness) -> None:
    call = await sandbox.create(ncco=[{"action": "talk", "text": "x" * 600}])
    await sandbox.advance(5)
    destination = {"type": "ncco", "ncco": [{"action": {"talk": 1}, "text": "hi"}]}
    response = await sandbox.put(call["uuid"], "", {"action": "transfer", "destination": destination})
    assert response.status_code == 400, response.text
    names = [parameter["name"] for parameter in response.json()["invalid_parameters"]]
    assert "destination.ncco[0].action" in names
    assert await sandbox.internal_errors() == []


async def test_a_sandbox_bug_in_an_api_request_is_a_500_problem(
    sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(body: Any) -> Any:
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(sandbox.app.sandbox.store, "create", boom)
    response = await sandbox.client.post("/v1/calls", json=create(), headers=sandbox.headers)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("#internal-error")
    assert response.headers["X-Nexmo-Trace-Id"] == response.json()["instance"]
    [error] = await sandbox.internal_errors()
    assert (error["method"], error["path"], error["error"]) == ("POST", "/v1/calls", "RuntimeError: a planted bug")


async def test_a_sandbox_bug_in_an_admin_request_is_a_500_problem(
    sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(sandbox.app.sandbox.store.events, "query", boom)
    response = await sandbox.client.get("/_sandbox/events")
    assert response.status_code == 500
    assert response.json()["type"].endswith("#internal-error")
    assert len(await sandbox.internal_errors()) == 1


async def test_a_sandbox_bug_in_a_delivery_is_recorded(sandbox: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(sandbox.app.sandbox.deliverer, "_deliver", boom)
    call = await sandbox.create(event_url=["http://127.0.0.1:9/event"])
    [started] = await sandbox.events(call["uuid"], "started")
    assert started["delivery"]["state"] == "failed"
    [error] = await sandbox.internal_errors()
    assert error["error"] == "RuntimeError: a planted bug"


PLANTED_BUG = """
import pytest
from vonage_voice_api.api.calls import create_call
from vonage_voice_api.models import CreateCallRequestNcco, EndpointPhoneTo, TalkAction


def body():
    return CreateCallRequestNcco(to=[EndpointPhoneTo(number="14155550100")], random_from_number=True,
                                 ncco=[TalkAction(text="hi")])


def test_a_bug_the_test_did_not_notice(voice_sandbox, voice_client, monkeypatch):
    def boom(body):
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(voice_sandbox.app.sandbox.store, "create", boom)
    with pytest.raises(Exception):  # the code under test swallowed it, as an application's error handling would
        create_call.sync(client=voice_client, body=body())


def test_the_next_test_is_not_blamed(voice_sandbox, voice_client):
    create_call.sync(client=voice_client, body=body())
"""


def test_the_fixtures_fail_the_test_whose_request_hit_a_sandbox_bug(tmp_path: Path) -> None:
    (tmp_path / "test_planted.py").write_text(PLANTED_BUG)
    result = run_pytest(tmp_path, "-rA")
    output = result.stdout + result.stderr
    assert "FAILED test_planted.py::test_a_bug_the_test_did_not_notice" in output, output
    assert "PASSED test_planted.py::test_the_next_test_is_not_blamed" in output, output
    assert "RuntimeError: a planted bug" in output
    assert "POST /v1/calls" in output
