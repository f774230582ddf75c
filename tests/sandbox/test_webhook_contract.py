"""The webhook contract checker catches each kind of defect planted in a copy of the IVR example, and passes the
unmodified example: a checker that missed one would let that defect reach production, where no one reports it."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from examples.ivr.app import create_app
from vonage_voice_sandbox.webhook_contract import Report, Target, check_webhooks

SECRET = "a-signature-secret-of-32-bytes-or-more"
ROOT = Path(__file__).resolve().parents[2]
KNOWN_STATUSES = {"started", "ringing", "answered", "busy", "cancelled", "unanswered", "rejected", "failed", "timeout",
                  "disconnected", "completed", "human", "machine"}  # fmt: skip


def planted(ivr: ASGIApp) -> ASGIApp:
    """The IVR with one defect of each kind, each on its own webhook or callback so that none hides another."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await ivr(scope, receive, send)
        request = Request(scope, receive)
        path = scope["path"]
        if path == "/answer":  # a talk without its text
            return await JSONResponse([{"action": "talk"}])(scope, receive, send)
        if path == "/fallback":  # slower than Vonage waits
            await asyncio.sleep(0.5)
            return await JSONResponse([{"action": "talk", "text": "sorry"}])(scope, receive, send)
        if path == "/event":  # no verification at all: forged callbacks are taken in
            body = json.loads(await request.body() or b"{}")
            status = body.get("status")
            if status == "busy":
                return await Response(status_code=500)(scope, receive, send)  # 5xx on one status
            if status is not None and status not in KNOWN_STATUSES:
                raise KeyError(status)  # fails on a status Vonage adds later
            return await Response(status_code=204)(scope, receive, send)
        return await ivr(scope, receive, send)

    return app


def run(app: ASGIApp, **where: Any) -> Report:
    waits = {"answer": 5.0, "event": 5.0, "fallback": 0.2}
    return check_webhooks(app, secret=SECRET, target=Target(waits=waits, **where), examples=2)


@pytest.fixture(scope="module")
def planted_report() -> Report:
    return run(planted(create_app(signature_secret=SECRET)), fallback="/fallback")


def findings(report: Report, check: str) -> list[Any]:
    return [finding for finding in report.findings if finding.check == check]


def test_the_unmodified_ivr_example_passes() -> None:
    report = run(create_app(signature_secret=SECRET))
    assert report.ok, report.text()
    assert report.callbacks > 50


def test_a_5xx_on_one_status_is_caught_with_that_status(planted_report: Report) -> None:
    [finding] = findings(planted_report, "no-server-error")
    assert finding.payload["status"] == "busy" and finding.answer.startswith("HTTP 500")


def test_an_answer_ncco_without_text_is_caught_naming_the_field(planted_report: Report) -> None:
    found = findings(planted_report, "valid-ncco")
    assert found and all("ncco[0].text: is required" in finding.detail for finding in found)


def test_forged_expired_unsigned_and_replayed_callbacks_taken_in_are_caught(planted_report: Report) -> None:
    caught = {(f.webhook, f.signing) for f in findings(planted_report, "refuses-bad-signatures")}
    assert {("event", signing) for signing in ("unsigned", "forged", "expired", "replayed")} <= caught


def test_failing_on_a_status_the_spec_does_not_list_is_caught(planted_report: Report) -> None:
    found = findings(planted_report, "accepts-unlisted-values")
    assert any(f.payload.get("status") == "value_the_spec_does_not_list_yet" for f in found), planted_report.text()


def test_a_slow_answer_is_caught_and_the_webhook_is_not_waited_for_again(planted_report: Report) -> None:
    [finding] = findings(planted_report, "answers-in-time")
    assert finding.webhook == "fallback" and "0.2 s" in finding.detail
    assert any("fallback webhook was sent nothing more" in note for note in planted_report.notes)


def test_a_finding_shows_the_callback_the_answer_and_a_replay_line(planted_report: Report) -> None:
    [finding] = findings(planted_report, "no-server-error")
    text = finding.text()
    assert "POST /event" in text and '"status": "busy"' in text and "HTTP 500" in text
    assert "--replay" in finding.replay and '"webhook":"event"' in finding.replay


def test_an_app_declared_not_to_verify_is_not_sent_bad_signatures() -> None:
    async def accepting(scope: Scope, receive: Receive, send: Send) -> None:
        reply = JSONResponse([{"action": "talk", "text": "hi", "bargeIn": "true"}])
        await (reply if scope["path"] == "/answer" else Response(status_code=204))(scope, receive, send)

    report = run(accepting, verifies=False)
    assert report.ok, report.text()
    assert any(w.name == "ncco[0].bargeIn" and "D32" in w.reason for w in report.warnings), "loose, but a warning"


def test_the_command_exits_non_zero_and_prints_the_finding(tmp_path: Path) -> None:
    (tmp_path / "broken_app.py").write_text(
        "from starlette.responses import PlainTextResponse\n"
        "async def app(scope, receive, send):\n"
        "    await PlainTextResponse('hello')(scope, receive, send)\n"
    )
    junit = tmp_path / "junit.xml"
    command = [sys.executable, "-m", "vonage_voice_sandbox.webhook_contract", "broken_app:app", "--event", "",
               "--no-verify", "--examples", "1", "--junit-xml", str(junit)]  # fmt: skip
    env = {"VONAGE_SIGNATURE_SECRET": SECRET, "PATH": "", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "FAILED valid-ncco: the reply is not JSON" in done.stdout
    assert "GET /answer" in done.stdout and "HTTP 200 hello" in done.stdout and "--replay" in done.stdout
    assert 'name="valid-ncco"' in junit.read_text() and "<failure" in junit.read_text()
