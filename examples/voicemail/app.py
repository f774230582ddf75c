"""A voicemail on Starlette: a greeting, a beep, the message recorded until the caller falls silent, and the
recording and its transcript saved.

    app = create_app(signature_secret=..., client=connect(), folder=Path("voicemail"))   # uvicorn, behind HTTPS

    GET  /answer         talk, then record (beep, end on 3 s of silence, transcription)
    POST /recording      the record event: the recording is downloaded to ``folder/<recording_uuid>.<format>``
    POST /transcription  the transcription callback: the transcript is downloaded and kept (``app.state.transcripts``)
    POST /event          call progress events

Every webhook is verified and parsed by :func:`vonage_voice_client.webhooks.event_from_request`; the files are
fetched with :func:`vonage_voice_client.adownload_recording` and :func:`vonage_voice_client.adownload_transcript`,
which send the application JWT only to Vonage's API hosts (or the sandbox the client is connected to).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Final

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from vonage_voice_api.models import RecordAction, RecordEvent, TalkAction, Transcription, TranscriptionEvent

from vonage_voice_client import VoiceClient, WebhookVerificationError, adownload_recording, adownload_transcript
from vonage_voice_client.webhooks import event_from_request

__all__ = ["GREETING", "create_app"]

GREETING: Final = "You have reached Example Corp. Please leave a message after the beep."


def create_app(*, signature_secret: str, client: VoiceClient, folder: Path, public_url: str | None = None) -> Starlette:
    """The voicemail's webhooks; recordings are saved in ``folder``."""

    def base(request: Request) -> str:
        return (public_url or str(request.base_url)).rstrip("/")

    async def answer(request: Request) -> Response:
        try:
            await event_from_request(request, signature_secret, kind="answer")
        except WebhookVerificationError:
            return Response(status_code=401)
        record = RecordAction(
            end_on_silence=3,
            beep_start=True,
            event_url=[f"{base(request)}/recording"],
            transcription=Transcription.from_dict(
                {"language": "en-US", "eventUrl": [f"{base(request)}/transcription"]}
            ),
        )
        return JSONResponse([TalkAction(text=GREETING).to_dict(), record.to_dict()])

    async def recording(request: Request) -> Response:
        try:
            event = await event_from_request(request, signature_secret, kind="event")
        except WebhookVerificationError:
            return Response(status_code=401)
        if isinstance(event, RecordEvent):
            target = folder / f"{event.recording_uuid}.mp3"
            await adownload_recording(client, event.recording_url, target)
            request.app.state.recordings.append(target)
        return Response(status_code=204)

    async def transcription(request: Request) -> Response:
        try:
            event = await event_from_request(request, signature_secret, kind="event")
        except WebhookVerificationError:
            return Response(status_code=401)
        if isinstance(event, TranscriptionEvent):
            request.app.state.transcripts.append(await adownload_transcript(client, event.transcription_url))
        return Response(status_code=204)

    async def progress(request: Request) -> Response:
        try:
            await event_from_request(request, signature_secret, kind="event")
        except WebhookVerificationError:
            return Response(status_code=401)
        return Response(status_code=204)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        # The downloads' connections belong to this server's event loop: closed in it, before it ends.
        await client.aclose()

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/answer", answer, methods=["GET"]),
            Route("/recording", recording, methods=["POST"]),
            Route("/transcription", transcription, methods=["POST"]),
            Route("/event", progress, methods=["POST"]),
        ],
    )
    app.state.recordings, app.state.transcripts = [], []
    return app
