"""The voicemail tested with the public fixtures only: the sandbox calls it, a scripted callee leaves a message,
and the app saves a recording a standard decoder reads and a typed transcript of the words said."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile
from vonage_voice_api.api.calls import create_call
from vonage_voice_api.models import CreateCallRequestAnswerUrl, EndpointPhoneTo

from examples.voicemail.app import create_app
from vonage_voice_client import VoiceClient, value_or
from vonage_voice_sandbox import ServeApp, VoiceSandbox

MP3_DELAY = 0.15  # an mp3 encoder pads the start (and the last frame): decoders may return that much more


def test_a_message_is_saved_with_its_duration_and_transcript(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp, tmp_path: Path
) -> None:
    app = create_app(signature_secret=voice_sandbox.signature_secret, client=voice_client, folder=tmp_path)
    base = voice_webhook_server(app)
    body = CreateCallRequestAnswerUrl(
        to=[EndpointPhoneTo(number=voice_sandbox.number(speech="please call me back"))],
        random_from_number=True,
        answer_url=[f"{base}/answer"],
        event_url=[f"{base}/event"],
    )
    uuid = create_call.sync(client=voice_client, body=body).uuid
    voice_sandbox.advance(60)

    [recording] = voice_sandbox.recordings(uuid)
    [saved] = app.state.recordings
    assert saved.stat().st_size == recording.size
    data, rate = soundfile.read(saved)
    assert len(data) / rate == pytest.approx(recording.duration, abs=0.1 + MP3_DELAY)
    [transcript] = app.state.transcripts
    words = [word.word for s in transcript.channels[0].transcript for word in value_or(s.words, [])]
    assert words == ["please", "call", "me", "back"]


def test_a_forged_record_event_downloads_nothing(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, voice_webhook_server: ServeApp, tmp_path: Path
) -> None:
    import httpx

    app = create_app(signature_secret=voice_sandbox.signature_secret, client=voice_client, folder=tmp_path)
    base = voice_webhook_server(app)
    forged = {"recording_url": "https://evil.example/v1/files/x", "recording_uuid": "x", "timestamp": "t"}
    assert httpx.post(f"{base}/recording", json=forged).status_code == 401
    assert list(tmp_path.iterdir()) == []
