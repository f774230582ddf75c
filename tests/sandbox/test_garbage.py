"""No request a client can send makes the sandbox answer 5xx (without a fault rule), and none trips a sandbox bug."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import Harness, harness

UNKNOWN = "63f61863-4a51-4f6b-86e1-46edebcf9356"
BASE = {"to": [{"type": "phone", "number": "14155550100"}], "random_from_number": True}
BODIES: list[bytes] = [
    b"",
    b"garbage",
    b"{",
    b"[]",
    b"null",
    b"true",
    b'"a string"',
    b"1e999",
    b'{"a": NaN}',
    b'{"a": -Infinity}',
    b"\xff\xfe\x00{",
    b"[" * 100_000,
    b"9" * 5_000,
    b'{"to": "x"}',
    b'{"to": [{"type": "phone", "number": "' + b"9" * 5000 + b'"}]}',
    b'{"to": [{"type": "phone", "number": "\\ud800\\ud800\\ud800"}], "random_from_number": true, "ncco": []}',
    json.dumps(
        {**BASE, "to": [{"type": "phone", "number": "١٢٣٤٥٦٧٨"}], "ncco": [{"action": "talk", "text": "✓ 日本"}]}
    ).encode(),
    json.dumps({**BASE, "ncco": [{"action": "talk", "text": "x", "loop": 1e308}]}).encode(),
    json.dumps({**BASE, "length_timer": 99999999999999999999999}).encode(),
    b'{"action": "transfer", "destination": {"type": "ncco", "ncco": [{"action": "wait", "timeout": 1e308}]}}',
    b'{"action": "hangup", "action": "mute"}',
    b'{"text": "' + b"a" * 500_000 + b'"}',
    b'{"digits": "' + "٣".encode() * 10 + b'"}',
    b'{"stream_url": [null], "loop": -1, "level": "2"}',
    b'{"event_url": [1, 2, 3]}',
    b'{"": {"": {"": []}}}',
    b"\x00\x00\x00",
    b"\xef\xbb\xbf{}",  # a UTF-8 byte order mark
]
CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=utf-16",
    "application/vnd.api+json",
    "",
]
QUERIES = [
    "page_size=1e3",
    "page_size=-1&record_index=-1",
    "record_index=" + "9" * 50,
    "record_index=" + "9" * 5000,
    "status=%00",
    "date_start=2024-13-45T99:99:99Z",
    "date_end=0001-01-01T00:00:00Z&date_start=9999-12-31T23:59:59Z",
    "conversation_uuid=CON-" + "%FF" * 10,
    "order=asc&order=desc",
    "page_size=&status=",
    "%ZZ=%ZZ",
]


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def operations(call_uuid: str) -> list[tuple[str, str]]:
    paths = []
    for target in (call_uuid, UNKNOWN, "✓", "x" * 2000, "%2F..%2F", "' OR 1=1 --"):
        base = f"/v1/calls/{target}"
        paths += [("GET", base), ("PUT", base), ("PUT", f"{base}/stream"), ("DELETE", f"{base}/stream")]
        paths += [("PUT", f"{base}/talk"), ("DELETE", f"{base}/talk"), ("PUT", f"{base}/dtmf")]
        paths += [("PUT", f"{base}/input/dtmf"), ("DELETE", f"{base}/input/dtmf")]
    return [("GET", "/v1/calls"), ("POST", "/v1/calls"), *paths]


def check(response: httpx.Response) -> None:
    assert response.status_code < 500, (response.request.method, response.request.url, response.text[:300])
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert {"type", "title", "detail", "instance"} <= set(problem)


async def answered_call(sandbox: Harness) -> str:
    call = await sandbox.create(ncco=[{"action": "conversation", "name": "room"}])
    await sandbox.advance(5)
    return str(call["uuid"])


async def test_garbage_bodies(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    headers = {**sandbox.headers, "content-type": "application/json"}
    for method, path in operations(call_uuid):
        for body in BODIES:
            check(await sandbox.client.request(method, path, content=body, headers=headers))
    assert await sandbox.internal_errors() == []


async def test_garbage_content_types(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    for method, path in operations(call_uuid)[:11]:
        for body in (b"", b"garbage", b'{"text": "hi"}', BODIES[16]):
            for content_type in CONTENT_TYPES:
                headers = {**sandbox.headers, "content-type": content_type} if content_type else sandbox.headers
                check(await sandbox.client.request(method, path, content=body, headers=headers))
    assert await sandbox.internal_errors() == []


async def test_every_content_type_with_a_valid_body(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    body = json.dumps({"text": "hello"}).encode()
    for content_type in CONTENT_TYPES:
        headers = {**sandbox.headers, "content-type": content_type}
        response = await sandbox.client.put(f"/v1/calls/{call_uuid}/talk", content=body, headers=headers)
        check(response)
        assert response.status_code == (200 if content_type.startswith("application/json") else 400)
    assert await sandbox.internal_errors() == []


async def test_garbage_queries(sandbox: Harness) -> None:
    await answered_call(sandbox)
    for query in QUERIES:
        check(await sandbox.client.get(f"/v1/calls?{query}", headers=sandbox.headers))
    assert await sandbox.internal_errors() == []


async def test_an_oversized_body_is_413(sandbox: Harness) -> None:
    response = await sandbox.client.post("/v1/calls", content=b" " * 2_000_000, headers=sandbox.headers)
    assert response.status_code == 413
    check(response)


async def test_odd_methods(sandbox: Harness) -> None:
    for method in ("PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"):
        response = await sandbox.client.request(method, "/v1/calls", headers=sandbox.headers)
        assert response.status_code == 405, method


def random_json(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["null", "bool", "int", "float", "str"] + (["list", "dict"] if depth < 4 else [])
    kind = rng.choice(kinds)
    if kind == "list":
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if kind == "dict":
        keys = [*BASE, "from", "ncco", "action", "destination", "type", "number", "text", "loop", "url", "digits"]
        keys += ["event_url", "stream_url", "answer_url", "length_timer", "ringing_timer", "timeout", "eventUrl", "✓"]
        return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    return {
        "null": None,
        "bool": rng.random() < 0.5,
        "int": rng.choice([0, -1, 1, 2**63, -(2**70), rng.randint(-1000, 1000)]),
        "float": rng.choice([0.5, -1e300, 1e-300, 3.14]),
        "str": rng.choice(
            ["", "phone", "ncco", "talk", "hangup", "transfer", "14155550100", "✓" * 3, "\x00", "x" * 300]
        ),
    }[kind]


async def test_random_json_to_every_operation(sandbox: Harness) -> None:
    call_uuid = await answered_call(sandbox)
    rng = random.Random(20240419)  # fixed: the same corpus on every run
    targets = operations(call_uuid)[:11]
    for _ in range(400):
        method, path = rng.choice(targets)
        check(await sandbox.client.request(method, path, json=random_json(rng), headers=sandbox.headers))
    assert await sandbox.internal_errors() == []
