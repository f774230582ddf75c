"""What the sandbox answers conforms to the patched spec: every operation's success, and its error answers."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from openapi_core import Config, OpenAPI
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.testing import MockRequest, MockResponse

from tests.sandbox.support import Harness, harness
from vonage_voice_sandbox.spec.document import load_spec

HOLD = [{"action": "conversation", "name": "room"}]


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(load_spec().document, config=config)


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key, rate_limits=True) as running:
        yield running


def assert_conforms(openapi: OpenAPI, response: httpx.Response) -> None:
    host = str(load_spec().document["servers"][0]["url"])
    request = MockRequest(
        host,
        response.request.method.lower(),
        response.request.url.path,
        args=dict(response.request.url.params),
        data=response.request.content or None,
        content_type="application/json",
    )
    content_type = response.headers.get("content-type")
    headers = dict(response.headers)
    mock = MockResponse(
        response.content or b"", status_code=response.status_code, headers=headers, content_type=content_type
    )
    try:
        openapi.validate_response(request, mock)
    except ResponseNotFound:  # the spec does not list this status for the operation
        pytest.fail(
            f"{response.request.method} {response.request.url.path} answered undocumented {response.status_code}"
        )


async def every_operation(sandbox: Harness) -> list[httpx.Response]:
    call = await sandbox.create(ncco=HOLD)
    await sandbox.advance(5)
    call_uuid = call["uuid"]
    client, headers = sandbox.client, sandbox.headers
    base = f"/v1/calls/{call_uuid}"
    return [
        await client.get("/v1/calls", headers=headers, params={"page_size": 1}),
        await client.post(
            "/v1/calls",
            headers=headers,
            json={"to": [{"type": "phone", "number": "14155550100"}], "random_from_number": True, "ncco": HOLD},
        ),
        await client.get(base, headers=headers),
        await client.put(base, headers=headers, json={"action": "mute"}),
        await client.put(f"{base}/stream", headers=headers, json={"stream_url": ["https://example.com/a.mp3"]}),
        await client.delete(f"{base}/stream", headers=headers),
        await client.put(f"{base}/talk", headers=headers, json={"text": "hello"}),
        await client.delete(f"{base}/talk", headers=headers),
        await client.put(f"{base}/dtmf", headers=headers, json={"digits": "123"}),
        await client.put(f"{base}/input/dtmf", headers=headers, json={"event_url": ["https://example.com/dtmf"]}),
        await client.delete(f"{base}/input/dtmf", headers=headers),
    ]


async def test_success_answers_conform(sandbox: Harness, openapi: OpenAPI) -> None:
    responses = await every_operation(sandbox)
    assert [r.status_code for r in responses] == [200, 201, 200, 204, 200, 200, 200, 200, 200, 200, 200]
    for response in responses:
        assert_conforms(openapi, response)


async def test_a_completed_record_and_a_full_page_conform(sandbox: Harness, openapi: OpenAPI) -> None:
    for _ in range(3):
        await sandbox.create(ncco=[{"action": "wait", "timeout": 61}])
    await sandbox.advance(100)
    page = await sandbox.client.get("/v1/calls", headers=sandbox.headers, params={"page_size": 1, "record_index": 1})
    assert set(page.json()["_links"]) == {"self", "first", "last", "next", "prev"}
    assert_conforms(openapi, page)


async def test_error_answers_conform(sandbox: Harness, openapi: OpenAPI) -> None:
    client, headers = sandbox.client, sandbox.headers
    unknown = "/v1/calls/63f61863-4a51-4f6b-86e1-46edebcf9356"
    errors: list[Any] = [
        await client.get("/v1/calls", params={"page_size": 0}, headers=headers),  # 400
        await client.post("/v1/calls", json={"to": []}, headers=headers),  # 400
        await client.get("/v1/calls"),  # 401
        await client.get(unknown, headers=headers),  # 404
        await client.put(unknown, json={"action": "hangup"}, headers=headers),  # 404
    ]
    errors += [await client.get("/v1/calls", headers=headers) for _ in range(16)]  # the last one: 429
    assert [e.status_code for e in errors[:5]] == [400, 400, 401, 404, 404]
    assert errors[-1].status_code == 429
    for response in [*errors[:5], errors[-1]]:
        assert_conforms(openapi, response)
