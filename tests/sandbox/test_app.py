"""The basics of the sandbox app: its spec found as package data, routes from the spec, /_sandbox/info, and
problems for unknown paths and methods."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import Harness, harness
from vonage_voice_sandbox import patched_spec_path
from vonage_voice_sandbox.spec.document import load_spec


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def test_the_patched_spec_is_found_as_package_data() -> None:
    path = patched_spec_path()
    assert path.parts[-2:] == ("_spec", "voice-v1.patched.yaml")
    assert path.read_bytes() == (Path(__file__).parents[2] / "openapi" / "voice-v1.patched.yaml").read_bytes()


def test_routes_come_from_the_spec() -> None:
    document = yaml.safe_load(patched_spec_path().read_text())
    declared = {
        (method.upper(), spec["operationId"])
        for item in document["paths"].values()
        for method, spec in item.items()
        if isinstance(spec, dict) and "operationId" in spec
    }
    served = {(operation.method, operation.operation_id) for operation in load_spec().operations}
    assert served == declared
    assert len(served) == 12  # the 11 of the published file, and the files endpoint (overlay 30)


async def test_info_identifies_the_sandbox(sandbox: Harness) -> None:
    response = await sandbox.client.get("/_sandbox/info")
    info = response.json()
    assert info["sandbox"] == "vonage-voice-client"
    assert info["spec_version"] == load_spec().version
    assert info["version"]
    assert info["clock"] == "virtual"
    assert len(info["operations"]) == 12


async def test_a_valid_token_is_accepted_by_every_operation_path(sandbox: Harness) -> None:
    response = await sandbox.client.get("/v1/calls", headers=sandbox.headers)
    assert response.status_code == 200
    assert response.headers["X-Nexmo-Trace-Id"]


async def test_unknown_paths_and_methods_are_problems(sandbox: Harness) -> None:
    missing = await sandbox.client.get("/v1/nothing", headers=sandbox.headers)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = await sandbox.client.patch("/v1/calls", headers=sandbox.headers)
    assert wrong.status_code == 405
    assert set(wrong.headers["Allow"].split(", ")) == {"GET", "POST"}
    admin = await sandbox.client.delete("/_sandbox/info")
    assert admin.status_code == 405
    assert admin.json()["title"] == "Method Not Allowed"


async def test_the_trailing_slash_form_of_the_calls_path_is_served(sandbox: Harness) -> None:
    response = await sandbox.client.get("/v1/calls/", headers=sandbox.headers)
    assert response.status_code == 200
