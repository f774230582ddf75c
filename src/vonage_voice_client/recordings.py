"""Recordings and transcripts: the files a record event and a transcription callback point at.

``recording_url`` and ``transcription_url`` arrive in webhook payloads, which anyone can forge, and downloading them
takes the application JWT: the URL must pass the host rule of :mod:`._hosts` (Vonage's API hosts over https, or the
loopback origin of the client's ``base_url``, or ``unsafe_allow_hosts``) before anything is sent, compared as httpx
connects to it, never as a substring (``https://evil.example/?api.nexmo.com`` names ``evil.example``).

A recording is streamed to its destination in chunks (memory stays flat whatever its size; the response size cap does
not apply to it), through the client's own stack: JWT, retries (``GET /v1/files/{file_id}`` is ``repeatable``:
re-sent on 429, 502-504 and network failures), typed errors. A failure in the middle of the body truncates what was
written and starts again, under the same retry policy. A path is written atomically: a temporary file beside it,
renamed over it once complete, so a reader sees the old file or the whole new one, never part of one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Final, Protocol

import httpx
from vonage_voice_api.models import Transcript

from ._hosts import check_origin, parse_origins, parse_url
from ._wire import STREAMED, fits
from .errors import ConfigurationError, MalformedResponseError, VoiceTransportError

__all__ = ["adownload_recording", "adownload_transcript", "download_recording", "download_transcript"]

_FILE_HEADERS: Final = {"Accept": "*/*"}
_JSON_HEADERS: Final = {"Accept": "application/json"}


class _Signer(Protocol):
    @property
    def allowed_origins(self) -> frozenset[str]: ...


class _Policy(Protocol):
    @property
    def max_retries(self) -> int: ...
    def delay(self, attempt: int, response: httpx.Response | None) -> float: ...
    def sleep(self, seconds: float, /) -> None: ...
    def async_sleep(self, seconds: float, /) -> Awaitable[None]: ...


class VoiceClient(Protocol):
    """What the downloads use of the client ``connect()`` returns (a :class:`~vonage_voice_client.VoiceClient`).

    A Protocol, so that this module needs neither the client nor its auth and retry modules (the runtime's layers).
    """

    def get_httpx_client(self) -> httpx.Client: ...
    def get_async_httpx_client(self) -> httpx.AsyncClient: ...
    @property
    def auth(self) -> _Signer: ...
    @property
    def retry_policy(self) -> _Policy: ...


Destination = str | os.PathLike[str] | IO[bytes]
"""A path (written atomically) or a binary file object open for writing (written from its current position)."""


def download_recording(client: VoiceClient, url: str, to: Destination) -> int:
    """Download the recording at ``url`` (a record event's ``recording_url``) to ``to``; return the bytes written.

    Raises ``ConfigurationError`` (nothing sent) when ``url`` is not on a host the application JWT may go to,
    ``NotFoundError``/``AuthenticationError``/... for an error answer, ``VoiceTransportError`` when the network
    failed after the retries.
    """
    request = _file_request(client, client.get_httpx_client(), url)
    policy = client.retry_policy
    with _sink(to) as sink:
        attempt = 1
        while True:
            try:
                response = client.get_httpx_client().send(request, stream=True)
                try:
                    return sink.write_all(response.iter_bytes())
                finally:
                    response.close()
            except httpx.TransportError as error:  # the body broke off: the answer's head was a 2xx
                delay = _restart_delay(policy.max_retries, attempt, policy.delay(attempt, None), sink, request, error)
                policy.sleep(delay)
                attempt += 1


async def adownload_recording(client: VoiceClient, url: str, to: Destination) -> int:
    """:func:`download_recording` for asyncio (the file is written between network reads)."""
    request = _file_request(client, client.get_async_httpx_client(), url)
    policy = client.retry_policy
    with _sink(to) as sink:
        attempt = 1
        while True:
            try:
                response = await client.get_async_httpx_client().send(request, stream=True)
                try:
                    written = 0
                    async for chunk in response.aiter_bytes():
                        written += sink.write(chunk)
                    return sink.done(written)
                finally:
                    await response.aclose()
            except httpx.TransportError as error:
                delay = _restart_delay(policy.max_retries, attempt, policy.delay(attempt, None), sink, request, error)
                await policy.async_sleep(delay)
                attempt += 1


def download_transcript(client: VoiceClient, url: str) -> Transcript:
    """The transcript at ``url`` (a transcription callback's ``transcription_url``), typed."""
    http = client.get_httpx_client()
    response = http.send(_json_request(client, http, url))
    return _transcript(response)


async def adownload_transcript(client: VoiceClient, url: str) -> Transcript:
    """:func:`download_transcript` for asyncio."""
    http = client.get_async_httpx_client()
    response = await http.send(_json_request(client, http, url))
    return _transcript(response)


def _checked(client: VoiceClient, url: object, label: str) -> httpx.URL:
    """``url`` when the application JWT may go there (the client's allowed origins); else ConfigurationError."""
    parsed = parse_url(url, label, query_ok=True)
    allowed = parse_origins(client.auth.allowed_origins, "allowed origins")
    check_origin(parsed, label, allowed=allowed, loopback_ok=False)
    return parsed


def _file_request(client: VoiceClient, http: httpx.Client | httpx.AsyncClient, url: str) -> httpx.Request:
    checked = _checked(client, url, "recording URL")
    return http.build_request("GET", checked, headers=_FILE_HEADERS, extensions={STREAMED: True})


def _json_request(client: VoiceClient, http: httpx.Client | httpx.AsyncClient, url: str) -> httpx.Request:
    return http.build_request("GET", _checked(client, url, "transcript URL"), headers=_JSON_HEADERS)


def _transcript(response: httpx.Response) -> Transcript:
    try:
        body = response.json()
        if not isinstance(body, dict):
            raise TypeError(f"the transcript is a JSON {type(body).__name__}, not an object")
        return Transcript.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedResponseError(response.status_code, response.content, exc) from exc


def _restart_delay(
    max_retries: int, attempt: int, delay: float, sink: _Sink, request: httpx.Request, error: httpx.TransportError
) -> float:
    """The wait before downloading again from the start (what was written is truncated), or the final error."""
    if attempt > max_retries or not sink.restartable or not fits(delay):
        raise VoiceTransportError(request.method, request.url.path, error, may_have_reached_server=True) from error
    sink.restart()
    return delay


class _Sink:
    """Where the bytes go: a file object, written from its position at the start, which a restart goes back to."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.restartable = file.seekable()
        self._start = file.tell() if self.restartable else 0

    def write(self, chunk: bytes) -> int:
        self.file.write(chunk)
        return len(chunk)

    def write_all(self, chunks: Iterator[bytes]) -> int:
        written = 0
        write = self.file.write
        for chunk in chunks:
            write(chunk)
            written += len(chunk)
        return self.done(written)

    def done(self, written: int) -> int:
        self.file.flush()
        return written

    def restart(self) -> None:
        self.file.seek(self._start)
        self.file.truncate()


@contextmanager
def _sink(to: Destination) -> Iterator[_Sink]:
    if not isinstance(to, str | os.PathLike):
        if not hasattr(to, "write"):
            raise ConfigurationError(f"to must be a path or a binary file object, not {type(to).__name__}")
        yield _Sink(to)
        return
    target = Path(to)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False) as tmp:
        try:
            yield _Sink(tmp)
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    os.replace(tmp.name, target)
