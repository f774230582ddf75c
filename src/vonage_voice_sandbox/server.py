"""Serve the sandbox with uvicorn: in the foreground (the CLI) or in a background thread (``running_sandbox``);
and serve any ASGI app, such as the webhooks of an application under test, in a background thread (``serving``).

Both bind the socket themselves (port 0 picks a free port, with no race between choosing and binding) and wrap the
app so that a fault rule's dropped connection closes the socket without an answer (see :class:`.ConnectionDropped`).
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, cast

import httpx
import uvicorn
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.types import ASGIApp, Receive, Scope, Send

from .delivery.addresses import is_loopback_host
from .engine.clock import Clock, VirtualClock
from .engine.limits import Limits
from .web.app import ConnectionDropped, SandboxApp, create_app
from .web.faults import FaultRule, RateLimits

__all__ = [
    "RunningSandbox",
    "bind",
    "generate_private_key",
    "is_loopback_host",
    "refuse_non_loopback",
    "running_sandbox",
    "serving",
    "uvicorn_server",
    "write_private_key",
]

# uvicorn closes the connection without an answer when an ASGI app returns anything but None.
_DROPPED: Final = "connection dropped by a sandbox fault rule"
_START_TIMEOUT: Final = 10.0


class _CloseOnDrop:
    def __init__(self, app: SandboxApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> str | None:
        try:
            await self.app(scope, receive, send)
        except ConnectionDropped:
            return _DROPPED
        return None


def generate_private_key() -> bytes:
    """A new 2048-bit RSA private key as unencrypted PKCS#8 PEM, the kind Vonage issues for an application."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def write_private_key(pem: bytes, directory: str | Path | None = None) -> Path:
    """Write ``pem`` to a new file readable by its owner only (0600) and return its path."""
    descriptor, name = tempfile.mkstemp(prefix="vonage-sandbox-", suffix=".key", dir=directory)
    try:
        os.fchmod(descriptor, 0o600)  # mkstemp already does; made explicit as it is the point
        os.write(descriptor, pem)
    finally:
        os.close(descriptor)
    return Path(name)


def refuse_non_loopback(host: str, allowed: bool, flag: str) -> None:
    """Raise ``ValueError`` unless ``host`` is loopback or serving beyond it was asked for (``flag``)."""
    if not allowed and not is_loopback_host(host):
        raise ValueError(
            f"{host!r} is not a loopback address: the sandbox accepts any JWT signed with its test key, answers "
            f"its admin endpoints without one and sends webhooks; serve it beyond this machine only on purpose, "
            f"with {flag}"
        )


def bind(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio sets TCP_NODELAY on accepted connections only when it does, and without it
    # every answer written in two parts (headers, body) waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()  # now, not by the garbage collector (a ResourceWarning)
        raise
    sock.set_inheritable(True)
    return sock


def uvicorn_server(app: SandboxApp, *, log_level: str = "warning", **options: Any) -> uvicorn.Server:
    """A uvicorn server (one worker, no access log by default) for ``app``, with dropped connections handled."""
    asgi = cast(Any, _CloseOnDrop(app))  # returns a value on a drop, which uvicorn's ASGI types do not foresee
    # Keep idle connections longer than clients do (connect() keeps them 30 s): a server that closes first races a
    # client reusing the connection, and a POST hit by that race cannot be retried safely.
    options.setdefault("timeout_keep_alive", 65)
    config = uvicorn.Config(asgi, log_level=log_level, access_log=False, lifespan="on", **options)
    return uvicorn.Server(config)


def base_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@dataclass
class RunningSandbox:
    """A sandbox served on loopback in a background thread."""

    base_url: str
    application_id: str
    private_key_pem: bytes = field(repr=False)
    private_key_path: Path
    signature_secret: str | None = field(repr=False)
    app: SandboxApp
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    def advance(self, seconds: float) -> None:
        """Move the virtual clock; calls progress and their events are delivered before this returns."""
        self._admin("POST", "/clock/advance", {"seconds": seconds})

    def reset(self) -> None:
        """Forget calls, events, fault rules and recorded errors (between tests sharing one sandbox)."""
        self._admin("POST", "/reset", None)

    def events(self, call_uuid: uuid.UUID | str | None = None) -> list[dict[str, Any]]:
        """The events produced so far (of one call, if given, as a ``UUID`` or a string), with their delivery
        outcome."""
        params = {"call_uuid": str(call_uuid)} if call_uuid else None
        with httpx.Client(base_url=self.base_url, trust_env=False, timeout=30.0) as client:
            return list(read_pages(client, self.base_url, "/_sandbox/events", "events", params))

    def _admin(
        self, method: str, path: str, body: object | None, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        # Over HTTP, so that the work runs in the server's event loop (where deliveries happen), not this thread.
        # Writes go as JSON, which the admin endpoints require (a cross-site form cannot send it).
        payload = body if body is not None or method == "GET" else {}
        with httpx.Client(base_url=self.base_url, trust_env=False, timeout=30.0) as client:
            response = client.request(method, f"/_sandbox{path}", json=payload, params=params)
        response.raise_for_status()
        return dict(response.json())

    def stop(self, timeout: float = 5.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)
        with contextlib.suppress(FileNotFoundError):
            self.private_key_path.unlink()


@contextlib.contextmanager
def running_sandbox(
    *,
    application_id: str | None = None,
    private_key_pem: bytes | None = None,
    signature_secret: str | None = None,
    clock: Clock | None = None,
    rate_limits: bool | RateLimits = False,
    faults: Iterable[FaultRule | Mapping[str, Any]] | None = None,
    event_delivery: bool = True,
    spec_path: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    limits: Limits | None = None,
    allow_non_loopback: bool = False,
    admin_hosts: Iterable[str] = (),
) -> Iterator[RunningSandbox]:
    """Serve a sandbox on ``host`` (a free port by default) until the block ends.

    Without ``private_key_pem`` a new key pair is made; the private key is also written to a 0600 file (removed on
    exit) for clients that want a path. Without ``application_id`` a random one is used. The clock is virtual unless
    one is given (``clock=RealClock()`` for real time): tests move it with :meth:`RunningSandbox.advance`. A
    ``host`` that is not loopback raises ``ValueError`` unless ``allow_non_loopback`` is true. ``rate_limits``: the
    API's 3 POST and 15 other requests a second (True), or ``(posts, others)`` per second.
    """
    refuse_non_loopback(host, allow_non_loopback, "allow_non_loopback=True")
    application_id = application_id or str(uuid.uuid4())
    private_key_pem = private_key_pem or generate_private_key()
    key = serialization.load_pem_private_key(private_key_pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the application key must be an RSA private key")
    app = create_app(
        application_id=application_id,
        public_key=key.public_key(),
        signature_secret=signature_secret,
        clock=clock or VirtualClock(),
        rate_limits=rate_limits,
        faults=faults,
        event_delivery=event_delivery,
        spec_path=spec_path,
        limits=limits,
        admin_hosts=admin_hosts,
    )
    sock = bind(host, port)
    app.sandbox.deliverer.serving_on(sock.getsockname()[1])
    server = uvicorn_server(app)
    thread = _thread(server, sock, "vonage-sandbox")
    running = RunningSandbox(
        base_url(sock),
        application_id,
        private_key_pem,
        write_private_key(private_key_pem),
        signature_secret,
        app,
        server,
        thread,
    )
    thread.start()
    try:
        _wait_started(server, thread)
        yield running
    finally:
        running.stop()
        sock.close()


@contextlib.contextmanager
def serving(app: ASGIApp, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` (Starlette, FastAPI, any ASGI app) with uvicorn in a background thread until the block ends;
    yield its base URL (``http://127.0.0.1:<free port>``). Its lifespan runs if it has one."""
    sock = bind(host, port)
    # WebSocket routes are served with the websockets library's sans-io protocol (the sandbox extra installs it).
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="auto", timeout_graceful_shutdown=2, ws="websockets-sansio"
    )
    server = uvicorn.Server(config)
    thread = _thread(server, sock, "vonage-sandbox-webhooks")
    thread.start()
    try:
        _wait_started(server, thread, "the application's ASGI app")
        yield base_url(sock)
    finally:
        server.should_exit = True
        thread.join(5.0)
        sock.close()


def read_pages(
    client: httpx.Client, root: str, path: str, key: str, params: Mapping[str, str] | None = None
) -> Iterator[dict[str, Any]]:
    """Every item of a paged listing at ``root`` + ``path`` (``/_sandbox/events``...), following ``next`` (a path
    from the server's root) to the end."""
    url = f"{root}{path}"
    response = client.get(url, params=params)
    while True:
        if response.is_error:
            raise RuntimeError(f"sandbox GET {path}: {response.status_code} {response.text[:500]}")
        page = response.json()
        yield from page[key]
        following = page.get("next")
        if not following or f"{root}{following}" == url:  # the end, or a page that would not move on
            return
        url = f"{root}{following}"
        response = client.get(url)


def _thread(server: uvicorn.Server, sock: socket.socket, name: str) -> threading.Thread:
    return threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)


def _wait_started(server: uvicorn.Server, thread: threading.Thread, what: str = "the sandbox server") -> None:
    deadline = time.monotonic() + _START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start (see uvicorn's log above)")
        time.sleep(0.005)
