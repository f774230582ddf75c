"""Deliberate defects, as ASGI middleware around the sandbox: each is one way an API drifts from its spec.

The drift tests run the provider contract against each wrapped sandbox and check that it fails, naming the check
that caught the defect. A defect buffers the exchange (request and response) so it can rewrite either side.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, str]
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def set_json(self, value: Any, content_type: bytes = b"application/json") -> None:
        self.body = json.dumps(value).encode()
        self.headers = [(k, v) for k, v in self.headers if k.lower() != b"content-type"] + [
            (b"content-type", content_type)
        ]


ResponseRewrite = Callable[[Exchange], None]
RequestRewrite = Callable[[Scope], Scope]


class Defect:
    """Wraps an ASGI app; rewrites requests before it and responses after it."""

    def __init__(self, app: App, *, request: RequestRewrite | None = None, response: ResponseRewrite | None = None):
        self.app, self.request, self.response = app, request, response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.request is not None:
            scope = self.request(dict(scope))
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        exchange = Exchange(
            scope["method"], scope["path"], query, start["status"], start.get("headers", []), b"".join(chunks)
        )
        if self.response is not None:
            self.response(exchange)
        headers = [(k, v) for k, v in exchange.headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(exchange.body)).encode()))
        await send({"type": "http.response.start", "status": exchange.status, "headers": headers})
        await send({"type": "http.response.body", "body": exchange.body})


def _is_call(path: str) -> bool:
    parts = path.strip("/").split("/")
    return len(parts) == 3 and parts[:2] == ["v1", "calls"]


# --- the defects ------------------------------------------------------------------------------------------------


def renamed_field(app: App) -> App:
    """A call record's ``status`` comes back as ``state``."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        if exchange.method == "GET" and _is_call(exchange.path) and isinstance(payload, dict) and "status" in payload:
            payload["state"] = payload.pop("status")
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def undeclared_value(app: App) -> App:
    """A call record's ``direction`` is a value the spec does not list (the client keeps it; the suite reports it)."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        if (
            exchange.method == "GET"
            and _is_call(exchange.path)
            and isinstance(payload, dict)
            and "direction" in payload
        ):
            payload["direction"] = "sideways"
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def wrong_type(app: App) -> App:
    """A page of calls gives ``page_size`` as a string."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        if exchange.method == "GET" and exchange.path.rstrip("/") == "/v1/calls" and isinstance(payload, dict):
            payload["page_size"] = str(payload.get("page_size"))
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def undocumented_status(app: App) -> App:
    """Stopping a talk answers 202, which the spec does not list."""

    def rewrite(exchange: Exchange) -> None:
        if exchange.method == "DELETE" and exchange.path.endswith("/talk") and exchange.status == 200:
            exchange.status = 202

    return Defect(app, response=rewrite)


def undocumented_success_status(app: App) -> App:
    """Starting a talk answers 202, which the spec does not list (it documents 200); only an answered call gets
    that far, so only a run that waits for one sees it."""

    def rewrite(exchange: Exchange) -> None:
        if exchange.method == "PUT" and exchange.path.endswith("/talk") and exchange.status == 200:
            exchange.status = 202

    return Defect(app, response=rewrite)


def invalid_body_accepted(app: App) -> App:
    """Starting a talk accepts a body the spec forbids (the sandbox's 400 becomes a 200)."""

    def rewrite(exchange: Exchange) -> None:
        if exchange.method == "PUT" and exchange.path.endswith("/talk") and exchange.status == 400:
            exchange.status = 200
            exchange.set_json({"message": "Talk started", "uuid": exchange.path.split("/")[3]})

    return Defect(app, response=rewrite)


def auth_not_enforced(valid_token: Callable[[], str]) -> Callable[[App], App]:
    """Requests without a valid JWT are served anyway (the defect swaps in a valid one)."""

    def wrap(app: App) -> App:
        def rewrite(scope: Scope) -> Scope:
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
            headers.append((b"authorization", f"Bearer {valid_token()}".encode()))
            scope["headers"] = headers
            return scope

        return Defect(app, request=rewrite)

    return wrap


def broken_next_link(app: App) -> App:
    """A page's ``_links.next`` skips one record."""

    def rewrite(exchange: Exchange) -> None:
        payload = exchange.json()
        links = payload.get("_links") if isinstance(payload, dict) else None
        if exchange.method == "GET" and isinstance(links, dict) and "next" in links:
            href = urlsplit(links["next"]["href"])
            query = dict(parse_qsl(href.query))
            query["record_index"] = str(int(query.get("record_index", "0")) + 1)
            links["next"]["href"] = f"{href.path}?{urlencode(query)}"
            exchange.set_json(payload)

    return Defect(app, response=rewrite)


def server_error_on_one_input(app: App) -> App:
    """Listing calls newest first fails with a 500."""

    def rewrite(exchange: Exchange) -> None:
        if (
            exchange.method == "GET"
            and exchange.path.rstrip("/") == "/v1/calls"
            and exchange.query.get("order") == "desc"
        ):
            exchange.status = 500
            problem = {
                "type": "https://developer.nexmo.com/api-errors#internal-error",
                "title": "Internal Server Error",
            }
            exchange.set_json(problem, b"application/problem+json")

    return Defect(app, response=rewrite)
