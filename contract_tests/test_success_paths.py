"""Success paths: a run waits for an answered call before acting on it (bounded, honouring 429), counts the 2xx
answers per operation and updateCall action, and fails when one never came ("no success path checked"), except
where the live-call guard may not send it (reported as not checked).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from schemathesis import GenerationMode

from contract_tests.support import credentials, drift, guard, profile, targets
from contract_tests.support.call_control import success_keys, update_actions
from contract_tests.support.recording_server import RecordingAPI, serving
from contract_tests.support.results import SUCCESS_CHECK
from contract_tests.support.runner import ProviderRun
from contract_tests.support.sandbox import sandbox_target
from contract_tests.support.targets import Target
from contract_tests.support.waiting import LIVE_POLL_INTERVAL, VIRTUAL_LIMIT, wait_for_answer

PROFILE = profile.Profile(
    "success", max_examples=2, coverage_cases=2, stateful_runs=2, stateful_steps=3, client_examples=1
)
AUTH = credentials.test_auth()
CALL = "63f61863-4a51-4f6b-86e1-46edebcf9356"


class Scripted(Target):
    """A target whose call-status polls answer from a script (status code, headers, status); the last repeats."""

    def __init__(self, script: list[tuple[int, dict[str, str], str | None]], *, sandbox: bool = False) -> None:
        super().__init__(name="scripted", auth=AUTH, base_url="http://127.0.0.1:9", is_sandbox=sandbox)
        self.script, self.polls = script, 0

    def api_get(self, path: str) -> tuple[int, dict[str, str], Any]:
        code, headers, status = self.script[min(self.polls, len(self.script) - 1)]
        self.polls += 1
        return code, headers, ({"status": status} if status is not None else None)


def _no_sleep(seconds: float) -> None:
    raise AssertionError(f"slept {seconds} s")


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def test_a_wait_honours_retry_after_then_stops_at_the_answer() -> None:
    target = Scripted([(429, {"Retry-After": "3"}, None), (200, {}, "ringing"), (200, {}, "answered")])
    time = FakeTime()
    waited = wait_for_answer(target, CALL, budget=60, sleep=time.sleep, clock=time.clock)
    assert waited.answered and waited.polls == 3
    assert time.slept == [3.0, LIVE_POLL_INTERVAL]


def test_a_wait_is_bounded_in_time_and_in_polls() -> None:
    ringing = Scripted([(200, {}, "ringing")])
    time = FakeTime()
    waited = wait_for_answer(ringing, CALL, budget=10, sleep=time.sleep, clock=time.clock)
    assert not waited.answered and waited.status == "ringing"
    assert time.now <= 10 and waited.polls <= 10 / LIVE_POLL_INTERVAL + 1
    limited = Scripted([(429, {"Retry-After": "100000"}, None)])
    time = FakeTime()
    waited = wait_for_answer(limited, CALL, budget=30, sleep=time.sleep, clock=time.clock)
    assert waited.status is None and time.now <= 30


def test_a_wait_stops_at_once_on_a_call_that_ended_or_does_not_exist() -> None:
    scripts: list[list[tuple[int, dict[str, str], str | None]]] = [[(200, {}, "completed")], [(404, {}, None)]]
    for script in scripts:
        waited = wait_for_answer(Scripted(script), CALL, sleep=_no_sleep, clock=lambda: 0.0)
        assert waited.polls == 1 and not waited.answered


def test_on_a_virtual_clock_a_wait_moves_the_clock_and_never_sleeps() -> None:
    target = Scripted([(200, {}, "ringing")], sandbox=True)
    moved: list[float] = []
    target.advance = moved.append
    waited = wait_for_answer(target, CALL, sleep=_no_sleep)
    assert not waited.answered and waited.polls == VIRTUAL_LIMIT + 1 and len(moved) == VIRTUAL_LIMIT


def _every_success_path(run: ProviderRun) -> ProviderRun:
    """What the suite sends that can be answered 2xx: the list of calls, then everything on one call."""
    run.fuzz(run.operation("getCalls"), GenerationMode.POSITIVE)
    for operation in run.operations():
        run.on_a_call(operation)
    run.success_paths()
    return run


def _success_failures(run: ProviderRun) -> dict[str, str]:
    return {f.operation: f.message for f in run.results.failures.values() if f.check == SUCCESS_CHECK}


def test_a_call_never_seen_answered_fails_the_run_with_the_reason() -> None:
    def always_ringing(exchange: drift.Exchange) -> None:
        payload = exchange.json()
        if exchange.method == "GET" and isinstance(payload, dict) and "status" in payload:
            payload["status"] = "ringing"
            exchange.set_json(payload)

    run = ProviderRun(sandbox_target(lambda app: drift.Defect(app, response=always_ringing), auth=AUTH), PROFILE)
    run.on_a_call(run.operation("startTalk"))
    run.success_paths()
    failures = _success_failures(run)
    assert "no success path checked" in failures["PUT /v1/calls/{uuid}/talk"]
    assert "not answered after" in failures["PUT /v1/calls/{uuid}/talk"], failures


def test_an_operation_test_counts_only_its_own_2xx_answers() -> None:
    """A scenario that ran earlier in the same worker and got a 2xx does not stand in for the operation's own test
    (whether it ran earlier depends on how pytest-xdist shared the tests out)."""

    def refuse_talk(exchange: drift.Exchange) -> None:
        if exchange.method == "PUT" and exchange.path.endswith("/talk"):
            exchange.status = 400

    run = ProviderRun(sandbox_target(lambda app: drift.Defect(app, response=refuse_talk), auth=AUTH), PROFILE)
    talk = run.operation("startTalk")
    run.results.case_sent(talk.label, "stateful", 200)  # an earlier scenario's answer
    answered = run.results.mark()
    run.on_a_call(talk)
    run.success_paths(talk, since=answered)
    message = _success_failures(run)[talk.label]
    assert "success-path cases sent, none answered 2xx" in message and "200" not in message


def test_an_operation_that_never_answers_2xx_fails_the_run() -> None:
    def refuse_talk(exchange: drift.Exchange) -> None:
        if exchange.method == "PUT" and exchange.path.endswith("/talk"):
            exchange.status = 400

    run = ProviderRun(sandbox_target(lambda app: drift.Defect(app, response=refuse_talk), auth=AUTH), PROFILE)
    run.on_a_call(run.operation("startTalk"))
    run.success_paths()
    message = _success_failures(run)["PUT /v1/calls/{uuid}/talk"]
    assert "success-path cases sent, none answered 2xx" in message and "400 x" in message
    assert "no success path checked" in run.results.summary()


def test_the_sandbox_answers_every_success_path_in_process() -> None:
    run = _every_success_path(ProviderRun(sandbox_target(auth=AUTH), PROFILE))
    assert not run.results.failures, run.results.summary()
    for operation, action in success_keys(run.operations()):
        assert run.results.successes(operation, action) >= 1, (operation, action)
    assert set(update_actions()) == {"transfer", "hangup", "mute", "unmute", "earmuff", "unearmuff"}


@pytest.fixture
def live() -> Iterator[tuple[RecordingAPI, str]]:
    recording = RecordingAPI()
    with serving(recording) as base_url:
        yield recording, base_url


def test_live_without_an_allow_list_state_dependent_paths_are_not_checked(live: tuple[RecordingAPI, str]) -> None:
    recording, base_url = live
    run = _every_success_path(ProviderRun(targets.at_url(base_url, AUTH, environ={}), PROFILE))
    assert not _success_failures(run), run.results.summary()  # the stand-in takes any token: ignored_auth fails
    unchecked = {operation for operation, _ in run.results.not_checked}
    assert unchecked == {label for label, _ in success_keys(run.operations())} - {"GET /v1/calls"}
    assert recording.writes() == []
    assert "not checked: PUT /v1/calls/{uuid}/talk" in run.results.summary()
    assert "not checked: GET /v1/files/{file_id}: no recording to download" in run.results.summary()


def test_live_with_an_allow_list_what_the_guard_refuses_is_not_checked(live: tuple[RecordingAPI, str]) -> None:
    _, base_url = live
    target = targets.at_url(base_url, AUTH, environ={guard.ENV_ALLOW: "15550000001"})
    run = _every_success_path(ProviderRun(target, PROFILE))
    assert not _success_failures(run), run.results.summary()
    assert set(run.results.not_checked) == {
        ("PUT /v1/calls/{uuid}", "transfer"),  # no transfer reaches a live API
        ("PUT /v1/calls/{uuid}/stream", None),  # a stream_url is a URL the API would fetch
        ("PUT /v1/calls/{uuid}/input/dtmf", None),  # an event_url, one it would post to
        ("GET /v1/files/{file_id}", None),  # a file's id reaches only the application's webhooks
    }, run.results.summary()
