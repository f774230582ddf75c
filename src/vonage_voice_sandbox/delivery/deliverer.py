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

from ..engine.callback_log import answer_of
from ..engine.event_log import Event
from ..engine.lifecycle import Fetch
from ..engine.state import CallStore
from .addresses import CONTACTED_HOSTS, is_sandbox_path, url_port

__all__ = ["Deliverer", "is_loopback"]

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
    ) -> None:
        self.application_id = application_id
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

    # --- one item --------------------------------------------------------------------------------------------------

    def _contactable(self, item: Event | Fetch) -> bool:
        return self.can_contact(item.url)

    async def _handle(self, item: Event | Fetch, store: CallStore, client: httpx.AsyncClient | None) -> None:
        try:
            if isinstance(item, Fetch):
                await self._fetch(item, store, client)
            else:
                if item.kind == "record":  # its `size` is the encoded file's: encoded off the event loop
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
            ncco, event.delivery = await self._send(client, event.url, event.method, event.payload, store, about)
            if event.expects_reply:
                store.reply(event, ncco, time.monotonic() - started)

    async def _fetch(self, fetch: Fetch, store: CallStore, client: httpx.AsyncClient | None) -> None:
        if client is None:
            store.fetched(fetch, None, f"{fetch.url} could not be contacted", 0.0)
            return
        started = time.monotonic()
        about = {"call_uuid": fetch.call_uuid, "type": fetch.purpose}
        ncco, outcome = await self._send(client, fetch.url, fetch.method, fetch.payload, store, about)
        error = None if ncco is not None else f"{fetch.url} did not return an NCCO ({_outcome_text(outcome)})"
        store.fetched(fetch, ncco, error, time.monotonic() - started)

    async def _send(
        self,
        client: httpx.AsyncClient,
        url: str,
        method: str,
        payload: dict[str, Any],
        store: CallStore,
        about: dict[str, Any],
    ) -> tuple[list[Any] | None, dict[str, Any]]:
        """Send one webhook and log it; return the NCCO it answered with (if any) and the delivery record."""
        headers = {"User-Agent": USER_AGENT}
        log = functools.partial(store.callbacks.add, url=url, method=method, signed=self.signing, **about)
        try:
            if method == "GET":
                query = {name: _query_value(value) for name, value in payload.items()}
                self._sign(headers, json.dumps(query, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
                response = await client.get(url, params=query, headers=headers)
            else:
                body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
                self._sign(headers, body)
                headers["Content-Type"] = "application/json"
                response = await client.request(method, url, content=body, headers=headers)
        except (httpx.HTTPError, ValueError, OSError) as exc:
            log(status_code=None, answer=None, error=_describe(exc))
            return None, {"state": "failed", "error": _describe(exc)}
        log(status_code=response.status_code, answer=answer_of(response.content))
        state = "delivered" if 200 <= response.status_code < 300 else "rejected"
        return _ncco_from(response), {"state": state, "status_code": response.status_code}

    def _sign(self, headers: dict[str, str], payload: bytes) -> None:
        if self._secret:
            headers["Authorization"] = f"Bearer {self.signature(hashlib.sha256(payload).hexdigest())}"

    def _client(self) -> httpx.AsyncClient:
        if self._ssl is None:
            self._ssl = ssl.create_default_context()  # built once: it is the slow part of making a client
        # trust_env=False: a proxy from the environment must not stand between the sandbox and a loopback receiver.
        return httpx.AsyncClient(timeout=self._timeout, verify=self._ssl, trust_env=False, follow_redirects=False)


def _ncco_from(response: httpx.Response) -> list[Any] | None:
    if not 200 <= response.status_code < 300:
        return None
    try:
        value = response.json()
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, list) and all(isinstance(item, dict) for item in value) else None


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
