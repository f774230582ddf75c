"""What an application answers cannot make the sandbox hold more than it would take in a request: an answer is read
no further than ``max_body_bytes`` (the cap on an inline NCCO), a longer NCCO is refused as Vonage refuses a bad one
(an ``error`` event naming the reason), the callback log keeps only the first ``Limits.max_callback_answer_bytes``
of an answer, and an NCCO has at most ``Limits.max_ncco_actions`` actions, inline or fetched."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALLER, Harness, harness, receiver
from vonage_voice_sandbox import Limits

CAP = 10_000  # max_body_bytes of these sandboxes
TOO_LARGE = [{"action": "talk", "text": "a" * (2 * CAP)}]  # a valid NCCO, larger than CAP
HOLD = [{"action": "talk", "text": "hold", "loop": 0}]


async def _callbacks(sandbox: Harness, kind: str) -> list[dict[str, Any]]:
    response = await sandbox.client.get("/_sandbox/callbacks", params={"type": kind})
    return list(response.json()["callbacks"])


async def _refused_with(sandbox: Harness, call_uuid: str, reason: str) -> None:
    """The call ended with an ``error`` event naming ``reason``: the NCCO was refused, not run."""
    assert await sandbox.status(call_uuid) == "completed"
    [error] = await sandbox.events(call_uuid, "error")
    assert reason in error["payload"]["reason"], error["payload"]["reason"]


# --- the callback log ---------------------------------------------------------------------------------------------


async def test_the_callback_log_keeps_only_the_first_bytes_of_a_long_answer(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key) as sandbox:
        with receiver() as hook:
            hook.replies["/events"] = (200, {"padding": "x" * 500_000})  # a status event answered with 500 KB
            call = await sandbox.create(event_url=[hook.url("/events")])
            await sandbox.advance(1)
        [started, *_] = await _callbacks(sandbox, "started")
    assert call["uuid"] == started["call_uuid"]
    assert started["answer_truncated"] is True
    assert started["answer"] == '{"padding": "' + "x" * (Limits().max_callback_answer_bytes - 13)


async def test_a_short_answer_is_kept_whole(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key) as sandbox:
        with receiver() as hook:
            hook.replies["/events"] = (200, {"ok": True})
            await sandbox.create(event_url=[hook.url("/events")])
            await sandbox.advance(1)
        [started, *_] = await _callbacks(sandbox, "started")
    assert started["answer"] == {"ok": True} and started["answer_truncated"] is False


# --- an answer is read no further than max_body_bytes --------------------------------------------------------------


@contextmanager
def endless_answer(size: int) -> Iterator[tuple[str, dict[str, int]]]:
    """A webhook answering with ``size`` bytes of an NCCO that never ends; yields its URL and the bytes it wrote."""
    sent = {"bytes": 0}
    done = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b'{"action": "talk", "text": "a"},' * 2048
            try:
                self.wfile.write(b"[")
                while sent["bytes"] < size:
                    self.wfile.write(chunk)
                    sent["bytes"] += len(chunk)
            except OSError:
                pass  # the sandbox hung up: what we are after
            finally:
                done.set()

        def log_message(self, format: str, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/answer", sent
        assert done.wait(30), "the webhook is still writing"
    finally:
        server.shutdown()
        server.server_close()


async def test_an_answer_url_is_read_no_further_than_the_cap(rsa_key: rsa.RSAPrivateKey) -> None:
    size = 64 * 1024 * 1024
    async with harness(rsa_key, max_body_bytes=CAP) as sandbox:
        with endless_answer(size) as (url, sent):
            call = await sandbox.create(answer_url=[url])
            await asyncio.wait_for(sandbox.advance(5), timeout=60)
        await _refused_with(sandbox, call["uuid"], f"answered more than {CAP} bytes")
        [answer] = await _callbacks(sandbox, "answer")
    assert sent["bytes"] < size // 2, f"{sent['bytes']} bytes were taken"  # what socket buffers hold, at most
    assert answer["answer_truncated"] is True and len(answer["answer"]) <= CAP


# --- a fetched NCCO gets the cap of an inline one ------------------------------------------------------------------


async def test_an_answer_url_ncco_larger_than_the_cap_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, max_body_bytes=CAP) as sandbox:
        with receiver() as hook:
            hook.replies["/answer"] = (200, TOO_LARGE)
            call = await sandbox.create(answer_url=[hook.url("/answer")])
            await sandbox.advance(5)
        await _refused_with(sandbox, call["uuid"], f"answered more than {CAP} bytes (max_body_bytes)")


async def test_a_transfer_ncco_larger_than_the_cap_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, max_body_bytes=CAP) as sandbox:
        with receiver() as hook:
            hook.replies["/transfer"] = (200, TOO_LARGE)
            call = await sandbox.create(ncco=HOLD)
            await sandbox.advance(5)
            destination = {"type": "ncco", "url": [hook.url("/transfer")]}
            response = await sandbox.put(call["uuid"], "", {"action": "transfer", "destination": destination})
            assert response.status_code == 204, response.text
            await sandbox.advance(1)
        await _refused_with(sandbox, call["uuid"], f"answered more than {CAP} bytes")


async def test_an_event_webhook_ncco_larger_than_the_cap_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, max_body_bytes=CAP) as sandbox:
        with receiver() as hook:
            hook.replies["/notify"] = (200, TOO_LARGE)
            call = await sandbox.create(ncco=[{"action": "notify", "payload": {}, "eventUrl": [hook.url("/notify")]}])
            await sandbox.advance(5)
        await _refused_with(sandbox, call["uuid"], f"answered more than {CAP} bytes")


# --- the number of actions ----------------------------------------------------------------------------------------


def _talks(count: int) -> list[dict[str, Any]]:
    return [{"action": "talk", "text": "a"}] * count


async def test_an_inline_ncco_of_too_many_actions_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, limits=Limits(max_ncco_actions=3)) as sandbox:
        await sandbox.create(ncco=_talks(3))  # at the limit: taken
        body = {"to": [{"type": "phone", "number": "14155550100"}], "from": CALLER, "ncco": _talks(4)}
        response = await sandbox.client.post("/v1/calls", json=body, headers=sandbox.headers)
        assert response.status_code == 400, response.text
        [parameter] = response.json()["invalid_parameters"]
        assert parameter == {"name": "ncco", "reason": "the NCCO has 4 actions; the sandbox runs at most 3 "
                                                       "(Limits.max_ncco_actions)"}  # fmt: skip
        call = await sandbox.create(ncco=HOLD)
        await sandbox.advance(5)
        transfer = {"action": "transfer", "destination": {"type": "ncco", "ncco": _talks(4)}}
        response = await sandbox.put(call["uuid"], "", transfer)
        assert response.status_code == 400, response.text
        assert response.json()["invalid_parameters"][0]["name"] == "destination.ncco"


async def test_a_fetched_ncco_of_too_many_actions_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, limits=Limits(max_ncco_actions=3)) as sandbox:
        with receiver() as hook:
            hook.replies["/answer"] = (200, _talks(4))
            call = await sandbox.create(answer_url=[hook.url("/answer")])
            await sandbox.advance(5)
        await _refused_with(sandbox, call["uuid"], "the NCCO has 4 actions; the sandbox runs at most 3")


async def test_a_huge_inline_ncco_does_not_hold_the_event_loop(rsa_key: rsa.RSAPrivateKey) -> None:
    """10,000 actions held the loop 2 s (each was checked against the spec); now they are refused first."""
    async with harness(rsa_key) as sandbox:
        longest = 0.0
        running = True

        async def heartbeat() -> None:
            nonlocal longest
            last = time.perf_counter()
            while running:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                longest, last = max(longest, now - last), now

        beating = asyncio.create_task(heartbeat())
        await asyncio.sleep(0.01)
        body = {"to": [{"type": "phone", "number": "14155550100"}], "from": CALLER, "ncco": _talks(10_000)}
        response = await sandbox.client.post("/v1/calls", json=body, headers=sandbox.headers)
        running = False
        await beating
    assert response.status_code == 400
    assert longest < 0.5, f"the event loop was held {longest:.2f} s"


@pytest.mark.parametrize("field", ["max_callback_answer_bytes", "max_ncco_actions"])
def test_the_new_limits_are_checked_like_the_others(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Limits(**{field: 0})
