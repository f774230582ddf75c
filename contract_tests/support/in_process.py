"""A ``requests`` session that hands each request to an ASGI app in the calling thread (the in-process sandbox).

Schemathesis sends in-process cases through its ``ASGIClient``, a ``requests`` session whose adapter runs the app in
a separate thread (an anyio portal) and waits for it twice per request; with ``requests`` reading the proxy settings
from the environment on every request, that costs more than the sandbox's own work (about 1.3 ms a request against
0.9 ms; see contract_tests/README.md, "Where the time goes"). This session is such an ``ASGIClient`` (so
Schemathesis' ASGI transport uses it as it is), with an adapter that runs the app on an event loop of its own in
this thread. The ASGI protocol is httpx's (``httpx.ASGITransport``): this module only converts a request from
``requests`` to httpx and the answer back.

A URL httpx will not hold (over 64 KiB: Schemathesis generates such query strings) goes through Schemathesis' own
adapter instead, as before. What it does not do: run the app's lifespan (the sandbox's starts a ticker for a real
clock only; in process the sandbox runs on a virtual clock), keep cookies, or stream an answer (the sandbox answers
whole bodies).
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import io
import weakref
from collections.abc import AsyncIterator
from typing import Any, Final

import httpx
import requests
import urllib3
from requests.adapters import HTTPAdapter
from schemathesis.python import asgi

READ_TIMEOUT: Final = 30.0  # seconds an app may take to answer, when the caller gives no timeout


class InThreadAdapter(HTTPAdapter):
    """Sends a prepared request to ``app`` on this thread's private event loop; nothing goes over the network."""

    def __init__(self, app: Any, fallback: HTTPAdapter) -> None:
        super().__init__()
        self._transport = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()
        # Closed with the adapter too: a run's session is dropped, not closed (a ResourceWarning from the loop).
        weakref.finalize(self, self._loop.close)
        self._fallback = fallback  # Schemathesis' own adapter, for what httpx cannot represent

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        timeout = kwargs.get("timeout")
        seconds = (timeout[1] if isinstance(timeout, tuple) else timeout) or READ_TIMEOUT
        # Headers travel as latin-1, as http.client would send them: the app gets the octets a server would.
        headers = [(_octets(name), _octets(value)) for name, value in request.headers.items()]
        try:
            outgoing = httpx.Request(
                str(request.method), str(request.url), headers=headers, content=_body(request.body)
            )
        except (
            httpx.InvalidURL
        ):  # httpx refuses URLs over 64 KiB, which a server answers (414 or 400): send it as before
            return self._fallback.send(request, *args, **kwargs)
        try:
            status, answered, content = self._loop.run_until_complete(
                asyncio.wait_for(self._exchange(outgoing), seconds)
            )
        except TimeoutError:
            message = f"the app did not answer within {seconds} s"
            raise requests.exceptions.ReadTimeout(message, request=request) from None
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(b"" if request.method == "HEAD" else content),
            headers=answered,
            status=status,
            reason=httpx.codes.get_reason_phrase(status),
            version=11,
            preload_content=False,
            request_method=request.method,
        )
        return self.build_response(request, raw)

    async def _exchange(self, outgoing: httpx.Request) -> tuple[int, urllib3.HTTPHeaderDict, bytes]:
        response = await self._transport.handle_async_request(outgoing)
        content = b"".join([chunk async for chunk in response.aiter_raw()])  # as sent: urllib3 decodes, if encoded
        headers = urllib3.HTTPHeaderDict()
        for name, value in response.headers.raw:  # repeated names kept; latin-1 as on the wire
            headers.add(name.decode("latin-1"), value.decode("latin-1"))
        return response.status_code, headers, content

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.close()


def _octets(value: str | bytes) -> bytes:
    return value.encode("latin-1") if isinstance(value, str) else value


def _body(body: Any) -> bytes | AsyncIterator[bytes]:
    """A prepared request's body for httpx: ``requests`` keeps a str, bytes, None, or chunks of either; chunks stay
    chunks (``Transfer-Encoding: chunked``, no ``Content-Length``), as ``requests`` sends them."""
    if body is None or isinstance(body, bytes | str):
        return body.encode() if isinstance(body, str) else body or b""
    return _chunks([chunk.encode() if isinstance(chunk, str) else bytes(chunk) for chunk in body])


async def _chunks(chunks: list[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def in_thread_client(app: Any) -> asgi.ASGIClient:
    """A session for ``app`` that keeps no cookies, reads no proxy settings and runs the app in this thread."""
    client = asgi.ASGIClient(app)
    adapter = InThreadAdapter(app, fallback=client.adapter)
    client.mount("http://", adapter)
    client.mount("https://", adapter)
    client.trust_env = False  # no proxies, .netrc or CA bundles from the environment: nothing leaves the process
    client.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return client
