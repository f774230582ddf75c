"""Any URL: a target is a sandbox only if GET /_sandbox/info says so; against anything else the run creates and
changes no call unless VOICE_CONTRACT_ALLOW_CALLS_TO allows it (and then only to those numbers, and only calls it
created), and reports what it skipped. Without credentials, a live run is skipped with the reason.

The "live API" here is a recording server on loopback: what it recorded is what a real API would have received.
The guard holds below Schemathesis too: requests it sends on its own, without the run's session, are checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from schemathesis import GenerationMode
from schemathesis.specs.openapi._auth_retry import build_retry_transport_kwargs

from contract_tests.support import credentials, guard, profile, targets, wire
from contract_tests.support.recording_server import RecordingAPI, serving
from contract_tests.support.runner import ProviderRun
from vonage_voice_client import VonageJWT
from vonage_voice_sandbox import running_sandbox

ALLOWED = ("15550000001", "15550000002")
# Small: what is under test is what reaches the API, not how much is generated.
PROFILE = profile.Profile(
    "guard", max_examples=3, coverage_cases=4, stateful_runs=3, stateful_steps=4, client_examples=1
)


@pytest.fixture
def api() -> Iterator[tuple[RecordingAPI, str]]:
    recording = RecordingAPI()
    with serving(recording) as base_url:
        yield recording, base_url


def _full_run(target: targets.Target, only: tuple[str, ...] = ()) -> ProviderRun:
    """Every phase the suite runs, for every operation (or those in ``only``)."""
    run = ProviderRun(target, PROFILE)
    for operation in run.operations():
        if only and operation.definition.raw["operationId"] not in only:
            continue
        run.examples(operation)
        run.coverage(operation)
        run.on_a_call(operation)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run.fuzz(operation, mode)
    run.stateful()
    return run


def test_without_an_allow_list_no_call_is_created_or_changed(api: tuple[RecordingAPI, str], auth: VonageJWT) -> None:
    recording, base_url = api
    target = targets.at_url(base_url, auth, environ={})
    assert not target.is_sandbox and target.guard is not None
    run = _full_run(target)
    assert recording.requests, "the run sent nothing at all"
    assert recording.writes() == [], f"writes reached the API: {recording.writes()[:3]}"
    assert any("would create a call" in reason for reason in run.results.skipped), run.results.summary()
    assert "Skipped (not sent)" in run.results.summary()


def test_with_an_allow_list_only_those_numbers_are_called(api: tuple[RecordingAPI, str], auth: VonageJWT) -> None:
    recording, base_url = api
    target = targets.at_url(base_url, auth, environ={guard.ENV_ALLOW: ",".join(ALLOWED)})
    _full_run(target, only=("createCall", "updateCall", "startStream", "stopTalk"))  # creating, changing, URLs
    creations = [r for r in recording.writes() if r.method == "POST"]
    assert creations, "no call was created although numbers were allowed"
    for created in creations:
        assert isinstance(created.body, dict)
        assert {endpoint["number"] for endpoint in created.body["to"]} <= set(ALLOWED)
        assert all(action["action"] == "talk" for action in created.body["ncco"])
        assert "answer_url" not in created.body and "event_url" not in created.body
    changes = [r for r in recording.writes() if r.method in ("PUT", "DELETE")]
    assert changes, "no scenario acted on a created call"
    assert all(r.path.split("/")[3] in recording.issued for r in changes), "a call the run did not create was changed"


def test_a_url_is_a_sandbox_only_if_it_says_so(api: tuple[RecordingAPI, str], auth: VonageJWT) -> None:
    _, base_url = api
    assert targets.probe_sandbox(base_url) is None
    with running_sandbox() as sandbox:
        info = targets.probe_sandbox(sandbox.base_url)
        assert info is not None and info["application_id"] == sandbox.application_id
        sandbox_auth = VonageJWT(sandbox.application_id, sandbox.private_key_pem)
        target = targets.at_url(sandbox.base_url, sandbox_auth, environ={})
        assert target.is_sandbox and target.guard is None
        run = ProviderRun(target, PROFILE)  # over HTTP this time: the transport of a live run
        run.fuzz(run.operation("getCalls"), GenerationMode.POSITIVE)
        run.stateful(3)
        run.sandbox_errors()
        assert not run.results.failures, run.results.summary()


def test_without_credentials_a_live_run_is_skipped_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in credentials.ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    reason = credentials.live_auth()
    assert isinstance(reason, str) and "VONAGE_APPLICATION_ID" in reason


def test_the_allow_list_takes_only_phone_numbers() -> None:
    assert guard.allowed_numbers({guard.ENV_ALLOW: "+15550000001, 15550000002"}) == ALLOWED
    with pytest.raises(ValueError, match="not numbers: sip:someone"):
        guard.allowed_numbers({guard.ENV_ALLOW: "sip:someone"})


def test_the_wire_check_refuses_what_the_guard_would_not_send() -> None:
    import requests

    watch = guard.Guard(ALLOWED)
    post = requests.Request("POST", "https://api.example/v1/calls", json={"to": [{"type": "phone", "number": "1"}]})
    with pytest.raises(guard.GuardRefused):
        watch.check_wire(post.prepare())
    delete = requests.Request("DELETE", "https://api.example/v1/calls/abc/talk")
    with pytest.raises(guard.GuardRefused):
        watch.check_wire(delete.prepare())
    watch.check_wire(requests.Request("GET", "https://api.example/v1/calls").prepare())


def test_a_loopback_api_that_is_not_our_sandbox_is_live(auth: VonageJWT) -> None:
    """127.0.0.2 is loopback, and could be an SSH tunnel to the real API: only /_sandbox/info decides."""
    recording = RecordingAPI()
    with serving(recording, host="127.0.0.2") as base_url:
        target = targets.at_url(base_url, auth, environ={})
        assert not target.is_sandbox and target.guard is not None
        assert wire.TARGETS.decide(base_url) is target.guard
        _full_run(target, only=("createCall", "updateCall", "startTalk"))
    assert recording.writes() == [], f"writes reached the API: {recording.writes()[:3]}"
    assert [r.path for r in recording.requests].count(wire.INFO_PATH) == 1, "probed more than once"


def test_requests_sent_around_the_runner_are_guarded(api: tuple[RecordingAPI, str], auth: VonageJWT) -> None:
    """Schemathesis' checks re-send cases without the run's session (``ignored_auth`` strips it, then calls the
    schema's transport): the transport itself refuses what the guard would not send."""
    recording, base_url = api
    target = targets.at_url(base_url, auth, environ={guard.ENV_ALLOW: ",".join(ALLOWED)})
    run = ProviderRun(target, PROFILE)
    anyone = {"type": "phone", "number": "447700900000"}
    body: Any = {"to": [anyone], "ncco": [{"action": "connect", "endpoint": [anyone]}]}
    case = run.operation("createCall").Case(body=body, media_type="application/json")
    retry_kwargs = build_retry_transport_kwargs(target.call_kwargs(), [])
    assert "session" not in retry_kwargs
    with pytest.raises(guard.GuardRefused):
        case.operation.schema.transport.send(case, headers=target.headers(), **retry_kwargs)
    with pytest.raises(guard.GuardRefused):
        case.call(base_url=base_url, headers=target.headers())
    with pytest.raises(guard.GuardRefused):
        requests.put(f"{base_url}/v1/calls/{OTHER_CALL}", json={"action": "TRANSFER"}, timeout=5)
    assert recording.writes() == []


OTHER_CALL = "aaaaaaaa-4a51-4f6b-86e1-46edebcf9356"


def test_an_unknown_base_url_is_probed_once_and_treated_as_live() -> None:
    probed: list[str] = []

    def probe(base_url: str) -> None:
        probed.append(base_url)

    decisions = wire.Targets(probe=probe)
    first = decisions.decide("http://127.0.0.1:9/v1/calls/abc/talk")
    assert first is not None and not first.allowed
    assert decisions.decide("http://127.0.0.1:9") is first
    assert decisions.decide("http://127.0.0.1:9/proxy/v1/calls") is not first  # another base: a proxy's prefix
    assert probed == ["http://127.0.0.1:9", "http://127.0.0.1:9/proxy"]
