"""Event webhook payloads, as Vonage's webhook reference lists them for each status and action.

The engine builds one when a call changes; :mod:`.event_log` keeps it and :mod:`..delivery` sends it.
"""

from __future__ import annotations

from typing import Any, Final

from .calls import NETWORK, RATE, Call, address
from .clock import format_time
from .scenarios import SPEECH_CONFIDENCE

__all__ = [
    "error_payload",
    "input_payload",
    "record_payload",
    "status_payload",
    "transcription_payload",
    "transfer_payload",
]

_SIP_CODES: Final = {"completed": 200, "busy": 486, "cancelled": 487, "timeout": 487, "unanswered": 480}
_WITH_DETAIL: Final = frozenset({"unanswered", "rejected", "failed"})


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


def record_payload(call: Call, started_at: float, at: float, url: str, recording_uuid: str) -> dict[str, Any]:
    """The record event; ``size`` is filled in once the file is encoded, before the event goes out."""
    return {
        "start_time": format_time(started_at),
        "recording_url": url,
        "size": 0,
        "recording_uuid": recording_uuid,
        "end_time": format_time(at),
        "conversation_uuid": call.conversation_uuid,
        "timestamp": format_time(at),
    }


def transcription_payload(call: Call, url: str, recording_uuid: str, at: float) -> dict[str, Any]:
    """The transcription callback (fields as Vonage's .NET SDK types them: docs/recordings.md)."""
    return {
        "status": "transcribed",
        "type": "record",
        "transcription_url": url,
        "recording_uuid": recording_uuid,
        "conversation_uuid": call.conversation_uuid,
        "timestamp": format_time(at),
    }
