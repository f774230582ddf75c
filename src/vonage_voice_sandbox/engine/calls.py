"""A call leg's state, and its REST record (the getCall / getCalls item)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from .clock import format_time
from .scenarios import Scenario

__all__ = ["ACTIVE", "RATE", "Call", "Step", "address", "append_capped"]

RATE: Final = "0.10000000"  # EUR per minute, in the API's 8-decimal string form, as real records carry
NETWORK: Final = "23420"  # an MCCMNC, as REST records carry
RANDOM_FROM: Final = "447700900000"  # the number random_from_number picks among the pretend application's numbers
ACTIVE: Final = frozenset({"started", "ringing", "answered"})
BEFORE_ANSWER: Final = frozenset({"started", "ringing"})


@dataclass
class Step:
    """The NCCO action in progress and what it waits for."""

    index: int
    action: dict[str, Any]
    started_at: float
    waiting: str  # "timer" (talk, stream, wait), "digits" (input), "reply" (event reply), "ncco" (fetch), "hold"
    ends_at: float | None = None
    digits: str = ""
    speech: str | None = None  # what a scripted callee said during a speech input
    token: int = 0  # identifies this step, so a late webhook answer for an earlier step is ignored

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "action": self.action,
            "started_at": format_time(self.started_at),
            "waiting": self.waiting,
            "ends_at": None if self.ends_at is None else format_time(self.ends_at),
            "digits": self.digits,
        }


@dataclass
class Call:
    uuid: str
    conversation_uuid: str
    to: dict[str, Any]
    from_: dict[str, Any]
    scenario: Scenario
    created_at: float
    request: dict[str, Any]  # the create request as validated (defaults from the spec filled in)
    ncco: list[Any] | None
    status: str = "started"
    detail: str | None = None
    answered_at: float | None = None
    ended_at: float | None = None
    disconnected_by: str | None = None
    muted: bool = False
    earmuffed: bool = False
    step: Step | None = None
    timers: dict[str, int] = field(default_factory=dict)  # timer kind -> sequence number of the live timer
    history: list[dict[str, Any]] = field(default_factory=list)
    controls: list[dict[str, Any]] = field(default_factory=list)
    talk: dict[str, Any] | None = None
    stream: dict[str, Any] | None = None
    dtmf_listener: list[str] | None = None
    async_input: dict[str, Any] | None = None  # the asynchronous input action whose digits go out one by one
    recordings: list[dict[str, Any]] = field(default_factory=list)  # finished: url, format, duration, size...
    open_records: list[tuple[dict[str, Any], float]] = field(default_factory=list)  # (action, started) to call end
    callee_dtmf: list[str] = field(default_factory=list)  # what a scripted callee has left to press, input by input
    callee_speech: list[str] = field(default_factory=list)  # and to say
    callee_audio: tuple[bytes, int] | None = None  # what a scripted callee says into a WebSocket: (PCM, rate)
    seq: int = 0  # creation order in this sandbox: the cursor of /_sandbox/calls pages
    instant_steps: int = 0  # NCCO actions started since the NCCO last took time (see Limits.max_instant_steps)
    errors: list[dict[str, Any]] = field(default_factory=list)  # why the sandbox ended it, or an NCCO failed

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def event_url(self) -> list[str]:
        return list(self.request.get("event_url") or [])

    @property
    def event_method(self) -> str:
        return str(self.request.get("event_method") or "POST")

    @property
    def duration(self) -> int | None:
        if self.answered_at is None or self.ended_at is None:
            return None
        return round(self.ended_at - self.answered_at)

    @property
    def price(self) -> str | None:
        duration = self.duration
        return None if duration is None else f"{float(RATE) * duration / 60:.8f}"

    def record(self, prefix: str) -> dict[str, Any]:
        """The call as getCall returns it; money and times appear as the call gets that far (spec descriptions)."""
        record: dict[str, Any] = {
            "_links": {"self": {"href": f"{prefix}/{self.uuid}"}},
            "uuid": self.uuid,
            "conversation_uuid": self.conversation_uuid,
            "to": self.to,
            "from": self.from_,
            "status": self.status,
            "direction": "outbound",
        }
        if self.answered_at is not None:
            record["start_time"] = format_time(self.answered_at)
        if self.status == "completed" and self.ended_at is not None:
            record.update(
                rate=RATE,
                price=self.price,
                duration=str(self.duration),
                end_time=format_time(self.ended_at),
                network=NETWORK,
            )
        return record

    def internals(self, prefix: str) -> dict[str, Any]:
        """Everything /_sandbox/calls/{uuid} shows: the record plus the sandbox's own state."""
        return {
            "seq": self.seq,
            "record": self.record(prefix),
            "scenario": self.scenario.as_dict(),
            "request": self.request,
            "ncco": self.ncco,
            "step": None if self.step is None else self.step.as_dict(),
            "muted": self.muted,
            "earmuffed": self.earmuffed,
            "talk": self.talk,
            "stream": self.stream,
            "dtmf_listener": self.dtmf_listener,
            "recordings": self.recordings,
            "detail": self.detail,
            "disconnected_by": self.disconnected_by,
            "created_at": format_time(self.created_at),
            "history": self.history,
            "controls": self.controls,
            "errors": self.errors,
        }


def address(endpoint: dict[str, Any]) -> str:
    """What events put in ``to``/``from`` for an endpoint: its number, URI, user or extension."""
    for key in ("number", "uri", "user", "extension"):
        value = endpoint.get(key)
        if isinstance(value, str):
            return value
    return ""


def append_capped(items: list[Any], item: Any, cap: int) -> None:
    """Append, dropping the oldest entries beyond ``cap``: a call's own lists stay bounded however long it lasts."""
    items.append(item)
    if len(items) > cap:
        del items[: len(items) - cap]
