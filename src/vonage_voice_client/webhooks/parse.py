"""Turn a Voice callback payload (answer webhook or event) into its generated model.

The payload kind is read from the payload itself, the way the Voice API tells them apart: a ``status`` names the
call-status event (a ``transcription_url`` is the transcription callback, whatever its ``status``); otherwise
``recording_url`` is a record event, ``dtmf``/``speech`` an input event,
``conversation_uuid_from`` a transfer, ``reason`` an error, and ``to``/``uuid`` without ``timestamp`` the answer
webhook. A notify event carries only the application's own payload, so it is parsed only when asked for with
``kind="notify"``. This module names the webhook models, which the runtime may do (webhooks are not operations).

Tolerant reader: Vonage adds statuses, details and fields between spec releases, and a webhook handler must not
fail on them. A known status with a value the spec does not list yet (a new ``detail``, say) parses into its model
with the value kept (the generated event models read enum fields as "known value or string"); an unknown status, or
a payload of no known kind that still names its call, parses into :class:`UnknownEvent`, which keeps the common
fields and the whole payload.
"""

from __future__ import annotations

import json
import keyword
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, overload

import attrs
from vonage_voice_api.models import (
    AnsweredEvent,
    AnswerWebhook,
    BusyEvent,
    CancelledEvent,
    CompletedEvent,
    DisconnectedEvent,
    ErrorEvent,
    FailedEvent,
    HumanEvent,
    InputEvent,
    MachineEvent,
    NotifyEvent,
    RecordEvent,
    RejectedEvent,
    RingingEvent,
    StartedEvent,
    TimeoutEvent,
    TranscriptionEvent,
    TransferEvent,
    UnansweredEvent,
)

from ..errors import VonageVoiceError
from ._payload import QueryInput, UnreadablePayload, query_pairs, unique


@dataclass(frozen=True)
class UnknownEvent:
    """A callback of a status or kind this client does not know yet, kept whole.

    ``status``, ``uuid``, ``conversation_uuid`` and ``timestamp`` are read when present (as sent, strings);
    ``payload`` is everything that was received.
    """

    status: str | None
    uuid: str | None
    conversation_uuid: str | None
    timestamp: str | None
    payload: dict[str, Any] = field(repr=False)

    @classmethod
    def from_dict(cls, payload: Mapping[str, Any]) -> UnknownEvent:
        def text(name: str) -> str | None:
            value = payload.get(name)
            return None if value is None else str(value)

        return cls(text("status"), text("uuid"), text("conversation_uuid"), text("timestamp"), dict(payload))

    def to_dict(self) -> dict[str, Any]:
        """The payload as received (as every callback model's ``to_dict()`` gives its JSON form)."""
        return dict(self.payload)


CallbackKind = Literal["answer", "event", "notify"]
CallEvent = (
    AnsweredEvent
    | BusyEvent
    | CancelledEvent
    | CompletedEvent
    | DisconnectedEvent
    | ErrorEvent
    | FailedEvent
    | HumanEvent
    | InputEvent
    | MachineEvent
    | RecordEvent
    | RejectedEvent
    | RingingEvent
    | StartedEvent
    | TimeoutEvent
    | TranscriptionEvent
    | TransferEvent
    | UnansweredEvent
    | UnknownEvent
)
"""What an event webhook (``kind="event"``) parses to: a status event, input, record, transfer, error, or an
event of a kind this client does not know yet."""
Callback = AnswerWebhook | NotifyEvent | CallEvent
"""What :func:`parse_callback` may return."""


STATUS_EVENTS: dict[str, type[Callback]] = {
    "started": StartedEvent,
    "ringing": RingingEvent,
    "answered": AnsweredEvent,
    "busy": BusyEvent,
    "cancelled": CancelledEvent,
    "unanswered": UnansweredEvent,
    "rejected": RejectedEvent,
    "failed": FailedEvent,
    "timeout": TimeoutEvent,
    "disconnected": DisconnectedEvent,
    "completed": CompletedEvent,
    "human": HumanEvent,
    "machine": MachineEvent,
}


class CallbackParseError(VonageVoiceError, ValueError):
    """The payload is not a Voice callback this client knows, or does not match its schema."""


@overload
def parse_callback(
    body: bytes | str | Mapping[str, Any] | None = None, *, query: QueryInput | None = None, kind: Literal["answer"]
) -> AnswerWebhook: ...
@overload
def parse_callback(
    body: bytes | str | Mapping[str, Any] | None = None, *, query: QueryInput | None = None, kind: Literal["notify"]
) -> NotifyEvent: ...
@overload
def parse_callback(
    body: bytes | str | Mapping[str, Any] | None = None, *, query: QueryInput | None = None, kind: Literal["event"]
) -> CallEvent: ...
@overload
def parse_callback(
    body: bytes | str | Mapping[str, Any] | None = None, *, query: QueryInput | None = None, kind: None = None
) -> Callback: ...
def parse_callback(
    body: bytes | str | Mapping[str, Any] | None = None,
    *,
    query: QueryInput | None = None,
    kind: CallbackKind | None = None,
) -> Callback:
    """The typed model of a callback: give the JSON ``body`` (POST) or the ``query`` (GET callbacks).

    Verify the callback first with :func:`vonage_voice_client.webhooks.verify_callback`; this only parses.
    """
    payload = _payload(body, query)
    model = _model_for(payload, kind)
    if not body and query is not None:
        payload = _query_objects(model, payload)
    try:
        return model.from_dict(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CallbackParseError(f"payload does not match {model.__name__}: {type(exc).__name__}: {exc}") from exc


def _payload(body: bytes | str | Mapping[str, Any] | None, query: QueryInput | None) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    if body:
        try:
            payload = json.loads(body)
        except ValueError as exc:
            raise CallbackParseError(f"callback body is not JSON: {exc}") from None
        except RecursionError:  # the decoder recurses per level; no callback nests more than a few levels
            raise CallbackParseError("callback body is nested too deeply to be a Voice callback") from None
        if not isinstance(payload, dict):
            raise CallbackParseError(f"callback body is a JSON {type(payload).__name__}, not an object")
        return payload
    if query is not None:
        return query_object(query)
    raise CallbackParseError("no payload: pass the callback body (POST) or its query (GET)")


def _query_objects(model: type[Callback], payload: dict[str, Any]) -> dict[str, Any]:
    """A GET callback carries strings only, so an object (``custom_data``, an input's ``dtmf``) arrives as compact
    JSON: read it as the object it is where the model expects an object, and leave any other string as it came."""
    expects = _object_fields(model)
    found = dict(payload)
    for name, value in payload.items():
        wanted = expects.get(name)
        if wanted is None or not isinstance(value, str) or value[:1] not in "{[":
            continue
        try:
            decoded = json.loads(value)
        except (ValueError, RecursionError):
            continue  # not JSON after all: the model says what is wrong with it
        if isinstance(decoded, wanted):
            found[name] = decoded
    return found


_ObjectFields = dict[str, type[dict[str, Any]] | type[list[Any]]]
_object_fields_of: dict[str, _ObjectFields] = {}


def _object_fields(model: type[Any]) -> _ObjectFields:
    """The payload names whose value the model reads as an object (a nested model or a dict) or an array."""
    known = _object_fields_of.get(model.__qualname__)
    if known is None:
        known = _object_fields_of[model.__qualname__] = _read_object_fields(model)
    return known


def _read_object_fields(model: type[Any]) -> _ObjectFields:
    if not attrs.has(model):
        return {}
    hints = typing.get_type_hints(model)
    fields: _ObjectFields = {}
    for attribute in attrs.fields(model):
        if attribute.name == "additional_properties":
            continue
        name = (
            attribute.name.removesuffix("_") if keyword.iskeyword(attribute.name.removesuffix("_")) else attribute.name
        )
        for option in typing.get_args(hints[attribute.name]) or (hints[attribute.name],):
            origin = typing.get_origin(option) or option
            if hasattr(option, "from_dict") or origin is dict:
                fields[name] = dict
            elif origin is list:
                fields[name] = list
    return fields


def _model_for(payload: Mapping[str, Any], kind: CallbackKind | None) -> type[Callback]:
    if kind == "notify":
        return NotifyEvent
    if kind == "answer":
        return AnswerWebhook
    if "transcription_url" in payload:  # before `status`: the transcription callback says "transcribed"
        return TranscriptionEvent
    status = payload.get("status")
    if status is not None:
        return STATUS_EVENTS.get(str(status), UnknownEvent)
    for key, model in (
        ("recording_url", RecordEvent),
        ("dtmf", InputEvent),
        ("speech", InputEvent),
        ("conversation_uuid_from", TransferEvent),
        ("reason", ErrorEvent),
    ):
        if key in payload:
            return model
    if kind is None and "timestamp" not in payload and "uuid" in payload and "to" in payload:
        return AnswerWebhook
    if any(key in payload for key in ("uuid", "conversation_uuid", "call_uuid")):
        return UnknownEvent  # names its call: a kind of event newer than this client
    raise CallbackParseError(f"cannot tell which callback this is (fields: {', '.join(sorted(payload))})")


def query_object(query: QueryInput) -> dict[str, Any]:
    """A GET callback's query as an object, parameters in received order. A name given twice is refused, as
    :func:`~vonage_voice_client.webhooks.verify_callback` refuses it: frameworks disagree on which value wins."""
    try:
        return unique(query_pairs(query), "the query")
    except UnreadablePayload as exc:
        raise CallbackParseError(str(exc)) from None
