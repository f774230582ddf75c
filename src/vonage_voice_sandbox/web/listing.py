"""getCalls: filter, order and page the calls, with the API's ``_links`` (as real responses have them).

Filters: ``status``, ``conversation_uuid``, and ``date_start``/``date_end`` (inclusive) on the time the call was
created. Calls are ordered by creation time (``order=asc`` by default). A page starts at ``record_index`` (a
negative one counts as 0); ``count`` is the number of calls matching in total. Links keep the filters:
``self``, ``first`` and ``last`` always; ``next`` and ``prev`` only when such a page exists; ``last`` starts at the
last multiple of ``page_size`` below ``count``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from ..engine.calls import Call

__all__ = ["list_page"]

_FILTERS: Final = ("status", "date_start", "date_end", "conversation_uuid")


def list_page(calls: Iterable[Call], query: dict[str, Any], raw_query: QueryParams, path: str) -> dict[str, Any]:
    page_size = max(1, _integer(query.get("page_size"), 10))
    record_index = max(0, _integer(query.get("record_index"), 0))
    order = str(query.get("order") or "asc")
    matching = sorted((call for call in calls if _matches(call, query)), key=lambda call: call.created_at)
    if order == "desc":
        matching.reverse()
    count = len(matching)
    page = matching[record_index : record_index + page_size]
    return {
        "count": count,
        "page_size": page_size,
        "record_index": record_index,
        "_links": _links(path, raw_query, order, page_size, record_index, count),
        "_embedded": {"calls": [call.record(path) for call in page]},
    }


def _matches(call: Call, query: dict[str, Any]) -> bool:
    status = query.get("status")
    if status is not None and call.status != status:
        return False
    conversation = query.get("conversation_uuid")
    if conversation is not None and call.conversation_uuid != conversation:
        return False
    start = _timestamp(query.get("date_start"))
    if start is not None and call.created_at < start:
        return False
    end = _timestamp(query.get("date_end"))
    return end is None or call.created_at <= end


def _links(path: str, raw_query: QueryParams, order: str, page_size: int, index: int, count: int) -> dict[str, Any]:
    filters = [(name, raw_query[name]) for name in _FILTERS if name in raw_query]

    def href(record_index: int) -> dict[str, str]:
        query = [("page_size", str(page_size)), ("record_index", str(record_index)), ("order", order), *filters]
        return {"href": f"{path}?{urlencode(query)}"}

    last = (count - 1) // page_size * page_size if count else 0
    links = {"self": href(index), "first": href(0), "last": href(last)}
    if index + page_size < count:
        links["next"] = href(index + page_size)
    if index > 0 and count > 0:  # past the end, "prev" is the last page that has calls
        links["prev"] = href(max(0, min(index - page_size, last)))
    return links


def _integer(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _timestamp(value: Any) -> float | None:
    """A filter time: openapi-core gives a datetime for ``format: date-time``; a spec without it gives a string."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return float(value.timestamp())
    except (OverflowError, ValueError):
        return None
