"""Every operation, through the sync and the async client, against the sandbox over loopback.

Uses the package's own pytest plugin fixtures (``voice_sandbox``, ``voice_client``), as a user's suite would.
"""

from __future__ import annotations

from typing import Any

import pytest
from vonage_voice_api.api.calls import create_call, get_call, get_calls, update_call
from vonage_voice_api.api.dtmf import start_dtmf, subscribe_dtmf, unsubscribe_dtmf
from vonage_voice_api.api.play_tts import start_talk, stop_talk
from vonage_voice_api.api.stream_audio import start_stream, stop_stream
from vonage_voice_api.models import (
    CallList,
    CreateCallRequestNcco,
    DtmfRequest,
    EndpointPhoneFrom,
    EndpointPhoneTo,
    Hangup,
    Mute,
    StartStreamRequest,
    StartTalkRequest,
    SubscribeDtmfRequest,
    TalkAction,
    TransferWithNcco,
    TransferWithNccoDestination,
)
from vonage_voice_api.types import Unset

from vonage_voice_client import NotFoundError, ValidationError, VoiceClient, iter_calls

LONG_TEXT = "Please hold. " * 60  # a talk that lasts long enough for every in-call operation


def uuids_in(page: CallList) -> list[str]:
    embedded = page.embedded
    assert not isinstance(embedded, Unset) and not isinstance(embedded.calls, Unset)
    return [str(call.uuid) for call in embedded.calls]


def new_call(client: VoiceClient) -> str:
    body = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="14155550100")],
        from_=EndpointPhoneFrom(number="14155550199"),
        ncco=[TalkAction(text=LONG_TEXT)],
    )
    created = create_call.sync(client=client, body=body)
    assert created.status == "started" and str(created.conversation_uuid).startswith("CON-")
    return str(created.uuid)


def in_call_operations(uuid: str) -> list[tuple[str, Any, dict[str, Any]]]:
    transfer = TransferWithNcco(destination=TransferWithNccoDestination(ncco=[TalkAction(text=LONG_TEXT)]))
    return [
        ("getCall", get_call, {}),
        ("startTalk", start_talk, {"body": StartTalkRequest(text="Hello")}),
        ("stopTalk", stop_talk, {}),
        ("startStream", start_stream, {"body": StartStreamRequest(stream_url=["https://example.com/hold.mp3"])}),
        ("stopStream", stop_stream, {}),
        ("startDTMF", start_dtmf, {"body": DtmfRequest(digits="1234#")}),
        ("subscribeDTMF", subscribe_dtmf, {"body": SubscribeDtmfRequest(event_url=["https://example.com/dtmf"])}),
        ("unsubscribeDTMF", unsubscribe_dtmf, {}),
        ("updateCall mute", update_call, {"body": Mute()}),
        ("updateCall transfer", update_call, {"body": transfer}),
        ("updateCall hangup", update_call, {"body": Hangup()}),
    ]


def test_every_operation_sync(voice_sandbox: Any, voice_client: VoiceClient) -> None:
    uuid = new_call(voice_client)
    voice_sandbox.advance(5)  # ringing, then answered: in-call operations need an active call
    for name, module, kwargs in in_call_operations(uuid):
        result = module.sync(uuid, client=voice_client, **kwargs)
        if hasattr(result, "uuid"):
            assert str(result.uuid) == uuid, name
    assert get_call.sync(uuid, client=voice_client).status == "completed"
    listed = get_calls.sync(client=voice_client, page_size=100)
    assert uuid in uuids_in(listed)


async def test_every_operation_async(voice_sandbox: Any, voice_client: VoiceClient) -> None:
    body = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="14155550100")],
        from_=EndpointPhoneFrom(number="14155550199"),
        ncco=[TalkAction(text=LONG_TEXT)],
    )
    created = await create_call.asyncio(client=voice_client, body=body)
    uuid = str(created.uuid)
    voice_sandbox.advance(5)
    for name, module, kwargs in in_call_operations(uuid):
        result = await module.asyncio(uuid, client=voice_client, **kwargs)
        if hasattr(result, "uuid"):
            assert str(result.uuid) == uuid, name
    record = await get_call.asyncio(uuid, client=voice_client)
    assert record.status == "completed"
    # the REST transfer moved the leg into a new conversation (the transfer event's conversation_uuid_to)
    page = await get_calls.asyncio(client=voice_client, conversation_uuid=record.conversation_uuid)
    assert uuids_in(page) == [uuid]


def test_errors_from_the_sandbox_are_typed(voice_sandbox: Any, voice_client: VoiceClient) -> None:
    with pytest.raises(NotFoundError) as missing:
        get_call.sync("00000000-0000-4000-8000-000000000000", client=voice_client)
    assert missing.value.trace_id, "the sandbox sends X-Nexmo-Trace-Id like the API"
    uuid = new_call(voice_client)
    voice_sandbox.advance(5)
    update_call.sync(uuid, client=voice_client, body=Hangup())
    with pytest.raises((ValidationError, NotFoundError)):
        start_talk.sync(uuid, client=voice_client, body=StartTalkRequest(text="too late"))


def test_pagination_against_the_sandbox(voice_sandbox: Any, voice_client: VoiceClient) -> None:
    voice_sandbox.reset()
    made = {new_call(voice_client) for _ in range(23)}
    seen = [str(call.uuid) for call in iter_calls(voice_client, page_size=10)]
    assert sorted(seen) == sorted(made)
