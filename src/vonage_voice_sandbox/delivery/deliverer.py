"""Send events and fetch NCCOs, to loopback addresses only, signed as Vonage's signed-webhooks guide describes.

Only ``127.0.0.1``, ``localhost`` and ``::1`` are ever contacted: a sandbox must not call the Internet on a
test's behalf. Other addresses are recorded in the event log as ``not-contacted``. Nor does it ever contact itself:
a URL on a port it is served on, or whose path is a ``/_sandbox`` path (its admin endpoints, or another sandbox's),
is ``refused``, so an ``event_url`` or a notify cannot reset it, install fault rules or wait on its own clock. One
attempt per webhook, no retries. Every outcome (delivered, rejected with a status, failed with an error) is written
into the event's ``delivery`` record; nothing raises, so a dead receiver cannot break a request (a bug of the
sandbox's own is reported as an internal error).

With a signature secret, each request carries ``Authorization: Bearer <JWT>``: HS256 with ``iat``, ``jti``,
``iss: "Vonage"``, ``application_id`` and ``payload_hash``, the hex SHA-256 of the compact JSON payload (the body of
a POST; for a GET, the query parameters as a JSON object in order). Deliveries go one at a time, in the order the
events were produced. Every request sent, and the application's answer, goes into the store's callback log.

An answer is read as it arrives, and no further than ``max_answer_bytes`` (the sandbox's ``max_body_bytes``, which
caps an inline NCCO): a longer one is refused as an NCCO (the call ends with an ``error`` event naming the reason,
as for any answer that is not an NCCO) and the connection is closed, so an application cannot make the sandbox hold
more than it would accept in a request.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import ssl
import time
import uuid
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import urlsplit

import httpx
import jwt

from ..engine.event_log import Event
from ..engine.lifecycle import Fetch
from ..engine.socket_legs import OpenSocket
from ..engine.state import CallStore
from .addresses import CONTACTED_HOSTS, is_sandbox_path, url_port
from .sockets import SocketRunner

__all__ = ["Deliverer", "callback_request", "is_loopback"]

USER_AGENT: Final = "vonage-voice-client-sandbox"
SELF: Final = "the sandbox's own address (a port it serves on, or a /_sandbox path): never contacted"
ErrorReport = Callable[[BaseException, str, str], None]  # (error, method, path), as Sandbox.record_internal_error


def is_loopback(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and (parts.hostname or "") in CONTACTED_HOSTS
    except ValueError:  # e.g. an invalid IPv6 literal
        return False


class Deliverer:
    def __init__(
        self,
        *,
        application_id: str,
        signature_secret: str | None,
        enabled: bool = True,
        timeout: float = 10.0,
        wall_clock: Callable[[], float] = time.time,
        max_answer_bytes: int = 1_000_000,
    ) -> None:
        self.application_id = application_id
        self.max_answer_bytes = max_answer_bytes
        self.enabled = enabled
        self.default_secret = signature_secret
        self._secret = signature_secret
        # Vonage's defaults for event webhooks: 1 s to connect, 10 s to answer (the webhook reference).
        self._timeout = httpx.Timeout(timeout, connect=min(1.0, timeout))
        self._now = wall_clock
        self._ssl: ssl.SSLContext | None = None
        self._lock: asyncio.Lock | None = None
        self._lock_loop: asyncio.AbstractEventLoop | None = None
        self.own_ports: set[int] = set()  # where this sandbox is served (see serving_on)
        self.report: ErrorReport | None = None  # where a bug of the deliverer's own goes
        self.sockets = SocketRunner(
            application_id=application_id,
            secret=lambda: self._secret,
            refusal=self._socket_refusal,
            user_agent=USER_AGENT,
            wall_clock=wall_clock,
        )

    def _socket_refusal(self, url: str) -> str | None:
        """Why a WebSocket URI (in its http form) is not contacted: the webhook rules."""
        if not self.enabled:
            return "event delivery is disabled, so no WebSocket is opened"
        if not is_loopback(url):
            return "not a loopback address: the sandbox does not contact it"
        return self.refusal(url)

    def serving_on(self, port: int | None) -> None:
        """Note a port the sandbox is reached on: URLs to it are never contacted (any loopback host reaches it)."""
        if port is not None and port not in self.own_ports:
            self.own_ports.add(port)

    def refusal(self, url: str) -> str | None:
        """Why ``url`` leads back into a sandbox, or None."""
        try:
            path = urlsplit(url).path
        except ValueError:
            return None
        return SELF if is_sandbox_path(path) or url_port(url) in self.own_ports else None

    @property
    def signing(self) -> bool:
        return bool(self._secret)

    def sign_with(self, secret: str | None) -> None:
        """Sign from now on with ``secret`` (None: unsigned), e.g. to check that an application refuses a forgery."""
        self._secret = secret

    def can_contact(self, url: str | None) -> bool:
        return self.enabled and is_loopback(url) and self.refusal(url or "") is None

    async def run(self, store: CallStore) -> None:
        """Deliver what is in the store's outbox, and what answers to it add, until it is empty. Never raises.

        One run at a time, so events go out in the order they were produced even when requests overlap.
        """
        async with self._ordering():
            await self._run(store)

    async def _run(self, store: CallStore) -> None:
        client: httpx.AsyncClient | None = None
        try:
            while items := store.take_outbox():
                for item in items:
                    if isinstance(item, OpenSocket):
                        await self._open_socket(item, store)
                        continue
                    if client is None and self._contactable(item):
                        client = self._client()
                    await self._handle(item, store, client)
        finally:
            if client is not None:
                await client.aclose()

    def _ordering(self) -> asyncio.Lock:
        # An asyncio lock belongs to one event loop; an in-process test client may bring a new loop per test.
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock_loop is not loop:
            self._lock, self._lock_loop = asyncio.Lock(), loop
        return self._lock

    def signature(self, payload_hash: str) -> str:
        claims = {
            "iat": int(self._now()),
            "jti": str(uuid.uuid4()),
            "iss": "Vonage",
            "application_id": self.application_id,
            "payload_hash": payload_hash,
        }
        return jwt.encode(claims, self._secret or "", algorithm="HS256")

    async def _open_socket(self, item: OpenSocket, store: CallStore) -> None:
        try:
            await self.sockets.open(item.session, store)
        except Exception as exc:  # a bug here must not fail the request that triggered it
            if self.report is not None:
                self.report(exc, "WEBSOCKET", item.url)

    # --- one item --------------------------------------------------------------------------------------------------

    def _contactable(self, item: Event | Fetch) -> bool:
        return self.can_contact(item.url)

    async def _handle(self, item: Event | Fetch, store: CallStore, client: httpx.AsyncClient | None) -> None:
        try:
            if isinstance(item, Fetch):
                await self._fetch(item, store, client)
            else:
                if item.kind in ("record", "input"):  # a file it names is encoded off the event loop
                    await asyncio.to_thread(store.encode_recording, item)
                await self._deliver(item, store, client)
        except Exception as exc:  # a bug here must not fail the request that triggered the delivery
            if isinstance(item, Event):
                item.delivery = {"state": "failed", "error": _describe(exc)}
            if self.report is not None:
                self.report(exc, "DELIVER", item.url or "")

    async def _deliver(self, event: Event, store: CallStore, client: httpx.AsyncClient | None) -> None:
        if event.url is None:
            event.delivery = {"state": "no-url"}
        elif not self.enabled:
            event.delivery = {"state": "disabled"}
        elif is_loopback(event.url) and (refused := self.refusal(event.url)) is not None:
            event.delivery = {"state": "refused", "reason": refused}
        elif not is_loopback(event.url) or client is None:
            event.delivery = {"state": "not-contacted", "reason": "not a loopback address"}
        else:
            started = time.monotonic()
            about = {"call_uuid": event.call_uuid, "type": event.kind, "event_id": event.id}
            ncco, delivery, refused = await self._send(client, event.url, event.method, event.payload, store, about)
            event.delivery = delivery
            if event.expects_reply:
                store.reply(event, ncco, time.monotonic() - started, refused)

    async def _fetch(self, fetch: Fetch, store: CallStore, client: httpx.AsyncClient | None) -> None:
        if client is None:
            store.fetched(fetch, None, f"{fetch.url} could not be contacted", 0.0)
            return
        started = time.monotonic()
        about = {"call_uuid": fetch.call_uuid, "type": fetch.purpose}
        ncco, outcome, refused = await self._send(client, fetch.url, fetch.method, fetch.payload, store, about)
        error = refused or (
            None if ncco is not None else f"{fetch.url} did not return an NCCO ({_outcome_text(outcome)})"
        )
        store.fetched(fetch, ncco, error, time.monotonic() - started)

    async def _send(
        self,
        client: httpx.AsyncClient,
        url: str,
        method: str,
        payload: dict[str, Any],
        store: CallStore,
        about: dict[str, Any],
    ) -> tuple[list[Any] | None, dict[str, Any], str | None]:
        """Send one webhook and log it; return the NCCO it answered with (if any), the delivery record, and why the
        answer was refused (too large), if it was."""
        headers = {"User-Agent": USER_AGENT}
        log = functools.partial(store.callbacks.add, url=url, method=method, signed=self.signing, **about)
        try:
            query, signed = callback_request(method, payload)
            self._sign(headers, signed)
            if query is not None:
                request = client.build_request("GET", url, params=query, headers=headers)
            else:
                headers["Content-Type"] = "application/json"
                request = client.build_request(method, url, content=signed, headers=headers)
            response = await client.send(request, stream=True)
            try:
                content, complete = await _read_capped(response, self.max_answer_bytes)
            finally:
                await response.aclose()
        except (httpx.HTTPError, ValueError, OSError) as exc:
            log(status_code=None, answer=None, error=_describe(exc))
            return None, {"state": "failed", "error": _describe(exc)}, None
        too_large = None if complete else f"{url} answered more than {self.max_answer_bytes} bytes (max_body_bytes)"
        log(status_code=response.status_code, body=content, complete=complete, error=too_large)
        success = 200 <= response.status_code < 300
        ncco = _ncco_from(response.status_code, content) if complete else None
        outcome = {"state": "delivered" if success else "rejected", "status_code": response.status_code}
        return ncco, outcome, too_large if success else None

    def _sign(self, headers: dict[str, str], payload: bytes) -> None:
        if self._secret:
            headers["Authorization"] = f"Bearer {self.signature(hashlib.sha256(payload).hexdigest())}"

    def _client(self) -> httpx.AsyncClient:
        if self._ssl is None:
            self._ssl = ssl.create_default_context()  # built once: it is the slow part of making a client
        # trust_env=False: a proxy from the environment must not stand between the sandbox and a loopback receiver.
        return httpx.AsyncClient(timeout=self._timeout, verify=self._ssl, trust_env=False, follow_redirects=False)


async def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """The answer's (decoded) body, read until more than ``limit`` bytes have come; whether it is all there."""
    content = bytearray()
    async for chunk in response.aiter_bytes():
        content += chunk
        if len(content) > limit:
            return bytes(content[:limit]), False
    return bytes(content), True


def callback_request(method: str, payload: dict[str, Any]) -> tuple[dict[str, str] | None, bytes]:
    """How a callback carries ``payload``: for a GET, its query (strings) and the bytes whose hash is signed (the query
    as a compact JSON object, in order); for any other method, no query, and the compact JSON body, signed as is."""
    if method.upper() == "GET":
        query = {name: _query_value(value) for name, value in payload.items()}
        return query, json.dumps(query, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return None, json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _ncco_from(status_code: int, content: bytes) -> list[Any] | None:
    if not 200 <= status_code < 300:
        return None
    try:
        value = json.loads(content)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, list) else None  # what is in it is checked as an inline NCCO is


def _query_value(value: Any) -> str:
    """A GET webhook carries strings; nested values (the input event's ``dtmf``) go as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _outcome_text(outcome: dict[str, Any]) -> str:
    if "status_code" in outcome:
        return f"HTTP {outcome['status_code']}"
    return str(outcome.get("error", outcome.get("state")))


def _describe(exc: BaseException) -> str:
    text = str(exc)[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
