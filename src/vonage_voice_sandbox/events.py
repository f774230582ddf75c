"""Event webhook payloads (Vonage's webhook reference) and the log of every event the sandbox produced.

Each event is built when its call changes, kept in :class:`EventLog` (readable at ``/_sandbox/events``) and handed
to :mod:`.delivery`, which sends it only to loopback addresses.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Final

from .calls import NETWORK, RATE, Call, address
from .clock import format_time
from .record_log import RecordLog
from .scenarios import SPEECH_CONFIDENCE

__all__ = ["Event", "EventLog", "input_payload", "status_payload"]

_SIP_CODES: Final = {"completed": 200, "busy": 486, "cancelled": 487, "timeout": 487, "unanswered": 480}
_WITH_DETAIL: Final = frozenset({"unanswered", "rejected", "failed"})


@dataclass
class Event:
    id: int
    kind: str  # a status (started, ringing, ..., human, machine) or input, notify, transfer, error, record
    call_uuid: str | None
    url: str | None  # where it goes: the first URL of the relevant event_url, None when there is none
    method: str
    payload: dict[str, Any]
    created_at: float
    expects_reply: bool = False  # input and notify: a reply that is an NCCO replaces the call's NCCO
    reply_token: int | None = None  # the step the reply belongs to
    delivery: dict[str, Any] = field(default_factory=lambda: {"state": "pending"})

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.kind,
            "call_uuid": self.call_uuid,
            "url": self.url,
            "method": self.method,
            "created_at": format_time(self.created_at),
            "payload": self.payload,
            "delivery": dict(self.delivery),
        }


class EventLog(RecordLog[Event]):
    """The last ``max_events`` events, in the order produced (the oldest dropped first); the CLI's ticker and the
    handlers both add to it."""

    def __init__(self, max_events: int = 20_000) -> None:
        super().__init__(max_events, kind_of=lambda event: event.kind)

    def add(
        self,
        kind: str,
        call: Call | None,
        urls: list[str],
        method: str,
        payload: dict[str, Any],
        at: float,
        *,
        expects_reply: bool = False,
        reply_token: int | None = None,
    ) -> Event:
        return self._append(
            lambda id_: Event(
                id=id_,
                kind=kind,
                call_uuid=None if call is None else call.uuid,
                url=urls[0] if urls else None,
                method=method.upper(),
                payload=payload,
                created_at=at,
                expects_reply=expects_reply,
                reply_token=reply_token,
            )
        )


def status_payload(call: Call, status: str, at: float) -> dict[str, Any]:
    """The event for a status change, with the fields the webhook reference lists for that status."""
    if status in ("human", "machine"):
        return _detection_payload(call, status, at)
    payload: dict[str, Any] = {
        "from": address(call.from_),
        "to": address(call.to),
        "uuid": call.uuid,
        "conversation_uuid": call.conversation_uuid,
        "status": status,
        "direction": "outbound",
        "timestamp": format_time(at),
    }
    if status == "answered":
        payload.update(start_time=format_time(at), rate=RATE, network="")
    elif status == "completed":
        payload.update(_completed_fields(call))
    if status in _WITH_DETAIL and call.detail:
        payload["detail"] = call.detail
    sip_code = call.scenario.sip_code if status in _WITH_DETAIL else _SIP_CODES.get(status)
    if sip_code is not None and status not in ("started", "ringing", "answered"):
        payload["sip_code"] = sip_code
    return payload


def _completed_fields(call: Call) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "end_time": format_time(call.ended_at or 0.0),
        "network": NETWORK,
        "duration": str(call.duration or 0),
        "rate": RATE,
        "price": call.price or "0.00000000",
        "disconnected_by": call.disconnected_by or "platform",
    }
    if call.answered_at is not None:
        fields["start_time"] = format_time(call.answered_at)
    return fields


def _detection_payload(call: Call, status: str, at: float) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "call_uuid": call.uuid,  # not `uuid`: the webhook reference; D37 in overlays/README.md
        "from": address(call.from_),
        "to": address(call.to),
        "status": status,
        "conversation_uuid": call.conversation_uuid,
        "timestamp": format_time(at),
    }
    mode = (call.request.get("advanced_machine_detection") or {}).get("mode")
    if status == "machine" and mode in ("default", "detect_beep"):
        payload["sub_state"] = "beep_start"
    return payload


def input_payload(
    call: Call, at: float, action: dict[str, Any], digits: str | None, timed_out: bool, speech: str | None = None
) -> dict[str, Any]:
    """The input event: DTMF digits (or a time-out), and the speech result when speech was asked for: what a scripted
    callee said, or nothing (``start_timeout``)."""
    payload: dict[str, Any] = {
        "from": address(call.from_),
        "to": address(call.to),
        "uuid": call.uuid,
        "conversation_uuid": call.conversation_uuid,
        "timestamp": format_time(at),
        "dtmf": {"digits": digits, "timed_out": timed_out},
    }
    kinds = action.get("type")
    if isinstance(kinds, list) and "speech" in kinds and speech is not None:
        result = {"text": speech, "confidence": SPEECH_CONFIDENCE}
        payload["speech"] = {"timeout_reason": "end_on_silence_timeout", "results": [result]}
    elif isinstance(kinds, list) and "speech" in kinds:
        payload["speech"] = {"timeout_reason": "start_timeout", "results": []}
    return payload


def transfer_payload(call: Call, old_conversation: str, at: float) -> dict[str, Any]:
    return {
        "conversation_uuid_from": old_conversation,
        "conversation_uuid_to": call.conversation_uuid,
        "uuid": call.uuid,
        "timestamp": format_time(at),
    }


def error_payload(call: Call, reason: str, at: float) -> dict[str, Any]:
    return {"reason": reason, "conversation_uuid": call.conversation_uuid, "timestamp": format_time(at)}


def record_payload(call: Call, recording: dict[str, Any], at: float) -> dict[str, Any]:
    recording_uuid = str(uuid.uuid4())
    return {
        "start_time": format_time(recording["started_at"]),
        "recording_url": f"https://api.nexmo.com/v1/files/{uuid.uuid4()}",
        "size": 0,
        "recording_uuid": recording_uuid,
        "end_time": format_time(at),
        "conversation_uuid": call.conversation_uuid,
        "timestamp": format_time(at),
    }
