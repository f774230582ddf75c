"""The application's side of the audio WebSocket: the handshake check, typed messages, commands and framing."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import jwt
import pytest

from vonage_voice_client.webhooks import (
    InvalidSignatureError,
    JtiCache,
    MissingTokenError,
    ReplayedTokenError,
    TokenExpiredError,
)
from vonage_voice_client.websocket import (
    Cleared,
    Connected,
    Dtmf,
    MalformedMessageError,
    Notified,
    UnknownMessage,
    audio_frames,
    clear,
    frame_size,
    notify,
    parse_message,
    verify_handshake,
)

SECRET = "a-signature-secret-of-32-bytes-or-more"


def handshake(secret: str = SECRET, **claims: Any) -> str:
    payload = {"iat": int(time.time()), "jti": str(uuid.uuid4()), "iss": "Vonage", "application_id": "app", **claims}
    return "Bearer " + jwt.encode(payload, secret, algorithm="HS256")


def test_a_handshake_signed_with_the_secret_verifies_without_a_payload_hash() -> None:
    claims = verify_handshake(handshake(), SECRET)
    assert claims.issuer == "Vonage" and claims.application_id == "app" and "payload_hash" not in claims


@pytest.mark.parametrize(
    ("header", "error"),
    [
        (None, MissingTokenError),
        (handshake("another-secret-of-32-bytes-or-more!"), InvalidSignatureError),
        (handshake(iat=int(time.time()) - 3600), TokenExpiredError),
    ],
)
def test_a_bad_handshake_is_refused_with_the_webhook_errors(header: str | None, error: type[Exception]) -> None:
    with pytest.raises(error):
        verify_handshake(header, SECRET)


def test_a_replayed_handshake_is_refused() -> None:
    cache, header = JtiCache(), handshake()
    verify_handshake(header, SECRET, replay_cache=cache)
    with pytest.raises(ReplayedTokenError):
        verify_handshake(header, SECRET, replay_cache=cache)


def test_text_events_are_typed_and_unknown_ones_kept() -> None:
    connected = parse_message('{"event":"websocket:connected","content-type":"audio/l16;rate=8000","lang":"en"}')
    assert connected == Connected("audio/l16;rate=8000", {"lang": "en"}) and connected.rate == 8000
    assert parse_message('{"event":"websocket:cleared"}') == Cleared()
    assert parse_message('{"event":"websocket:notify","payload":{"n":1}}') == Notified({"n": 1})
    assert parse_message('{"event":"websocket:dtmf","digit":"5","duration":260}') == Dtmf("5", 260)
    assert parse_message('{"event":"websocket:new","x":1}') == UnknownMessage(
        "websocket:new", {"event": "websocket:new", "x": 1}
    )
    with pytest.raises(MalformedMessageError):
        parse_message("[1, 2]")


def test_commands_are_the_documented_json() -> None:
    assert json.loads(clear()) == {"action": "clear"}
    assert json.loads(notify({"id": 7})) == {"action": "notify", "payload": {"id": 7}}


@pytest.mark.parametrize(("rate", "size"), [(8000, 320), (16000, 640), (24000, 960)])
def test_pcm_is_cut_into_20_ms_frames_padded_with_silence(rate: int, size: int) -> None:
    assert frame_size(rate) == size
    frames = list(audio_frames(b"\x01\x00" * (rate // 50 + 1), rate))  # one frame and one sample
    assert [len(f) for f in frames] == [size, size] and frames[1] == b"\x01\x00" + bytes(size - 2)


def test_a_rate_vonage_does_not_use_is_refused() -> None:
    with pytest.raises(ValueError, match="44100"):
        frame_size(44100)
