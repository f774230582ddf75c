"""The in-process session (support/in_process.py): the app runs in the caller's thread and sees the request a server
would give it; the caller sees the answer a server would send, repeated headers included."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
from typing import Any

import pytest
import requests

from contract_tests.support.in_process import in_thread_client

Message = dict[str, Any]


class EchoApp:
    """Answers with what it received, the thread it ran on, and two headers of the same name."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    async def __call__(self, scope: Message, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if self.delay:
            await asyncio.sleep(self.delay)
        echoed = {
            "method": scope["method"],
            "path": scope["path"],
            "query": scope["query_string"].decode(),
            "headers": {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]},
            "body": body.decode(),
            "thread": threading.get_ident(),
        }
        content = json.dumps(echoed).encode()
        headers = [(b"content-type", b"application/json"), (b"x-seen", b"one"), (b"x-seen", b"two")]
        headers += [(b"content-length", str(len(content)).encode()), (b"set-cookie", b"session=abc; Path=/")]
        if scope["query_string"] == b"gzip":
            content = gzip.compress(content)
            headers = [(b"content-encoding", b"gzip"), *[h for h in headers if h[0] != b"content-length"]]
        await send({"type": "http.response.start", "status": 207, "headers": headers})
        await send({"type": "http.response.body", "body": content})


def test_the_app_gets_the_request_in_the_callers_thread_and_the_caller_every_header() -> None:
    client = in_thread_client(EchoApp())
    response = client.put("/v1/calls/abc?x=1&x=2", json={"action": "hangup"}, headers={"X-Name": "café"})
    echoed = response.json()
    assert response.status_code == 207 and response.reason == "Multi-Status"
    assert echoed["thread"] == threading.get_ident()
    assert (echoed["method"], echoed["path"], echoed["query"]) == ("PUT", "/v1/calls/abc", "x=1&x=2")
    assert json.loads(echoed["body"]) == {"action": "hangup"}
    assert echoed["headers"]["x-name"] == "café"
    assert echoed["headers"]["host"] == "testserver"
    assert response.raw.headers.getlist("x-seen") == ["one", "two"]


def test_a_head_request_gets_no_body_and_cookies_are_not_kept() -> None:
    client = in_thread_client(EchoApp())
    head = client.head("/v1/calls")  # a Content-Length and no body: read as the answer to a HEAD
    assert (head.status_code, head.content, int(head.headers["content-length"]) > 0) == (207, b"", True)
    assert client.get("/v1/calls").headers["set-cookie"].startswith("session=")
    assert not client.cookies


def test_an_encoded_answer_is_read_as_sent_and_decoded_once() -> None:
    response = in_thread_client(EchoApp()).get("/v1/calls?gzip")
    assert response.headers["content-encoding"] == "gzip" and response.json()["query"] == "gzip"


def test_a_chunked_body_stays_chunked() -> None:
    echoed = in_thread_client(EchoApp()).post("/v1/calls", data=(part for part in (b'{"a":', b"1}"))).json()
    assert echoed["body"] == '{"a":1}'
    assert echoed["headers"].get("transfer-encoding") == "chunked" and "content-length" not in echoed["headers"]


def test_a_url_httpx_will_not_hold_still_reaches_the_app() -> None:
    """Over 64 KiB (Schemathesis generates such queries): Schemathesis' own adapter sends it, in its own thread."""
    client = in_thread_client(EchoApp())
    echoed = client.get("/v1/calls", params={"conversation_uuid": "x" * 70_000}).json()
    assert len(echoed["query"]) > 70_000 and echoed["thread"] != threading.get_ident()
    assert not client.cookies, "that adapter reads Set-Cookie: the session's policy keeps none"


def test_an_app_that_does_not_answer_in_time_is_a_read_timeout() -> None:
    client = in_thread_client(EchoApp(delay=1.0))
    with pytest.raises(requests.exceptions.ReadTimeout):
        client.get("/v1/calls", timeout=0.05)
