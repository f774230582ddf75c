"""The sandbox served by uvicorn on loopback, reached with plain httpx: ``running_sandbox`` and the CLI."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from tests.sandbox.support import CALL, receiver, token_for
from vonage_voice_sandbox import RealClock, RunningSandbox, running_sandbox
from vonage_voice_sandbox.__main__ import main


@pytest.fixture(scope="module")
def served(rsa_pem: bytes) -> Iterator[RunningSandbox]:
    with running_sandbox(private_key_pem=rsa_pem, signature_secret="s" * 32) as sandbox:  # a virtual clock
        yield sandbox


@pytest.fixture
def client(served: RunningSandbox) -> Iterator[httpx.Client]:
    served.app.sandbox.faults.clear()
    with httpx.Client(base_url=served.base_url, headers=token_for(served.application_id, served.private_key_pem)) as c:
        yield c


def test_a_plain_http_client_places_and_follows_a_call(served: RunningSandbox, client: httpx.Client) -> None:
    assert served.base_url.startswith("http://127.0.0.1:")
    created = client.post("/v1/calls", json=CALL)
    assert created.status_code == 201
    served.advance(60)
    record = client.get(f"/v1/calls/{created.json()['uuid']}").json()
    assert record["status"] == "completed"
    assert [e["type"] for e in served.events(record["uuid"])] == ["started", "ringing", "answered", "completed"]
    assert client.get("/_sandbox/info").json()["sandbox"] == "vonage-voice-client"


def test_reset_forgets_the_calls(rsa_pem: bytes) -> None:
    with running_sandbox(private_key_pem=rsa_pem) as sandbox:
        headers = token_for(sandbox.application_id, rsa_pem)
        assert httpx.post(f"{sandbox.base_url}/v1/calls", json=CALL, headers=headers).status_code == 201
        sandbox.reset()
        assert sandbox.app.sandbox.store.calls == {}
        assert sandbox.events() == []


def test_the_private_key_file_is_private(served: RunningSandbox) -> None:
    assert served.private_key_path.read_bytes() == served.private_key_pem
    assert stat.S_IMODE(served.private_key_path.stat().st_mode) == 0o600


def test_a_dropped_connection_closes_without_an_answer(served: RunningSandbox, client: httpx.Client) -> None:
    served.app.sandbox.faults.add({"method": "POST", "path": "/v1/calls", "drop": "before"})
    before = len(served.app.sandbox.store.calls)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending"):
        client.post("/v1/calls", json=CALL)
    assert len(served.app.sandbox.store.calls) == before
    assert client.post("/v1/calls", json=CALL).status_code == 201  # the next connection is served


def test_a_connection_dropped_after_handling_leaves_the_call_placed(
    served: RunningSandbox, client: httpx.Client
) -> None:
    served.app.sandbox.faults.add({"method": "POST", "path": "/v1/calls", "drop": "after"})
    before = len(served.app.sandbox.store.calls)
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/v1/calls", json=CALL)
    assert len(served.app.sandbox.store.calls) == before + 1


def test_event_delivery_does_not_hold_up_the_answer(served: RunningSandbox, client: httpx.Client) -> None:
    with receiver() as hook:
        hook.hold = threading.Event()  # the webhook answers only when the test lets it
        try:
            created = client.post("/v1/calls", json={**CALL, "event_url": [hook.url("/slow")]})
            assert created.status_code == 201
            # Had the sandbox waited for the delivery, this answer could only have come after the webhook's.
            assert hook.answered == []
        finally:
            hook.hold.set()
        served.advance(0)  # returns once the deliveries under way are done
        [event] = served.events(created.json()["uuid"])
        assert event["delivery"]["state"] == "delivered"
        assert hook.answered == ["/slow"]


def test_a_real_clock_moves_calls_on_its_own(rsa_pem: bytes) -> None:
    with running_sandbox(private_key_pem=rsa_pem, clock=RealClock()) as sandbox:
        headers = token_for(sandbox.application_id, rsa_pem)
        with httpx.Client(base_url=sandbox.base_url, headers=headers) as client:
            busy = {**CALL, "to": [{"type": "phone", "number": "15550000001"}]}
            call_uuid = client.post("/v1/calls", json=busy).json()["uuid"]
            deadline = time.monotonic() + 5
            while client.get(f"/v1/calls/{call_uuid}").json()["status"] != "busy":
                assert time.monotonic() < deadline
                time.sleep(0.1)
            assert (
                client.get("/_sandbox/events", params={"call_uuid": call_uuid}).json()["events"][-1]["type"] == "busy"
            )


def read_announcement(process: subprocess.Popen[str]) -> dict[str, str]:
    exports: dict[str, str] = {}
    assert process.stdout is not None
    deadline = time.monotonic() + 20
    while "VONAGE_BASE_URL" not in exports and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if "export " in line:
            name, _, value = line.strip().removeprefix("export ").partition("=")
            exports[name] = value
    return exports


def test_the_cli_makes_keys_and_says_how_to_use_them(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "vonage_voice_sandbox", "--port", "0", "--log-level", "warning"]
    # As a context manager, so its pipes are closed too.
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as process:
        try:
            exports = read_announcement(process)
            assert set(exports) == {
                "VONAGE_APPLICATION_ID",
                "VONAGE_PRIVATE_KEY_PATH",
                "VONAGE_SIGNATURE_SECRET",
                "VONAGE_BASE_URL",
            }
            key_path = Path(exports["VONAGE_PRIVATE_KEY_PATH"])
            assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
            pem = key_path.read_bytes()
            serialization.load_pem_private_key(pem, password=None)
            headers = token_for(exports["VONAGE_APPLICATION_ID"], pem)
            response = httpx.get(f"{exports['VONAGE_BASE_URL']}/v1/calls", headers=headers)
            assert response.status_code == 200
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=10)
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    assert not key_path.exists()  # removed on exit


def test_the_cli_refuses_a_public_key_without_its_application(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "public.pem"
    key.write_text("unused")
    assert main(["--public-key", str(key)]) == 2
    assert "--application-id" in capsys.readouterr().err
