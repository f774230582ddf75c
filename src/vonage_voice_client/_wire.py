"""On the wire: a total deadline per call, and a cap on the size of an answer.

**Deadline.** httpx's timeouts bound each socket operation, not a call: a server sending one byte a second never
trips a 2 s read timeout, and retries add their waits. A deadline is an absolute ``time.monotonic()`` value in a
context variable, set for one call (``connect(deadline=...)``) or a block (``client.deadline(seconds)``), so it
follows the call through threads' and tasks' own contexts without an argument. The network streams under httpx's
connection pool clamp each connect, TLS handshake, read and write to the time left and fail once it is gone; the
retry transport never sleeps past it. With no deadline set, each socket operation pays one context-variable read.

**Size cap.** An answer larger than ``max_response_bytes`` on the wire, or once decoded (gzip and deflate, the
encodings the client asks for, are inflated here in bounded steps rather than by httpx in one go), fails with
:class:`ResponseTooLarge` as soon as it passes the cap, keeping nothing of the body. An answer that declares a
``Content-Length`` within the cap and no encoding is passed through untouched: h11 reads no byte past its length.
"""

from __future__ import annotations

import time
import warnings
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Final, NamedTuple, NoReturn, TypeAlias

import httpx

DEFAULT_MAX_RESPONSE_BYTES: Final = 10 * 1024 * 1024
STREAMED: Final = "vonage_voice_client.streamed"
"""A request extension: its 2xx body is streamed to a file by the caller (a recording), so it is not capped."""
_INFLATE_STEP: Final = 64 * 1024  # decoded bytes per step: a gzip bomb never inflates more than this at once


class Deadline(NamedTuple):
    at: float  # time.monotonic()
    seconds: float  # as given, for the message

    def message(self) -> str:
        return f"the deadline of {self.seconds:g} s for this call passed"


DEADLINE: ContextVar[Deadline | None] = ContextVar("vonage_voice_client_deadline", default=None)


def tighter(seconds: float) -> Deadline | None:
    """A deadline ``seconds`` from now, or None when the one in force is already sooner."""
    new = Deadline(time.monotonic() + seconds, seconds)
    current = DEADLINE.get()
    return new if current is None or new.at < current.at else None


def fits(delay: float) -> bool:
    """Whether waiting ``delay`` seconds (before a retry) ends before the deadline in force."""
    deadline = DEADLINE.get()
    return deadline is None or time.monotonic() + delay < deadline.at


def bound_timeouts(request: httpx.Request, deadline: Deadline) -> None:
    """Before an attempt: no pool wait past the deadline; none at all once it has passed (nothing was sent)."""
    remaining = deadline.at - time.monotonic()
    if remaining <= 0:
        raise httpx.PoolTimeout(f"{deadline.message()} before the request was sent", request=request)
    timeouts = request.extensions.get("timeout", {})
    request.extensions["timeout"] = {k: remaining if v is None else min(v, remaining) for k, v in timeouts.items()}


# httpcore (40 ms of a cold import) is imported by httpx when the first transport is built, and so here: the stream
# and backend wrappers below take its exception classes from ``_errors``, filled in by ``with_deadline``.
if TYPE_CHECKING:
    import httpcore

TimeoutError_: TypeAlias = "type[httpcore.TimeoutException]"


class _Errors:
    connect: TimeoutError_
    read: TimeoutError_
    write: TimeoutError_


_errors = _Errors()


def _clamp(timeout: float | None, error: TimeoutError_) -> float | None:
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline.at - time.monotonic()
    if remaining <= 0:
        raise error(deadline.message())
    return remaining if timeout is None or remaining < timeout else timeout


def _timed_out(error: TimeoutError_, cause: Exception) -> NoReturn:
    """Re-raise a timeout, naming the deadline when it is what ran out."""
    deadline = DEADLINE.get()
    if deadline is not None and time.monotonic() >= deadline.at - 0.001:
        raise error(deadline.message()) from cause
    raise cause


class _Stream:
    """An httpcore ``NetworkStream`` whose every wait ends by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._stream.read(max_bytes, _clamp(timeout, _errors.read))
        except _errors.read as error:
            _timed_out(_errors.read, error)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._stream.write(buffer, _clamp(timeout, _errors.write))
        except _errors.write as error:
            _timed_out(_errors.write, error)

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> _Stream:
        try:
            inner = self._stream.start_tls(ssl_context, server_hostname, _clamp(timeout, _errors.connect))
        except _errors.connect as error:
            _timed_out(_errors.connect, error)
        return _Stream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncStream:
    """An httpcore ``AsyncNetworkStream`` whose every wait ends by the deadline."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return await self._stream.read(max_bytes, _clamp(timeout, _errors.read))
        except _errors.read as error:
            _timed_out(_errors.read, error)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            await self._stream.write(buffer, _clamp(timeout, _errors.write))
        except _errors.write as error:
            _timed_out(_errors.write, error)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _AsyncStream:
        try:
            inner = await self._stream.start_tls(ssl_context, server_hostname, _clamp(timeout, _errors.connect))
        except _errors.connect as error:
            _timed_out(_errors.connect, error)
        return _AsyncStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend:
    """An httpcore ``NetworkBackend`` whose connections end their waits by the deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _Stream:
        try:
            clamped = _clamp(timeout, _errors.connect)
            stream = self._backend.connect_tcp(host, port, clamped, local_address, socket_options)
        except _errors.connect as error:
            _timed_out(_errors.connect, error)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> _Stream:
        clamped = _clamp(timeout, _errors.connect)
        return _Stream(self._backend.connect_unix_socket(path, clamped, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncBackend:
    """An httpcore ``AsyncNetworkBackend`` whose connections end their waits by the deadline."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _AsyncStream:
        try:
            clamped = _clamp(timeout, _errors.connect)
            stream = await self._backend.connect_tcp(host, port, clamped, local_address, socket_options)
        except _errors.connect as error:
            _timed_out(_errors.connect, error)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> _AsyncStream:
        clamped = _clamp(timeout, _errors.connect)
        return _AsyncStream(await self._backend.connect_unix_socket(path, clamped, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def with_deadline(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
    """Put the deadline under an ``httpx.HTTPTransport``'s or ``AsyncHTTPTransport``'s connection pool.

    httpx takes no network backend, so this wraps the pool's (private in httpx and httpcore; the trickling-server
    tests in tests/runtime/test_call_deadline.py fail if a release moves it).
    """
    import httpcore  # already loaded by the transport

    _errors.connect, _errors.read, _errors.write = httpcore.ConnectTimeout, httpcore.ReadTimeout, httpcore.WriteTimeout
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
    elif isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
    else:
        warnings.warn(
            f"cannot reach the network backend of {type(transport).__name__}: deadlines bound retries only",
            RuntimeWarning,
            stacklevel=2,
        )


# --- the size cap ---------------------------------------------------------------------------------------------------


class ResponseTooLarge(Exception):
    """The answer passed ``max_response_bytes``; what was read of it is gone."""

    def __init__(self, status_code: int, cap: int, what: str) -> None:
        self.status_code = status_code
        super().__init__(f"the answer is larger than max_response_bytes={cap} ({what}); its body was dropped")


class CappedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wraps the real transport (sync or async): every answer is read through :func:`limit`."""

    def __init__(self, inner: httpx.BaseTransport | httpx.AsyncBaseTransport, cap: int | None) -> None:
        self._inner, self._cap = inner, cap

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)  # type: ignore[union-attr]
        return limit(response, self._cap_for(request, response))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)  # type: ignore[union-attr]
        return limit(response, self._cap_for(request, response))

    def _cap_for(self, request: httpx.Request, response: httpx.Response) -> int | None:
        # A download's file goes to disk in chunks, whatever its size; its error answers are read whole, so capped.
        return None if request.extensions.get(STREAMED) and response.is_success else self._cap

    def close(self) -> None:
        self._inner.close()  # type: ignore[union-attr]

    async def aclose(self) -> None:
        await self._inner.aclose()  # type: ignore[union-attr]


def limit(response: httpx.Response, cap: int | None) -> httpx.Response:
    """``response``, its body to be read through the cap (see the module's docstring)."""
    if cap is None:
        return response
    headers = response.headers
    encoding = headers.get("content-encoding")
    length = headers.get("content-length")
    declared = int(length) if length is not None and length.isdigit() else None
    if declared is not None and declared <= cap and encoding is None:
        return response
    decoder = _Inflater.for_encoding(encoding)
    if decoder is not None:
        del headers["content-encoding"]  # inflated here, so httpx must not inflate again
    response.stream = _CappedStream(response.stream, cap, response.status_code, decoder, declared)
    return response


class _Inflater:
    """zlib in bounded steps: never more than _INFLATE_STEP bytes out of one call."""

    def __init__(self, wbits: int, fallback: int | None) -> None:
        self._zlib, self._fallback, self._started = zlib.decompressobj(wbits), fallback, False

    @classmethod
    def for_encoding(cls, encoding: str | None) -> _Inflater | None:
        name = (encoding or "").strip().lower()
        if name in ("gzip", "x-gzip"):
            return cls(zlib.MAX_WBITS | 16, None)
        if name == "deflate":  # zlib-wrapped as the RFC says, or raw deflate as some servers send (httpx tries both)
            return cls(zlib.MAX_WBITS, -zlib.MAX_WBITS)
        return None

    def steps(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self._zlib.decompress(data, _INFLATE_STEP)
            except zlib.error as error:
                if self._started or self._fallback is None:
                    raise httpx.DecodingError(str(error)) from None
                self._zlib, self._fallback = zlib.decompressobj(self._fallback), None
                continue
            self._started = True
            yield out
            data = self._zlib.unconsumed_tail
            if not data and len(out) < _INFLATE_STEP:
                return

    def flush(self) -> bytes:
        try:
            return self._zlib.flush()
        except zlib.error as error:
            raise httpx.DecodingError(str(error)) from None


class _CappedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(
        self, stream: Any, cap: int, status_code: int, inflater: _Inflater | None, declared: int | None
    ) -> None:
        self._stream, self._cap, self._status = stream, cap, status_code
        self._inflater, self._declared = inflater, declared
        self._wire = self._decoded = 0

    def __iter__(self) -> Iterator[bytes]:
        self._check_declared()
        for chunk in self._stream:
            yield from self._take(chunk)
        yield from self._end()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self._check_declared()
        async for chunk in self._stream:
            for piece in self._take(chunk):
                yield piece
        for piece in self._end():
            yield piece

    def _check_declared(self) -> None:
        if self._declared is not None and self._declared > self._cap:
            raise ResponseTooLarge(self._status, self._cap, f"Content-Length: {self._declared}")

    def _take(self, chunk: bytes) -> Iterator[bytes]:
        self._wire += len(chunk)
        if self._wire > self._cap:
            raise ResponseTooLarge(self._status, self._cap, f"over {self._cap} bytes on the wire")
        if self._inflater is None:
            yield chunk
            return
        for piece in self._inflater.steps(chunk):
            yield self._count(piece)

    def _end(self) -> Iterator[bytes]:
        if self._inflater is not None:
            yield self._count(self._inflater.flush())

    def _count(self, piece: bytes) -> bytes:
        self._decoded += len(piece)
        if self._decoded > self._cap:
            raise ResponseTooLarge(self._status, self._cap, f"over {self._cap} bytes once decoded")
        return piece

    def close(self) -> None:
        self._stream.close()

    async def aclose(self) -> None:
        await self._stream.aclose()
