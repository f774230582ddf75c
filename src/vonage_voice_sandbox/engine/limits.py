"""How much a sandbox keeps, and how far a call's NCCO may run without time passing: every store is bounded.

``create_app(limits=Limits(...))`` and ``running_sandbox(limits=...)`` take them; tests make them small to see each
cap act. The defaults keep a long-running sandbox (a benchmark, a day of ``make sandbox``) within a fixed amount of
memory, which ``make bench`` measures (``benchmarks/bench_sandbox.py``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Every cap of one sandbox; each must be at least 1.

    Attributes:
        max_calls: calls kept. Past it the oldest ended calls are forgotten (their REST record is then a 404); when
            every kept call is still in progress, createCall answers 429.
        max_events: events kept (``/_sandbox/events``), the oldest dropped first.
        max_callbacks: webhook requests kept (``/_sandbox/callbacks``), the oldest dropped first.
        max_callback_answer_bytes: bytes of each webhook answer the callback log keeps: a longer answer is kept as
            its first bytes, as text, with ``answer_truncated`` set (an NCCO is a few hundred bytes; 20,000 answers
            of 8 KiB are 160 MB).
        max_fault_rules: fault rules at once (``POST /_sandbox/faults`` beyond it is a 400).
        max_registered_numbers: numbers registered with ``POST /_sandbox/scenarios`` until the next reset.
        max_instant_steps: NCCO actions a call may start without time passing on its NCCO (a notify answered by
            itself, an input that times out at once...); the next one ends the call with an ``error`` event.
        max_ncco_actions: actions an NCCO may have, inline (a longer one is a 400) or fetched (the call ends with an
            ``error`` event). The spec sets no ``maxItems`` and Vonage documents no limit; real NCCOs have a few
            actions, and checking each against the spec holds the event loop for about 0.2 ms, so 100 keeps a
            request's pause to about 20 ms (10,000 actions held it 2 s).
        max_call_log: entries kept in each call's own lists (REST controls, recordings, errors).
        max_files: recordings and transcripts kept (``/v1/files/{id}``), the oldest forgotten first (then a 404).
        max_recording_seconds: the audio a recording file holds at most (a record action's ``timeOut`` allows 7200).
        admin_page_size: items per page of ``/_sandbox/calls``, ``/events`` and ``/callbacks`` by default.
        max_admin_page_size: the largest ``limit`` those listings accept.
    """

    max_calls: int = 10_000
    max_events: int = 20_000
    max_callbacks: int = 20_000
    max_callback_answer_bytes: int = 8_192
    max_fault_rules: int = 100
    max_registered_numbers: int = 10_000
    max_instant_steps: int = 100
    max_ncco_actions: int = 100
    max_call_log: int = 1_000
    max_files: int = 1_000
    max_recording_seconds: int = 7_200
    admin_page_size: int = 100
    max_admin_page_size: int = 1_000

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{item.name} must be an integer of at least 1, not {value!r}")
        if self.admin_page_size > self.max_admin_page_size:
            raise ValueError(
                f"Limits.admin_page_size ({self.admin_page_size}) exceeds max_admin_page_size "
                f"({self.max_admin_page_size})"
            )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
