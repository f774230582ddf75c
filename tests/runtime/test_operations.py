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
    Call,
    CallList,
    CreateCallRequestNcco,
    DtmfRequest,
    DtmfResponse,
    EndpointPhoneFrom,
    EndpointPhoneTo,
    Hangup,
    Mute,
    StartStreamRequest,
    StartStreamResponse,
    StartTalkRequest,
    StartTalkResponse,
    StopStreamResponse,
    StopTalkResponse,
    SubscribeDtmfRequest,
    TalkAction,
    TransferWithNcco,
    TransferWithNccoDestination,
)
from vonage_voice_api.types import Unset

from vonage_voice_client import NotFoundError, ValidationError, VoiceClient, iter_calls
from vonage_voice_sandbox import VoiceSandbox

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


# (name, operation, arguments, what it returns: (model type, message) or None, what the sandbox records)
InCall = tuple[str, Any, dict[str, Any], tuple[type, str | None] | None, str | None]


def in_call_operations() -> list[InCall]:
    transfer = TransferWithNcco(destination=TransferWithNccoDestination(ncco=[TalkAction(text=LONG_TEXT)]))
    dtmf_url = SubscribeDtmfRequest(event_url=["https://example.com/dtmf"])
    stream = StartStreamRequest(stream_url=["https://example.com/hold.mp3"])
    return [
        ("getCall", get_call, {}, (Call, None), None),
        ("startTalk", start_talk, {"body": StartTalkRequest(text="Hello")}, (StartTalkResponse, "Talk started"),
         "talk:start"),
        ("stopTalk", stop_talk, {}, (StopTalkResponse, "Talk stopped"), "talk:stop"),
        ("startStream", start_stream, {"body": stream}, (StartStreamResponse, "Stream started"), "stream:start"),
        ("stopStream", stop_stream, {}, (StopStreamResponse, "Stream stopped"), "stream:stop"),
        ("startDTMF", start_dtmf, {"body": DtmfRequest(digits="1234#")}, (DtmfResponse, "DTMF sent"), "dtmf"),
        ("subscribeDTMF", subscribe_dtmf, {"body": dtmf_url}, None, "dtmf:subscribe"),
        ("unsubscribeDTMF", unsubscribe_dtmf, {}, None, "dtmf:unsubscribe"),
        ("updateCall mute", update_call, {"body": Mute()}, None, "mute"),
        ("updateCall transfer", update_call, {"body": transfer}, None, "transfer"),
        ("updateCall hangup", update_call, {"body": Hangup()}, None, "hangup"),
    ]  # fmt: skip


def check_result(name: str, result: Any, expected: tuple[type, str | None] | None, uuid: str) -> None:
    """The operation answered what its spec response says: a model of its type for this call, or nothing."""
    if expected is None:
        assert result is None, name
        return
    model, message = expected
    assert type(result) is model, f"{name}: {result!r}"
    assert str(getattr(result, "uuid", None)) == uuid, name
    if message is not None:
        assert getattr(result, "message", None) == message, name


def check_effects(sandbox: VoiceSandbox, uuid: str) -> None:
    """Each operation reached the sandbox and did what it says: the call's controls, in order, and the hangup."""
    expected = [control for *_, control in in_call_operations() if control is not None]
    seen = sandbox.call(uuid)
    assert [control["action"] for control in seen["controls"]] == expected
    assert seen["muted"] is True and seen["dtmf_listener"] is None
    assert seen["record"]["status"] == "completed"


def test_every_operation_sync(voice_sandbox: VoiceSandbox, voice_client: VoiceClient) -> None:
    uuid = new_call(voice_client)
    voice_sandbox.advance(5)  # ringing, then answered: in-call operations need an active call
    for name, module, kwargs, expected, _ in in_call_operations():
        check_result(name, module.sync(uuid, client=voice_client, **kwargs), expected, uuid)
    check_effects(voice_sandbox, uuid)
    assert get_call.sync(uuid, client=voice_client).status == "completed"
    listed = get_calls.sync(client=voice_client, page_size=100)
    assert uuid in uuids_in(listed)


async def test_every_operation_async(voice_sandbox: VoiceSandbox, voice_client: VoiceClient) -> None:
    # async with: closes the async connections too (the fixture's with-block closes only the sync ones)
    async with voice_client:
        body = CreateCallRequestNcco(
            to=[EndpointPhoneTo(number="14155550100")],
            from_=EndpointPhoneFrom(number="14155550199"),
            ncco=[TalkAction(text=LONG_TEXT)],
        )
        created = await create_call.asyncio(client=voice_client, body=body)
        uuid = str(created.uuid)
        voice_sandbox.advance(5)
        for name, module, kwargs, expected, _ in in_call_operations():
            check_result(name, await module.asyncio(uuid, client=voice_client, **kwargs), expected, uuid)
        check_effects(voice_sandbox, uuid)
        record = await get_call.asyncio(uuid, client=voice_client)
        assert record.status == "completed"
        # the REST transfer moved the leg into a new conversation (the transfer event's conversation_uuid_to)
        page = await get_calls.asyncio(client=voice_client, conversation_uuid=record.conversation_uuid)
        assert uuids_in(page) == [uuid]


def test_errors_from_the_sandbox_are_typed(voice_sandbox: VoiceSandbox, voice_client: VoiceClient) -> None:
    with pytest.raises(NotFoundError) as missing:
        get_call.sync("00000000-0000-4000-8000-000000000000", client=voice_client)
    assert missing.value.status_code == 404
    assert missing.value.trace_id, "the sandbox sends X-Nexmo-Trace-Id like the API"
    uuid = new_call(voice_client)
    voice_sandbox.advance(5)
    update_call.sync(uuid, client=voice_client, body=Hangup())
    # A control on a call that has ended: the API's 400 for a call that is not active (not a 404: the call exists).
    with pytest.raises(ValidationError) as ended:
        start_talk.sync(uuid, client=voice_client, body=StartTalkRequest(text="too late"))
    assert ended.value.status_code == 400
    assert "completed" in str(ended.value)
    assert ended.value.trace_id


def test_pagination_against_the_sandbox(voice_sandbox: Any, voice_client: VoiceClient) -> None:
    voice_sandbox.reset()
    made = {new_call(voice_client) for _ in range(23)}
    seen = [str(call.uuid) for call in iter_calls(voice_client, page_size=10)]
    assert sorted(seen) == sorted(made)
