"""What the event log and the callback log share: the last records, numbered, bounded, thread-safe, and queried by
call and kind from an id on (``/_sandbox/events`` and ``/_sandbox/callbacks`` page through them that way)."""

from __future__ import annotations

import bisect
import itertools
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["RecordLog", "known_fields"]


class Logged(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def call_uuid(self) -> str | None: ...


R = TypeVar("R", bound=Logged)


class RecordLog(Generic[R]):
    """The last ``max_records`` records in the order added, the oldest dropped first (a long run cannot exhaust
    memory), numbered from 1. Thread-safe: the server's loop adds while tests and handlers read."""

    def __init__(self, max_records: int, kind_of: Callable[[R], str]) -> None:
        self._records: deque[R] = deque(maxlen=max_records)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._kind_of = kind_of

    def _append(self, make: Callable[[int], R]) -> R:
        """Add the record ``make`` builds with the next id."""
        with self._lock:
            record = make(next(self._ids))
            self._records.append(record)
        return record

    def query(
        self, call_uuid: str | None = None, kind: str | None = None, *, after: int = 0, limit: int | None = None
    ) -> list[R]:
        """The records matching, oldest first, with an id above ``after``; at most ``limit`` of them."""
        with self._lock:
            records = list(self._records)
        start = bisect.bisect_right(records, after, key=lambda record: record.id)  # ids only grow
        found: list[R] = []
        for record in itertools.islice(records, start, None):
            if call_uuid in (None, record.call_uuid) and kind in (None, self._kind_of(record)):
                found.append(record)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def clear(self) -> None:
        with self._lock:
            self._records.clear()


def known_fields(cls: type[Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """The items of ``data`` that the dataclass ``cls`` declares: a record read back from JSON may carry more."""
    names = {field.name for field in fields(cls)}
    return {name: value for name, value in data.items() if name in names}
