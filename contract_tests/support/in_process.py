"""A ``requests`` session that hands each request to an ASGI app in the calling thread (the in-process sandbox).

Schemathesis sends in-process cases through its ``ASGIClient``, a ``requests`` session whose adapter runs the app in
a separate thread (an anyio portal) and waits for it twice per request; with ``requests`` reading the proxy settings
from the environment on every request, that costs more than the sandbox's own work (about 1.3 ms a request against
0.9 ms; see contract_tests/README.md, "Where the time goes"). This session is such an ``ASGIClient`` (so
Schemathesis' ASGI transport uses it as it is), with an adapter that runs the app on an event loop of its own in
this thread. The ASGI protocol is httpx's (``httpx.ASGITransport``): this module only converts a request from
``requests`` to httpx and the answer back.

What it does not do: run the app's lifespan (the sandbox's starts a ticker for a real clock only; in process the
sandbox runs on a virtual clock), keep cookies, or stream (the sandbox answers whole bodies).
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import io
from typing import Any, Final

import httpx
import requests
import urllib3
from requests.adapters import HTTPAdapter
from schemathesis.python import asgi

READ_TIMEOUT: Final = 30.0  # seconds an app may take to answer, when the caller gives no timeout


class InThreadAdapter(HTTPAdapter):
    """Sends a prepared request to ``app`` on this thread's private event loop; nothing goes over the network."""

    def __init__(self, app: Any) -> None:
        super().__init__()
        self._transport = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        timeout = kwargs.get("timeout")
        seconds = (timeout[1] if isinstance(timeout, tuple) else timeout) or READ_TIMEOUT
        # Headers travel as latin-1, as http.client would send them: the app gets the octets a server would.
        headers = [(_octets(name), _octets(value)) for name, value in request.headers.items()]
        outgoing = httpx.Request(str(request.method), str(request.url), headers=headers, content=_bytes(request.body))
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
        content = await response.aread()
        headers = urllib3.HTTPHeaderDict()
        for name, value in response.headers.raw:  # repeated names kept; latin-1 as on the wire
            headers.add(name.decode("latin-1"), value.decode("latin-1"))
        return response.status_code, headers, content

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.close()


def _octets(value: str | bytes) -> bytes:
    return value.encode("latin-1") if isinstance(value, str) else value


def _bytes(body: Any) -> bytes:
    """A prepared request's body as bytes (``requests`` keeps a str, bytes, None, or chunks of either)."""
    if body is None or isinstance(body, bytes | str):
        return body.encode() if isinstance(body, str) else body or b""
    return b"".join(chunk.encode() if isinstance(chunk, str) else bytes(chunk) for chunk in body)


def in_thread_client(app: Any) -> asgi.ASGIClient:
    """A session for ``app`` that keeps no cookies, reads no proxy settings and runs the app in this thread."""
    client = asgi.ASGIClient(app)
    adapter = InThreadAdapter(app)
    client.mount("http://", adapter)
    client.mount("https://", adapter)
    client.trust_env = False  # no proxies, .netrc or CA bundles from the environment: nothing leaves the process
    client.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return client
