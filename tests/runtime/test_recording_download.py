"""download_recording / download_transcript: the JWT goes to Vonage's hosts only; files stream, atomically.

Before them, the README's pieces suggested ``client.get_httpx_client().get(recording_url)``, which sends the
application JWT to whatever host a (forgeable) webhook names, and reads the whole file into memory.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.runtime.support import Sleeps, mock_client, problem
from vonage_voice_client import (
    AuthenticationError,
    ConfigurationError,
    NotFoundError,
    VoiceTransportError,
    adownload_recording,
    adownload_transcript,
    download_recording,
    download_transcript,
)

FILE_URL = "https://api.nexmo.com/v1/files/aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
AUDIO = bytes(range(256)) * 400  # 100 kB

FORGED = {
    "path names a Vonage host": ("https://evil.example/api.nexmo.com/v1/files/x", "evil.example"),
    "query names a Vonage host": ("https://evil.example/?api.nexmo.com", "evil.example"),
    "suffix": ("https://api.nexmo.com.evil.example/v1/files/x", "api.nexmo.com.evil.example"),
    "plain http": ("http://api.nexmo.com/v1/files/x", "plain http"),
    "userinfo": ("https://api.nexmo.com@evil.example/v1/files/x", "evil.example"),
    "userinfo with password": ("https://api.nexmo.com:pw@evil.example/v1/files/x", "evil.example"),
    "backslash": ("https://api.nexmo.com\\@evil.example/v1/files/x", "evil.example"),
    "other port": ("https://api.nexmo.com:8443/v1/files/x", "port 8443"),
    "trailing dot": ("https://api.nexmo.com./v1/files/x", "api.nexmo.com."),
    "another loopback port": ("http://127.0.0.1:6379/v1/files/x", "127.0.0.1"),
    "metadata service": ("http://169.254.169.254/latest", "169.254.169.254"),
}


class Server:
    """A mock API: answers with ``answers`` in turn (the last one repeats), recording every request."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


class BreaksOff(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that stops with a network error after ``good`` bytes."""

    def __init__(self, data: bytes, good: int) -> None:
        self.data, self.good = data, good

    def __iter__(self) -> Iterator[bytes]:
        yield self.data[: self.good]
        raise httpx.ReadError("connection reset by peer")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data[: self.good]
        raise httpx.ReadError("connection reset by peer")


def audio(data: bytes = AUDIO) -> httpx.Response:
    return httpx.Response(200, content=data, headers={"Content-Type": "audio/mpeg"})


@pytest.mark.parametrize(("url", "named"), FORGED.values(), ids=FORGED.keys())
def test_a_download_to_another_host_sends_nothing(
    rsa_key: rsa.RSAPrivateKey, tmp_path: Path, url: str, named: str
) -> None:
    server = Server(audio())
    client = mock_client(rsa_key, server)
    with pytest.raises(ConfigurationError, match=named.replace(".", r"\.")):
        download_recording(client, url, tmp_path / "a.mp3")
    with pytest.raises(ConfigurationError):
        download_transcript(client, url)
    assert server.sent == []
    assert list(tmp_path.iterdir()) == []


async def test_the_async_download_refuses_the_same_hosts(rsa_key: rsa.RSAPrivateKey) -> None:
    server = Server(audio())
    client = mock_client(rsa_key, server)
    with pytest.raises(ConfigurationError, match=r"evil\.example"):
        await adownload_recording(client, "https://evil.example/api.nexmo.com/v1/files/x", io.BytesIO())
    assert server.sent == []


@pytest.mark.parametrize(
    "url",
    [
        FILE_URL,
        "https://api-us-3.vonage.com/v1/files/x",  # a regional host
        "http://127.0.0.1:9/v1/files/x",  # the client's own (sandbox) base_url origin
    ],
)
def test_a_recording_streams_to_a_path_with_the_jwt(rsa_key: rsa.RSAPrivateKey, tmp_path: Path, url: str) -> None:
    server = Server(audio())
    client = mock_client(rsa_key, server)
    target = tmp_path / "voicemail.mp3"
    assert download_recording(client, url, target) == len(AUDIO)
    assert target.read_bytes() == AUDIO
    assert server.sent[0].headers["Authorization"].startswith("Bearer ey")
    assert list(tmp_path.iterdir()) == [target], "no temporary file is left behind"


def test_a_file_larger_than_the_response_cap_is_downloaded_whole(rsa_key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    client = mock_client(rsa_key, Server(audio()), max_response_bytes=1024)
    assert download_recording(client, FILE_URL, tmp_path / "a.mp3") == len(AUDIO)


def test_a_file_object_is_written_from_its_position(rsa_key: rsa.RSAPrivateKey) -> None:
    sink = io.BytesIO(b"header")
    sink.seek(0, io.SEEK_END)
    assert download_recording(mock_client(rsa_key, Server(audio())), FILE_URL, sink) == len(AUDIO)
    assert sink.getvalue() == b"header" + AUDIO


@pytest.mark.parametrize(
    ("answer", "error"),
    [(problem(404, "Not Found"), NotFoundError), (problem(401, "Unauthorized"), AuthenticationError)],
)
def test_an_error_answer_raises_its_typed_error_and_keeps_the_old_file(
    rsa_key: rsa.RSAPrivateKey, tmp_path: Path, answer: httpx.Response, error: type[Exception]
) -> None:
    target = tmp_path / "a.mp3"
    target.write_bytes(b"yesterday's")
    with pytest.raises(error):
        download_recording(mock_client(rsa_key, Server(answer)), FILE_URL, target)
    assert target.read_bytes() == b"yesterday's"
    assert list(tmp_path.iterdir()) == [target]


def test_a_503_is_retried_the_file_endpoint_being_repeatable(rsa_key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    server = Server(problem(503, "Service Unavailable"), audio())
    assert download_recording(mock_client(rsa_key, server), FILE_URL, tmp_path / "a.mp3") == len(AUDIO)
    assert len(server.sent) == 2


def test_a_download_broken_off_midway_restarts_from_an_empty_file(rsa_key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    sleeps = Sleeps()
    server = Server(httpx.Response(200, stream=BreaksOff(AUDIO, 1000)), audio())
    target = tmp_path / "a.mp3"
    assert download_recording(mock_client(rsa_key, server, sleeps=sleeps), FILE_URL, target) == len(AUDIO)
    assert target.read_bytes() == AUDIO, "the first attempt's bytes were truncated, not kept in front"
    assert len(server.sent) == 2 and len(sleeps.delays) == 1


def test_a_download_that_keeps_breaking_fails_and_leaves_no_file(rsa_key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    server = Server(*(httpx.Response(200, stream=BreaksOff(AUDIO, 1000)) for _ in range(3)))
    client = mock_client(rsa_key, server, max_retries=2)
    with pytest.raises(VoiceTransportError, match="ReadError"):
        download_recording(client, FILE_URL, tmp_path / "a.mp3")
    assert len(server.sent) == 3
    assert list(tmp_path.iterdir()) == []


async def test_the_async_download_restarts_too(rsa_key: rsa.RSAPrivateKey) -> None:
    server = Server(httpx.Response(200, stream=BreaksOff(AUDIO, 1000)), audio())
    sink = io.BytesIO()
    client = mock_client(rsa_key, server)
    assert await adownload_recording(client, FILE_URL, sink) == len(AUDIO)
    assert sink.getvalue() == AUDIO


TRANSCRIPT = {
    "ver": "1.0.0",
    "request_id": "3f4cb4b0-7a0e-4a3b-9f2c-0123456789ab",
    "channels": [
        {
            "duration": 2,
            "transcript": [
                {
                    "sentence": "Call me back.",
                    "raw_sentence": "call me back",
                    "duration": 2,
                    "timestamp": 0,
                    "words": [{"word": "call", "start_time": 0, "end_time": 400, "confidence": 0.97}],
                }
            ],
        }
    ],
}


async def test_a_transcript_is_typed(rsa_key: rsa.RSAPrivateKey) -> None:
    client = mock_client(rsa_key, Server(httpx.Response(200, json=TRANSCRIPT), httpx.Response(200, json=TRANSCRIPT)))
    for transcript in (download_transcript(client, FILE_URL), await adownload_transcript(client, FILE_URL)):
        sentence = transcript.channels[0].transcript[0]
        assert sentence.sentence == "Call me back."
        assert sentence.words[0].word == "call" and sentence.words[0].confidence == 0.97  # type: ignore[index]


def test_the_transcription_callback_parses_into_its_model() -> None:
    from vonage_voice_api.models import TranscriptionEvent

    from vonage_voice_client.webhooks import parse_callback

    payload = {
        "status": "transcribed",
        "type": "record",
        "transcription_url": FILE_URL,
        "recording_uuid": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
        "timestamp": "2024-04-19T01:34:18.000Z",
    }
    event = parse_callback(payload, kind="event")
    assert isinstance(event, TranscriptionEvent) and event.transcription_url == FILE_URL
