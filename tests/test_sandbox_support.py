"""Helpers for the sandbox tests (imported by the other ``test_sandbox_*`` modules), and tests of the basics.

Tokens are signed here with PyJWT directly, never with the client runtime: the sandbox must judge tokens it did not
help to make. Requests go in-process through ``httpx.ASGITransport`` on a virtual clock, so nothing waits.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_sandbox import SandboxApp, VirtualClock, create_app, patched_spec_path
from vonage_voice_sandbox.spec.document import load_spec

APP_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
START = 1_713_490_458.0  # 2024-04-19T01:34:18Z
TALK = [{"action": "talk", "text": "Hello from the sandbox"}]  # 22 characters: 1.47 s of speech
CALLER = {"type": "phone", "number": "14155550101"}


def app_token(key: rsa.RSAPrivateKey, *, algorithm: str = "RS256", **claims: Any) -> str:
    """A token like a client would sign; a claim given as None is left out."""
    now = int(time.time())
    payload: dict[str, Any] = {"application_id": APP_ID, "iat": now, "exp": now + 900, "jti": str(uuid.uuid4())}
    payload.update(claims)
    return jwt.encode({k: v for k, v in payload.items() if v is not None}, key, algorithm=algorithm)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Harness:
    """One in-process sandbox on a virtual clock, and a client holding a valid token."""

    app: SandboxApp
    clock: VirtualClock
    client: httpx.AsyncClient
    key: rsa.RSAPrivateKey
    headers: dict[str, str] = field(default_factory=dict)

    async def create(self, number: str = "14155550100", **fields: Any) -> dict[str, Any]:
        """Create a call (a talk NCCO unless ``ncco``/``answer_url`` is given) and return the 201 body."""
        body: dict[str, Any] = {"to": [{"type": "phone", "number": number}], "from": CALLER}
        if "answer_url" not in fields:
            body["ncco"] = TALK
        body.update(fields)
        response = await self.client.post("/v1/calls", json=body, headers=self.headers)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def advance(self, seconds: float) -> None:
        response = await self.client.post("/_sandbox/clock/advance", json={"seconds": seconds})
        assert response.status_code == 200, response.text

    async def record(self, call_uuid: str) -> dict[str, Any]:
        response = await self.client.get(f"/v1/calls/{call_uuid}", headers=self.headers)
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def status(self, call_uuid: str) -> str:
        return str((await self.record(call_uuid))["status"])

    async def internals(self, call_uuid: str) -> dict[str, Any]:
        response = await self.client.get(f"/_sandbox/calls/{call_uuid}")
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def events(self, call_uuid: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        params = {k: v for k, v in {"call_uuid": call_uuid, "type": kind}.items() if v is not None}
        response = await self.client.get("/_sandbox/events", params=params)
        return list(response.json()["events"])

    async def statuses(self, call_uuid: str) -> list[str]:
        """The statuses the call's events reported, in order."""
        return [e["payload"]["status"] for e in await self.events(call_uuid) if "status" in e["payload"]]

    async def put(self, call_uuid: str, suffix: str, body: Any) -> httpx.Response:
        return await self.client.put(f"/v1/calls/{call_uuid}{suffix}", json=body, headers=self.headers)

    async def internal_errors(self) -> list[dict[str, Any]]:
        return list((await self.client.get("/_sandbox/errors")).json()["errors"])


@asynccontextmanager
async def harness(key: rsa.RSAPrivateKey, **options: Any) -> AsyncIterator[Harness]:
    clock = options.pop("clock", None) or VirtualClock(start=START)
    app = create_app(application_id=APP_ID, public_key=key.public_key(), clock=clock, **options)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield Harness(app, clock, client, key, bearer(app_token(key)))


@dataclass
class Received:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Receiver:
    """A tiny loopback webhook receiver: records requests; answers each path with a configured JSON reply."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.replies: dict[str, tuple[int, Any]] = {}
        self.headers: dict[str, dict[str, str]] = {}  # extra answer headers, by path
        self.hold: threading.Event | None = None  # when given: answer once it is set (at most 10 s later)
        self.answered: list[str] = []  # the paths answered, in order
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def on(self, path: str) -> list[Received]:
        return [request for request in self.requests if request.path == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                path, _, query = self.path.partition("?")
                body = self.rfile.read(length)
                receiver.requests.append(Received(self.command, path, query, dict(self.headers.items()), body))
                if receiver.hold is not None:
                    receiver.hold.wait(10.0)  # bounded: a test that forgets to release it still ends
                status, reply = receiver.replies.get(path, (200, None))
                receiver.answered.append(path)  # before the answer goes out: whoever reads it sees this
                content = b"" if reply is None else json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                for name, value in receiver.headers.get(path, {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = _record

            def log_message(self, format: str, *args: Any) -> None:
                return None

        return Handler

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


# --- tests of the basics ----------------------------------------------------------------------------------------


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def test_the_patched_spec_is_found_as_package_data() -> None:
    path = patched_spec_path()
    assert path.parts[-2:] == ("_spec", "voice-v1.patched.yaml")
    assert path.read_bytes() == (Path(__file__).parents[1] / "openapi" / "voice-v1.patched.yaml").read_bytes()


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
    assert len(served) == 11


async def test_info_identifies_the_sandbox(sandbox: Harness) -> None:
    response = await sandbox.client.get("/_sandbox/info")
    info = response.json()
    assert info["sandbox"] == "vonage-voice-client"
    assert info["spec_version"] == load_spec().version
    assert info["version"]
    assert info["clock"] == "virtual"
    assert len(info["operations"]) == 11


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
