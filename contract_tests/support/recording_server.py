"""A stand-in for a live Voice API on loopback: answers like the API, records every request, and is not a sandbox
(it has no /_sandbox/info). The live-call guard is tested against it: what it recorded is what a real API would
have received.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

_PROBLEM = "application/problem+json"


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: str
    body: Any


@dataclass
class RecordingAPI:
    requests: list[Recorded] = field(default_factory=list)
    issued: set[str] = field(default_factory=set)  # call uuids it handed out
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self._endpoint, methods=["GET", "POST", "PUT", "DELETE"])])

    async def _endpoint(self, request: Request) -> Response:
        raw = await request.body()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("latin-1")
        with self._lock:
            self.requests.append(Recorded(request.method, request.url.path, request.url.query, body))
        if not request.headers.get("authorization", "").startswith("Bearer "):
            return _problem(401, "Unauthorized")
        return self._answer(request.method, request.url.path.rstrip("/"))

    def _answer(self, method: str, path: str) -> Response:
        parts = path.strip("/").split("/")
        if parts[:2] != ["v1", "calls"]:
            return _problem(404, "Not Found")
        if len(parts) == 2:
            return self._calls(method)
        if parts[2] not in self.issued:
            return _problem(404, "Not Found")
        if len(parts) == 3 and method == "GET":
            return JSONResponse({"uuid": parts[2], "status": "answered", "_links": {"self": {"href": path}}})
        if len(parts) == 3 and method == "PUT":
            return Response(status_code=204)
        return JSONResponse({"message": "OK", "uuid": parts[2]})

    def _calls(self, method: str) -> Response:
        if method == "POST":
            new = str(uuid.uuid4())
            with self._lock:
                self.issued.add(new)
            answer = {"uuid": new, "status": "started", "direction": "outbound"}
            return JSONResponse(answer | {"conversation_uuid": f"CON-{uuid.uuid4()}"}, status_code=201)
        page = {"count": 0, "page_size": 10, "record_index": 0, "_links": {"self": {"href": "/v1/calls"}}}
        return JSONResponse(page | {"_embedded": {"calls": []}})

    def writes(self) -> list[Recorded]:
        return [r for r in self.requests if r.method not in ("GET", "HEAD", "OPTIONS")]


def _problem(status: int, title: str) -> Response:
    return JSONResponse({"type": "about:blank", "title": title}, status_code=status, media_type=_PROBLEM)


@contextlib.contextmanager
def serving(api: RecordingAPI, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``api`` with uvicorn on ``host`` (loopback; a free port) in a thread; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    server = uvicorn.Server(uvicorn.Config(api.app(), log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the recording server did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
