"""The sandbox records: real audio files of the recorded duration, served to the application's JWT only.

Before, a record event carried ``https://api.nexmo.com/v1/files/<id>`` with ``size: 0`` and nothing behind it, and
a record with ``endOnSilence`` let the NCCO run on at once, its event arriving after ``completed``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pytest
import soundfile
from vonage_voice_api.api.calls import create_call
from vonage_voice_api.models import CreateCallRequestNcco, EndpointPhoneTo

from vonage_voice_client import (
    AuthenticationError,
    NotFoundError,
    VoiceClient,
    download_recording,
    download_transcript,
)
from vonage_voice_sandbox import VoiceSandbox
from vonage_voice_sandbox.engine.scenarios import CALLEE_INPUT_AFTER


def place(voice_client: VoiceClient, to: str, ncco: list[Any]) -> str:
    body = CreateCallRequestNcco.from_dict(
        {"to": [{"type": "phone", "number": to}], "random_from_number": True, "ncco": ncco}
    )
    assert isinstance(body.to[0], EndpointPhoneTo)
    return str(create_call.sync(client=voice_client, body=body).uuid)


@pytest.mark.parametrize(("fmt", "content_type"), [("mp3", "audio/mpeg"), ("wav", "audio/wav"), ("ogg", "audio/ogg")])
def test_a_record_with_end_on_silence_holds_the_ncco_and_makes_a_real_file(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, tmp_path: Path, fmt: str, content_type: str
) -> None:
    ncco = [{"action": "record", "format": fmt, "endOnSilence": 3}, {"action": "talk", "text": "Thanks, goodbye."}]
    uuid = place(voice_client, voice_sandbox.number(speech="please call me back"), ncco)
    voice_sandbox.advance(30)

    [recording] = voice_sandbox.recordings(uuid)
    assert recording.duration == pytest.approx(4 * 0.4 + 3)  # four words spoken, then three seconds of silence
    types = [event.type for event in voice_sandbox.events(uuid)]
    assert types.index("record") < types.index("completed"), "the NCCO waited for the record to end"
    target = tmp_path / f"voicemail.{fmt}"
    size = download_recording(voice_client, recording.url, target)
    assert size == recording.size == voice_sandbox.events(uuid, type="record")[0].payload["size"]
    data, rate = soundfile.read(target)
    assert len(data) / rate == pytest.approx(recording.duration, abs=0.1)
    answer = httpx.get(recording.url, headers={"Authorization": f"Bearer {voice_client.auth.token()}"})
    assert answer.headers["content-type"] == content_type


def test_a_split_recording_is_stereo_and_without_end_conditions_runs_to_the_call_end(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient
) -> None:
    ncco = [{"action": "record", "split": "conversation", "format": "wav"}, {"action": "wait", "timeout": 5}]
    uuid = place(voice_client, voice_sandbox.number(), ncco)
    voice_sandbox.advance(30)
    [recording] = voice_sandbox.recordings(uuid)
    assert recording.channels == 2 and recording.duration == pytest.approx(5)
    sink = io.BytesIO()
    download_recording(voice_client, recording.url, sink)
    sink.seek(0)
    assert soundfile.info(sink).channels == 2


def test_a_transcription_is_called_back_and_typed(voice_sandbox: VoiceSandbox, voice_client: VoiceClient) -> None:
    ncco = [{"action": "record", "endOnSilence": 3, "transcription": {"language": "en-US"}}]
    uuid = place(voice_client, voice_sandbox.number(speech="call me back"), ncco)
    voice_sandbox.advance(30)
    [recording] = voice_sandbox.recordings(uuid)
    [event] = voice_sandbox.events(uuid, type="transcription")
    assert event.payload["transcription_url"] == recording.transcript_url
    transcript = download_transcript(voice_client, str(recording.transcript_url))
    assert [w.word for w in transcript.channels[0].transcript[0].words] == ["call", "me", "back"]  # type: ignore[union-attr]


def test_unknown_and_unauthorised_file_ids_are_404_and_401(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, tmp_path: Path
) -> None:
    uuid = place(voice_client, voice_sandbox.number(), [{"action": "record", "timeOut": 3}])
    voice_sandbox.advance(30)
    [recording] = voice_sandbox.recordings(uuid)
    with pytest.raises(NotFoundError):
        download_recording(voice_client, f"{voice_sandbox.base_url}/v1/files/no-such-file", tmp_path / "a.mp3")
    assert httpx.get(recording.url).status_code == 401
    forged = httpx.get(recording.url, headers={"Authorization": "Bearer not.a.jwt"})
    assert forged.status_code == 401
    assert not (tmp_path / "a.mp3").exists()
    with pytest.raises(AuthenticationError):  # a JWT of another key: not the application that recorded
        _wrong_key_download(voice_sandbox, recording.url, tmp_path)


def _wrong_key_download(voice_sandbox: VoiceSandbox, url: str, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from vonage_voice_client import connect

    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with connect(
        application_id=voice_sandbox.application_id, private_key=other, base_url=voice_sandbox.base_url, max_retries=0
    ) as client:
        download_recording(client, url, tmp_path / "b.mp3")


def test_an_input_with_save_audio_keeps_the_speech_as_a_file_named_in_the_input_event(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, tmp_path: Path
) -> None:
    speech = {"endOnSilence": 1, "saveAudio": True}
    ncco = [{"action": "input", "type": ["speech"], "speech": speech}, {"action": "talk", "text": "Thanks."}]
    uuid = place(voice_client, voice_sandbox.number(speech="billing please"), ncco)
    voice_sandbox.advance(30)

    [event] = voice_sandbox.events(uuid, type="input")
    assert event.payload["speech"]["results"][0]["text"] == "billing please"
    [recording] = voice_sandbox.recordings(uuid)
    assert event.payload["speech"]["recording_url"] == recording.url
    assert recording.format == "mp3" and recording.transcript_url is None
    target = tmp_path / "speech.mp3"
    assert download_recording(voice_client, recording.url, target) == recording.size
    data, rate = soundfile.read(target)
    assert len(data) / rate == pytest.approx(recording.duration, abs=0.1)
    assert recording.duration == pytest.approx(CALLEE_INPUT_AFTER + 1)  # the callee spoke, then 1 s of silence


@pytest.mark.parametrize(
    ("callee_speech", "save_audio"), [("billing please", False), (None, True)], ids=["not asked", "nothing said"]
)
def test_an_input_keeps_no_audio_unless_asked_and_something_was_said(
    voice_sandbox: VoiceSandbox, voice_client: VoiceClient, callee_speech: str | None, save_audio: bool
) -> None:
    speech = {"startTimeout": 1, "saveAudio": save_audio}
    number = voice_sandbox.number(speech=callee_speech) if callee_speech else voice_sandbox.number()
    uuid = place(voice_client, number, [{"action": "input", "type": ["speech"], "speech": speech}])
    voice_sandbox.advance(30)
    [event] = voice_sandbox.events(uuid, type="input")
    assert "recording_url" not in event.payload["speech"]
    assert voice_sandbox.recordings(uuid) == []
