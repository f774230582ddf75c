"""The record of every HTTP request the sandbox made to an application's webhooks, and what the application answered.

Events say what happened to a call; this log says what the application under test saw and did: the URL, the status
code of its answer and the answer itself (an NCCO, usually). Read at ``GET /_sandbox/callbacks``.
"""

from __future__ import annotations

import bisect
import itertools
import json
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, Final

__all__ = ["CallbackLog", "DeliveredCallback", "answer_of"]

MAX_TEXT: Final = 2_000  # a non-JSON answer is kept up to this many characters


@dataclass(frozen=True)
class DeliveredCallback:
    """One request the sandbox sent to a webhook of the application, and the application's answer: what the log keeps,
    what ``/_sandbox/callbacks`` lists, and what the ``voice_sandbox`` fixture's ``callbacks()`` returns."""

    id: int
    call_uuid: str | None
    type: str  # "answer" (answer_url), "transfer" (a transfer's NCCO url), or the event's type
    method: str
    url: str
    signed: bool
    status_code: int | None  # None: no HTTP answer (``error`` says why)
    answer: Any  # the JSON answer, else its text; None without an answer or with an empty body
    error: str | None = None
    event_id: int | None = None  # the event delivered, for event callbacks

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeliveredCallback:
        """From :meth:`as_dict`'s JSON; fields this version does not declare are left out."""
        names = {field.name for field in fields(cls)}
        return cls(**{name: value for name, value in data.items() if name in names})


class CallbackLog:
    """The last ``max_records`` requests, the oldest dropped first as for events. Thread-safe, like the event log:
    deliveries run in the server's loop while tests read from theirs."""

    def __init__(self, max_records: int = 20_000) -> None:
        self._records: deque[DeliveredCallback] = deque(maxlen=max_records)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, **fields: Any) -> DeliveredCallback:
        with self._lock:
            record = DeliveredCallback(id=next(self._ids), **fields)
            self._records.append(record)
        return record

    def query(
        self, call_uuid: str | None = None, kind: str | None = None, *, after: int = 0, limit: int | None = None
    ) -> list[DeliveredCallback]:
        """The records matching, oldest first, with an id above ``after``; at most ``limit`` of them."""
        with self._lock:
            records = list(self._records)
        start = bisect.bisect_right(records, after, key=lambda record: record.id)
        found: list[DeliveredCallback] = []
        for record in itertools.islice(records, start, None):
            if call_uuid in (None, record.call_uuid) and kind in (None, record.type):
                found.append(record)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def clear(self) -> None:
        with self._lock:
            self._records.clear()


def answer_of(body: bytes) -> Any:
    """An answer body as the log keeps it: parsed JSON when it is JSON, else (truncated) text."""
    if not body:
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return body[:MAX_TEXT].decode("utf-8", errors="replace")
