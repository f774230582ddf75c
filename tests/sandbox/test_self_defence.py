"""The sandbox cannot be turned against itself: events, notify and NCCO fetches never reach its own address or any
``/_sandbox/`` path, admin writes need a JSON body type and a loopback Host (no cross-site form, no DNS rebinding),
and the CLI serves on loopback unless told otherwise."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALL, Harness, harness, receiver, token_for
from vonage_voice_sandbox import RunningSandbox, running_sandbox
from vonage_voice_sandbox.__main__ import main
from vonage_voice_sandbox.server import is_loopback_host

WRITES = [
    ("POST", "/_sandbox/reset", {}),
    ("POST", "/_sandbox/faults", {"status": 503, "count": None}),
    ("DELETE", "/_sandbox/faults", {}),
    ("POST", "/_sandbox/clock/advance", {"seconds": 1}),
    ("POST", "/_sandbox/scenarios", {"scenario": "busy", "dtmf": ["1"]}),
    ("PUT", "/_sandbox/signature", {"secret": None}),
]


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


@pytest.fixture(scope="module")
def served(rsa_pem: bytes) -> Iterator[RunningSandbox]:
    with running_sandbox(private_key_pem=rsa_pem) as running:  # a virtual clock
        yield running


@pytest.fixture
def client(served: RunningSandbox) -> Iterator[httpx.Client]:
    served.reset()
    headers = token_for(served.application_id, served.private_key_pem)
    # Shorter than the sandbox's own 10 s delivery timeout, for which one delivering to itself would stall.
    with httpx.Client(base_url=served.base_url, headers=headers, timeout=8.0, trust_env=False) as c:
        yield c


def create(client: httpx.Client, **fields: Any) -> str:
    response = client.post("/v1/calls", json={**CALL, **fields})
    assert response.status_code == 201, response.text
    return str(response.json()["uuid"])


def events_of(client: httpx.Client, call_uuid: str, kind: str) -> list[dict[str, Any]]:
    found = client.get("/_sandbox/events", params={"call_uuid": call_uuid, "type": kind}).json()["events"]
    return list(found)


# --- deliveries never reach the sandbox itself -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/_sandbox/reset", "/_sandbox/faults", "/v1/calls", "/anything"])
def test_an_event_url_at_the_sandbox_itself_is_never_contacted(
    served: RunningSandbox, client: httpx.Client, path: str
) -> None:
    bystander = create(client, ncco=[{"action": "talk", "text": "x" * 600}])
    call_uuid = create(client, event_url=[served.base_url + path])
    client.post("/_sandbox/clock/advance", json={"seconds": 5}).raise_for_status()
    assert client.get(f"/v1/calls/{bystander}").status_code == 200, "the bystander call survived"
    [started] = events_of(client, call_uuid, "started")
    assert started["delivery"]["state"] == "refused"
    assert "own address" in started["delivery"]["reason"]
    assert client.get("/_sandbox/callbacks", params={"call_uuid": call_uuid}).json()["callbacks"] == []


def test_any_loopback_name_for_the_sandbox_port_is_refused(served: RunningSandbox, client: httpx.Client) -> None:
    port = served.base_url.rsplit(":", 1)[1]
    urls = [f"http://localhost:{port}/v1/calls", f"http://[::1]:{port}/anything", f"https://127.0.0.1:{port}/x"]
    made = [create(client, event_url=[url]) for url in urls]
    for call_uuid in made:
        [started] = events_of(client, call_uuid, "started")
        assert started["delivery"]["state"] == "refused"


def test_a_webhook_redirecting_to_the_sandbox_is_not_followed(served: RunningSandbox, client: httpx.Client) -> None:
    bystander = create(client, ncco=[{"action": "talk", "text": "x" * 600}])
    with receiver() as hook:
        hook.replies["/event"] = (307, None)
        hook.headers["/event"] = {"Location": f"{served.base_url}/_sandbox/reset"}
        call_uuid = create(client, event_url=[hook.url("/event")])
        client.post("/_sandbox/clock/advance", json={"seconds": 0}).raise_for_status()
    [started] = events_of(client, call_uuid, "started")
    assert started["delivery"] == {"state": "rejected", "status_code": 307}
    assert client.get(f"/v1/calls/{bystander}").status_code == 200


def test_a_notify_cannot_install_a_fault_rule(served: RunningSandbox, client: httpx.Client) -> None:
    permanent_503 = {"status": 503, "count": None, "path": "*"}
    notify = {"action": "notify", "payload": permanent_503, "eventUrl": [f"{served.base_url}/_sandbox/faults"]}
    create(client, ncco=[notify, {"action": "talk", "text": "after"}])
    client.post("/_sandbox/clock/advance", json={"seconds": 10}).raise_for_status()
    assert client.get("/_sandbox/faults").json()["rules"] == []
    assert client.get("/v1/calls").status_code == 200


def test_a_notify_to_the_clock_does_not_deadlock(served: RunningSandbox, client: httpx.Client) -> None:
    notify = {"action": "notify", "payload": {"seconds": 1}, "eventUrl": [f"{served.base_url}/_sandbox/clock/advance"]}
    call_uuid = create(client, ncco=[notify, {"action": "talk", "text": "after"}])
    client.post("/_sandbox/clock/advance", json={"seconds": 10}).raise_for_status()  # httpx raises after 8 s
    [sent] = events_of(client, call_uuid, "notify")
    assert sent["delivery"]["state"] == "refused"
    assert client.get(f"/v1/calls/{call_uuid}").json()["status"] == "completed", "the NCCO went on"


@pytest.mark.parametrize(
    "path", ["/_sandbox/reset", "/%5Fsandbox/reset", "//_sandbox/reset", "/v1/../_sandbox/reset", "/_sandbox"]
)
async def test_no_sandbox_admin_path_is_contacted_on_any_port(
    sandbox: Harness, served: RunningSandbox, client: httpx.Client, path: str
) -> None:
    """The in-process sandbox does not know the port of the other one: the path alone is refused."""
    bystander = create(client, ncco=[{"action": "talk", "text": "x" * 600}])
    call = await sandbox.create(event_url=[served.base_url + path])
    await sandbox.advance(1)
    assert client.get(f"/v1/calls/{bystander}").status_code == 200
    [started] = await sandbox.events(call["uuid"], "started")
    assert started["delivery"]["state"] == "refused"


async def test_an_answer_url_at_the_sandbox_is_not_fetched(sandbox: Harness, served: RunningSandbox) -> None:
    call = await sandbox.create(answer_url=[f"{served.base_url}/_sandbox/calls"])
    await sandbox.advance(5)
    assert (await sandbox.client.get("/_sandbox/callbacks")).json()["callbacks"] == []
    assert (await sandbox.internals(call["uuid"]))["ncco"][0]["action"] == "talk"  # the stand-in NCCO


# --- admin writes: JSON only, loopback Host and Origin only ----------------------------------------------------


@pytest.mark.parametrize(("method", "path", "body"), [write for write in WRITES if write[0] != "DELETE"])
@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None]
)
async def test_an_admin_write_without_a_json_body_type_is_refused(
    sandbox: Harness, method: str, path: str, body: Any, content_type: str | None
) -> None:
    await sandbox.create()
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = await sandbox.client.request(method, path, content=json.dumps(body), headers=headers)
    assert response.status_code == 415, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["invalid_parameters"][0]["name"] == "Content-Type"
    assert len(sandbox.app.sandbox.store.calls) == 1
    assert sandbox.app.sandbox.faults.rules() == []


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Host", "attacker.example:8000"),  # DNS rebinding: the browser names the attacker's domain
        ("Host", "127.0.0.1.attacker.example"),
        ("Host", "localhost.attacker.example:8000"),
        ("Origin", "https://attacker.example"),  # a cross-site page, whatever Host it reached
        ("Origin", "null"),
    ],
)
async def test_an_admin_write_from_a_foreign_host_or_origin_is_refused(
    sandbox: Harness, method: str, path: str, body: Any, header: str, value: str
) -> None:
    await sandbox.create()
    response = await sandbox.client.request(method, path, json=body, headers={header: value})
    assert response.status_code == 403, response.text
    assert response.json()["invalid_parameters"][0]["name"] == header
    assert len(sandbox.app.sandbox.store.calls) == 1
    assert sandbox.app.sandbox.faults.rules() == []


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "127.0.0.2"]
)
async def test_json_admin_writes_from_loopback_are_served(sandbox: Harness, host: str) -> None:
    headers = {"Host": host, "Origin": f"http://{host}"}
    assert (await sandbox.client.post("/_sandbox/clock/advance", json={"seconds": 1}, headers=headers)).is_success
    assert (await sandbox.client.post("/_sandbox/faults", json={"status": 503}, headers=headers)).status_code == 201
    assert (
        await sandbox.client.delete("/_sandbox/faults", headers={**headers, "Content-Type": "application/json"})
    ).is_success
    assert (await sandbox.client.post("/_sandbox/reset", json={}, headers=headers)).is_success
    typed = {**headers, "Content-Type": "application/merge-patch+json; charset=utf-8"}
    assert (await sandbox.client.post("/_sandbox/reset", headers=typed)).is_success


async def test_an_admin_write_larger_than_the_body_limit_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, max_body_bytes=100) as small:
        script = {"dtmf": ["1" * 200]}
        response = await small.client.post("/_sandbox/scenarios", json=script)
        assert response.status_code == 413
        assert small.app.sandbox.store.scenarios.numbers == {}


async def test_admin_hosts_name_the_hosts_a_sandbox_beyond_loopback_takes_writes_from(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    async with harness(rsa_key, admin_hosts=["Sandbox.Internal"]) as served_beyond:
        named = {"Host": "sandbox.internal:8000", "Origin": "http://sandbox.internal:8000"}
        assert (await served_beyond.client.post("/_sandbox/reset", json={}, headers=named)).status_code == 200
        other = {"Host": "elsewhere.internal:8000"}
        assert (await served_beyond.client.post("/_sandbox/reset", json={}, headers=other)).status_code == 403


async def test_reads_answer_any_host(sandbox: Harness) -> None:
    """Reads change nothing: a probe of /_sandbox/info by any name (127.0.0.2, a tunnel) still learns what it is."""
    response = await sandbox.client.get("/_sandbox/info", headers={"Host": "tunnel.example"})
    assert response.json()["sandbox"] == "vonage-voice-client"


# --- serving on loopback only ----------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "::", "example.com"])
def test_the_cli_refuses_a_host_that_is_not_loopback(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--host", host, "--port", "0"]) == 2
    error = capsys.readouterr().err
    assert "--allow-non-loopback" in error and host in error


def test_the_cli_serves_elsewhere_only_when_told(capsys: pytest.CaptureFixture[str]) -> None:
    # 192.0.2.1 (TEST-NET-1) is never a local address: getting as far as binding it shows the flag let it through.
    with pytest.raises(OSError):
        main(["--host", "192.0.2.1", "--port", "0", "--allow-non-loopback"])


def test_running_sandbox_refuses_a_host_that_is_not_loopback() -> None:
    with pytest.raises(ValueError, match="allow_non_loopback"), running_sandbox(host="192.0.2.1"):
        pass


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                              ("127.0.0.2", True), ("0.0.0.0", False), ("::", False),
                                              ("10.0.0.1", False), ("localhost.example", False)])  # fmt: skip
def test_what_counts_as_loopback(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback
