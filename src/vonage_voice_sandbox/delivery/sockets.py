"""The Vonage side of audio WebSockets: open the socket an engine's :class:`..engine.socket_legs.OpenSocket` asks for,
send the caller's audio, play and answer what the application sends (docs/websockets.md: the protocol and sources).

The same address rules as webhooks: loopback only, never the sandbox itself; anything else is refused and the
engine sends an ``error`` event. The handshake carries ``Authorization`` per the endpoint's ``authorization``:
``vonage`` (the default) is ``Bearer <JWT>``, HS256 with the signature secret and the claims of a signed webhook
but no ``payload_hash`` (a handshake has no payload); ``custom`` is its ``value`` verbatim.

Pacing follows the sandbox clock. On a real clock one writer sends every socket's due frames every 20 ms. On a
virtual clock :meth:`SocketRunner.pump` (run after every advance) sends the frames and notifies that fell due, then
waits until the applications have been quiet for ``SETTLE`` seconds (at most ``SETTLE_LIMIT``), so a test that
advanced the clock sees what they answered, dated at the virtual time it arrived.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import jwt
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from ..engine.media import MediaSession
from ..engine.state import CallStore

__all__ = ["SocketRunner", "http_form"]

OPEN_TIMEOUT: Final = 5.0
SETTLE: Final = 0.05
SETTLE_LIMIT: Final = 2.0
MAX_MESSAGE: Final = 1 << 20

Refusal = Callable[[str], "str | None"]  # why a URL is not contacted, or None


def http_form(uri: str) -> str:
    """``ws://``/``wss://`` as ``http://``/``https://``, so the webhook address rules apply unchanged."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme.lower(), parts.scheme)
    return urlunsplit((scheme, *parts[1:]))


class SocketRunner:
    """The open sockets of one sandbox, in the event loop of its server."""

    def __init__(
        self,
        *,
        application_id: str,
        secret: Callable[[], str | None],
        refusal: Refusal,
        user_agent: str,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.application_id = application_id
        self._secret = secret
        self._refusal = refusal
        self._user_agent = user_agent
        self._now = wall_clock
        self.paced = False  # True on a real clock: one writer paces every socket
        self.after_close: Callable[[CallStore], None] | None = None  # deliver the events a close produced
        self._sockets: dict[int, ClientConnection] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._last_heard = 0.0  # time.monotonic() of the last message from any application
        self._writer: asyncio.Task[None] | None = None

    def token(self) -> str | None:
        secret = self._secret()
        if not secret:
            return None
        claims = {
            "iat": int(self._now()),
            "jti": str(uuid.uuid4()),
            "iss": "Vonage",
            "application_id": self.application_id,
        }
        return jwt.encode(claims, secret, algorithm="HS256")

    def handshake_headers(self, session: MediaSession) -> dict[str, str]:
        headers = {"User-Agent": self._user_agent}
        auth = session.authorization
        if auth.get("type") == "custom":
            value = auth.get("value")
            if isinstance(value, str) and value:
                headers["Authorization"] = value
        else:
            token = self.token()
            if token is not None:
                headers["Authorization"] = f"Bearer {token}"
        return headers

    async def open(self, session: MediaSession, store: CallStore) -> None:
        """Open the socket (the handshake, then ``websocket:connected``); the engine hears how it went. Never raises."""
        reason = self._refusal(http_form(session.uri))
        if reason is not None:
            store.socket_failed(session, reason)
            return
        headers = self.handshake_headers(session)
        try:
            socket = await connect(
                session.uri,
                additional_headers={k: v for k, v in headers.items() if k != "User-Agent"},
                user_agent_header=headers["User-Agent"],
                open_timeout=OPEN_TIMEOUT,
                compression=None,
                max_size=MAX_MESSAGE,
                proxy=None,
            )
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError) as exc:
            store.socket_failed(session, f"the handshake failed: {type(exc).__name__}: {str(exc)[:200]}")
            return
        store.socket_opened(session, headers)
        self._sockets[session.id] = socket
        connected = {"event": "websocket:connected", "content-type": session.content_type, **session.headers}
        with contextlib.suppress(ConnectionClosed):  # an application that hangs up at once: the reader reports it
            await self._send_text(session, socket, connected)
        self._spawn(self._read(session, socket, store))
        if self.paced and (self._writer is None or self._writer.done()):
            self._writer = asyncio.create_task(self._write_paced(store))

    async def pump(self, store: CallStore) -> None:
        """Send what fell due on every open socket (the virtual clock moved), then let the applications answer."""
        if self.paced:
            return
        now = store.clock.now()
        sessions = [s for s in store.sessions_of(None) if s.id in self._sockets]
        await asyncio.gather(*(self._write_due(s, self._sockets[s.id], now) for s in sessions))
        started = time.monotonic()
        while time.monotonic() - started < SETTLE_LIMIT:
            if time.monotonic() - max(self._last_heard, started) >= SETTLE:
                break
            await asyncio.sleep(0.005)
        now = store.clock.now()
        await asyncio.gather(*(self._write_due(s, self._sockets[s.id], now) for s in sessions if s.id in self._sockets))

    # --- writing ---------------------------------------------------------------------------------------------------

    async def _write_due(self, session: MediaSession, socket: ClientConnection, now: float) -> None:
        """Frames and notifies due by ``now``; the socket closed if the sandbox closed the session."""
        try:
            for _ in range(session.frames_due(now)):
                await socket.send(session.next_frame())
            for payload in session.notifies_due(now):
                await self._send_text(session, socket, {"event": "websocket:notify", "payload": payload})
            if session.closed_by == "sandbox":
                await self._close(session, socket)
        except ConnectionClosed:
            pass  # the reader reports the close

    async def _write_paced(self, store: CallStore) -> None:
        """On a real clock: wake when the next frame of any socket is due, send what is due everywhere."""
        while self._sockets:
            sessions = [s for s in store.sessions_of(None) if s.id in self._sockets]
            if not sessions:
                return
            delay = min(s.next_frame_at() for s in sessions) - store.clock.now()
            if delay > 0:
                await asyncio.sleep(min(delay, 0.02))
            now = store.clock.now()
            for session in sessions:
                socket = self._sockets.get(session.id)
                if socket is not None:
                    await self._write_due(session, socket, now)

    async def _close(self, session: MediaSession, socket: ClientConnection) -> None:
        self._sockets.pop(session.id, None)
        await socket.close(session.close_code or 1000, session.close_reason)

    async def _send_text(self, session: MediaSession, socket: ClientConnection, message: dict[str, Any]) -> None:
        session.sent.append(message)
        await socket.send(json.dumps(message, separators=(",", ":")))

    # --- reading ---------------------------------------------------------------------------------------------------

    async def _read(self, session: MediaSession, socket: ClientConnection, store: CallStore) -> None:
        try:
            async for message in socket:
                self._last_heard = time.monotonic()
                now = store.clock.now()
                if isinstance(message, bytes):
                    with store.lock:
                        session.play(message, now)
                    continue
                await self._command(session, socket, message, now)
        except ConnectionClosed:
            pass
        finally:
            self._sockets.pop(session.id, None)
            self._last_heard = time.monotonic()
        if session.closed_at is None:  # not closed by the sandbox: the application hung up
            code = socket.close_code
            store.socket_closed(session, code, socket.close_reason or "")
            if self.after_close is not None:
                self.after_close(store)

    async def _command(self, session: MediaSession, socket: ClientConnection, text: str, now: float) -> None:
        try:
            message: Any = json.loads(text)
        except ValueError:
            message = {"text": text[:1000]}
        session.received.append(message if isinstance(message, dict) else {"value": message})
        action = message.get("action") if isinstance(message, dict) else None
        if action == "clear":
            session.clear(now)
            await self._send_text(session, socket, {"event": "websocket:cleared"})
        elif action == "notify":
            session.notify(message.get("payload"), now)
            for payload in session.notifies_due(now):
                await self._send_text(session, socket, {"event": "websocket:notify", "payload": payload})

    def _spawn(self, coroutine: Any) -> None:
        task: asyncio.Task[None] = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def aclose(self) -> None:
        for socket in list(self._sockets.values()):
            with contextlib.suppress(Exception):
                await socket.close(1001, "sandbox stopped")
