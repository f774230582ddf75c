"""Send one callback to the application, signed as the sandbox signs its own (the deliverer's code), and time it.

The application is an ASGI app called in process (an exception in it is a 500, as a server would answer) or a base
URL on loopback. Each request is bounded by the time Vonage waits for that webhook; a request past it is cancelled.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
import warnings
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import httpx

from ..delivery.addresses import CONTACTED_HOSTS
from ..delivery.deliverer import USER_AGENT, Deliverer, callback_request

__all__ = ["Answer", "Prepared", "Sender", "Signing"]

Signing = Literal["signed", "unsigned", "forged", "expired", "replayed"]
EXPIRED_BY: Final = 3600.0  # an hour old: past any max_age a verifier uses (the runtime's default is 300 s)
_KEPT_BODY: Final = 2000  # bytes of an answer kept for the report


@dataclass(frozen=True)
class Prepared:
    """A request ready to go (sent twice, unchanged, for the replay check)."""

    method: str
    path: str
    query: dict[str, str] | None
    body: bytes | None
    headers: dict[str, str] = field(repr=False)


@dataclass(frozen=True)
class Answer:
    """What the application answered; ``status`` None when it did not (``error`` says why)."""

    status: int | None
    body: bytes
    content_type: str
    elapsed: float
    error: str | None = None
    timed_out: bool = False

    def shown(self) -> str:
        if self.status is None:
            return self.error or "no answer"
        text = self.body[:_KEPT_BODY].decode("utf-8", "replace")
        return f"HTTP {self.status}" + (f" {text}" if text else " (empty body)")


class Sender:
    """Sends callbacks to one application (``app`` in process, or ``base_url`` on loopback)."""

    def __init__(self, *, app: Any = None, base_url: str | None = None, secret: str, application_id: str) -> None:
        if (app is None) == (base_url is None):
            raise ValueError("give the application as an ASGI app or as a base URL, not both")
        if base_url is not None and (httpx.URL(base_url).host or "") not in CONTACTED_HOSTS:
            raise ValueError(f"{base_url} is not a loopback address: the checker contacts 127.0.0.1 and localhost only")
        self._app = app
        self._base_url = (base_url or "http://127.0.0.1").rstrip("/")
        self._secret = secret
        self._application_id = application_id
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Sender:
        transport = httpx.ASGITransport(app=self._app, raise_app_exceptions=False) if self._app is not None else None
        self._client = httpx.AsyncClient(
            transport=transport, base_url=self._base_url, trust_env=False, follow_redirects=False
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    def prepare(self, method: str, path: str, payload: dict[str, Any], signing: Signing = "signed") -> Prepared:
        """The request Vonage would send, signed per ``signing`` (forged: another secret; expired: an hour old)."""
        query, signed = callback_request(method, payload)
        headers = {"User-Agent": USER_AGENT}
        if query is None:
            headers["Content-Type"] = "application/json"
        if signing != "unsigned":
            secret = f"forged-{secrets.token_hex(8)}" if signing == "forged" else self._secret
            clock = (lambda: time.time() - EXPIRED_BY) if signing == "expired" else time.time
            deliverer = Deliverer(application_id=self._application_id, signature_secret=secret, wall_clock=clock)
            with warnings.catch_warnings():  # PyJWT warns of short secrets: the application's choice, not ours
                warnings.simplefilter("ignore")
                token = deliverer.signature(hashlib.sha256(signed).hexdigest())
            headers["Authorization"] = f"Bearer {token}"
        return Prepared(method.upper(), path, query, None if query is not None else signed, headers)

    async def send(self, request: Prepared, limit: float) -> Answer:
        """Send ``request``; an answer later than ``limit`` seconds is not waited for (``timed_out``)."""
        assert self._client is not None, "use the Sender as an async context manager"
        started = time.perf_counter()
        call = self._client.request(
            request.method, request.path, params=request.query, content=request.body, headers=request.headers
        )
        try:
            response = await asyncio.wait_for(call, timeout=limit)
        except TimeoutError:
            elapsed = time.perf_counter() - started
            return Answer(None, b"", "", elapsed, f"no answer within {limit:g} s", timed_out=True)
        except (httpx.HTTPError, OSError) as exc:
            elapsed = time.perf_counter() - started
            return Answer(None, b"", "", elapsed, f"{type(exc).__name__}: {str(exc)[:200]}")
        elapsed = time.perf_counter() - started
        return Answer(response.status_code, response.content, response.headers.get("content-type", ""), elapsed)
