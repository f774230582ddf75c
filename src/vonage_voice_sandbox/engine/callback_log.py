"""The record of every HTTP request the sandbox made to an application's webhooks, and what the application answered.

Events say what happened to a call; this log says what the application under test saw and did: the URL, the status
code of its answer and the answer itself (an NCCO, usually). Read at ``GET /_sandbox/callbacks``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Final

from .record_log import RecordLog, known_fields

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
    error: str | None = None  # why there is no answer, or why it was refused (too large)
    event_id: int | None = None  # the event delivered, for event callbacks
    answer_truncated: bool = False  # ``answer`` is the first bytes of a longer answer, as text

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeliveredCallback:
        """From :meth:`as_dict`'s JSON; fields this version does not declare are left out."""
        return cls(**known_fields(cls, data))


class CallbackLog(RecordLog[DeliveredCallback]):
    """The last ``max_records`` requests sent to the application's webhooks, the oldest dropped first as for
    events; of each answer, at most ``max_answer_bytes``."""

    def __init__(self, max_records: int = 20_000, max_answer_bytes: int = 8_192) -> None:
        super().__init__(max_records, kind_of=lambda record: record.type)
        self.max_answer_bytes = max_answer_bytes

    def add(self, *, body: bytes | None = None, complete: bool = True, **fields: Any) -> DeliveredCallback:
        """Log a request; ``body``: the answer's bytes (``complete`` False: only the first of them were read)."""
        if body is not None:
            fields["answer"], fields["answer_truncated"] = answer_of(body, self.max_answer_bytes, complete=complete)
        return self._append(lambda id_: DeliveredCallback(id=id_, **fields))


def answer_of(body: bytes, limit: int, *, complete: bool = True) -> tuple[Any, bool]:
    """An answer body as the log keeps it, and whether it was cut: parsed JSON when it is JSON of at most ``limit``
    bytes; else text, its first ``limit`` bytes (``MAX_TEXT`` characters for a short answer that is not JSON)."""
    if not body:
        return None, not complete
    if len(body) > limit or not complete:
        return body[:limit].decode("utf-8", errors="replace"), True
    try:
        return json.loads(body), False
    except (ValueError, RecursionError):
        return body[:MAX_TEXT].decode("utf-8", errors="replace"), len(body) > MAX_TEXT
