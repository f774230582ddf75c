"""The log of every event the sandbox produced.

Each event is built when its call changes (its payload by :mod:`.payloads`), kept in :class:`EventLog` (readable at
``/_sandbox/events``) and handed to :mod:`..delivery`, which sends it only to loopback addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .calls import Call
from .clock import format_time
from .record_log import RecordLog

__all__ = ["Event", "EventLog"]


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
