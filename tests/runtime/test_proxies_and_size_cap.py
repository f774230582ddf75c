"""Environment proxies are honoured (never for a loopback base URL); answers are capped in size, on the wire and
once decoded, without keeping the body.

Before: `connect()` passed its own transport, so httpx ignored HTTPS_PROXY; a 199 KiB gzip answer inflating to
200 MiB took 669 MiB, and the error kept the bytes.
"""

from __future__ import annotations

import gzip
import json
import threading
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_call

from tests.runtime.support import APP_ID, CALL_UUID, call_record, recording_server
from vonage_voice_client import MalformedResponseError, VoiceClient, VoiceTransportError, connect

MiB = 1024 * 1024
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """A loopback 'proxy' that records each request it is sent and refuses it (it never connects anywhere),
    set as HTTP_PROXY, HTTPS_PROXY and ALL_PROXY."""
    refusal = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    with recording_server(refusal, timeout=2.0) as (port, received):
        for name in PROXY_VARIABLES:
            for variable in (name, name.lower()):
                monkeypatch.delenv(variable, raising=False)
        for name in PROXY_VARIABLES[:3]:
            monkeypatch.setenv(name, f"http://127.0.0.1:{port}")
        yield received


@pytest.fixture
def api() -> Iterator[str]:
    """A loopback API answering GET /v1/calls/<uuid> with a call record."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(call_record()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()
    server.server_close()


def test_https_proxy_from_the_environment_carries_requests_to_vonage(
    rsa_key: rsa.RSAPrivateKey, proxy: list[bytes]
) -> None:
    client = connect(application_id=APP_ID, private_key=rsa_key, max_retries=0)
    with client, pytest.raises(VoiceTransportError, match="ProxyError"):
        get_call.sync(CALL_UUID, client=client)
    assert proxy == [proxy[0]] and proxy[0].startswith(b"CONNECT api.nexmo.com:443 HTTP/1.1\r\n")
    assert b"Authorization" not in proxy[0]  # the token travels inside the tunnel only


def test_no_proxy_and_trust_env_are_honoured(
    rsa_key: rsa.RSAPrivateKey, proxy: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No request here: without the proxy it would leave the machine. The transport httpx picks for the URL says."""
    vonage = httpx.URL(f"https://api-eu-3.vonage.com/v1/calls/{CALL_UUID}")

    def proxied(**options: Any) -> bool:
        with connect(application_id=APP_ID, private_key=rsa_key, **options) as client:
            http = client.get_httpx_client()
            return http._transport_for_url(vonage) is not http._transport

    assert proxied()
    assert not proxied(trust_env=False)
    monkeypatch.setenv("NO_PROXY", ".vonage.com")
    assert not proxied()
    assert proxy == []


def test_a_loopback_base_url_never_goes_through_a_proxy(
    rsa_key: rsa.RSAPrivateKey, proxy: list[bytes], api: str
) -> None:
    with connect(application_id=APP_ID, private_key=rsa_key, base_url=api) as client:
        assert str(get_call.sync(CALL_UUID, client=client).uuid) == CALL_UUID
    assert proxy == []


def gzip_bomb(decoded: int) -> bytes:
    """``decoded`` zero bytes, gzipped in 1 MiB steps (200 MiB -> about 199 KiB, never 200 MiB in memory)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(MiB)
    parts = [compressor.compress(block) for _ in range(decoded // MiB)]
    return b"".join([*parts, compressor.flush()])


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb(200 * MiB)


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body in 64 KiB chunks, as a connection delivers it (``content=`` would make httpx read it at once)."""

    def __init__(self, body: bytes) -> None:
        self.body, self.pulled = body, 0

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), 65536):
            self.pulled += 1
            yield self.body[start : start + 65536]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def answering(body: bytes, **headers: str) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, headers=headers, stream=Chunks(body)))


def client(key: rsa.RSAPrivateKey, transport: httpx.BaseTransport, **options: Any) -> VoiceClient:
    return connect(
        application_id=APP_ID, private_key=key, base_url="http://127.0.0.1:9", transport=transport, **options
    )


def test_a_gzip_bomb_is_refused_with_memory_flat(rsa_key: rsa.RSAPrivateKey, bomb: bytes) -> None:
    assert len(bomb) < 210 * 1024
    with client(rsa_key, answering(bomb, **{"Content-Encoding": "gzip"})) as voice:
        tracemalloc.start()
        try:
            with pytest.raises(MalformedResponseError, match="larger than max_response_bytes=10485760") as refused:
                get_call.sync(CALL_UUID, client=voice)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 25 * MiB, f"{peak / MiB:.0f} MiB for a 200 MiB bomb"
    assert refused.value.content == b"" and refused.value.status_code == 200


async def test_a_gzip_bomb_is_refused_async(rsa_key: rsa.RSAPrivateKey, bomb: bytes) -> None:
    async with client(rsa_key, answering(bomb, **{"Content-Encoding": "gzip"}), max_response_bytes=MiB) as voice:
        with pytest.raises(MalformedResponseError, match="once decoded"):
            await get_call.asyncio(CALL_UUID, client=voice)


def test_the_cap_counts_wire_bytes_and_declared_lengths(rsa_key: rsa.RSAPrivateKey) -> None:
    endless = Chunks(b" " * (100 * MiB))
    voice = client(rsa_key, httpx.MockTransport(lambda r: httpx.Response(200, stream=endless)), max_response_bytes=MiB)
    with voice, pytest.raises(MalformedResponseError, match="on the wire"):
        get_call.sync(CALL_UUID, client=voice)
    assert endless.pulled == 17  # stopped at the first chunk over the cap

    declared = Chunks(b" " * (50 * MiB))
    answer = httpx.Response(200, headers={"Content-Length": str(50 * MiB)}, stream=declared)
    voice = client(rsa_key, httpx.MockTransport(lambda r: answer))
    with voice, pytest.raises(MalformedResponseError, match="Content-Length: 52428800"):
        get_call.sync(CALL_UUID, client=voice)
    assert declared.pulled == 0  # refused on its declared length, before reading


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),  # raw deflate, as some servers send
        ("identity", lambda data: data),
    ],
)
def test_encoded_answers_within_the_cap_are_read_as_before(
    rsa_key: rsa.RSAPrivateKey, encoding: str, encode: Any
) -> None:
    body = encode(json.dumps(call_record()).encode())
    with client(rsa_key, answering(body, **{"Content-Encoding": encoding})) as voice:
        assert str(get_call.sync(CALL_UUID, client=voice).uuid) == CALL_UUID


def test_the_cap_is_settable(rsa_key: rsa.RSAPrivateKey) -> None:
    body = json.dumps(call_record(padding="x" * 2000)).encode()
    voice = client(rsa_key, answering(body), max_response_bytes=1000)
    with voice, pytest.raises(MalformedResponseError, match="max_response_bytes=1000"):
        get_call.sync(CALL_UUID, client=voice)
    with client(rsa_key, answering(body), max_response_bytes=None) as voice:
        assert str(get_call.sync(CALL_UUID, client=voice).uuid) == CALL_UUID
