"""Walk every page of GET /v1/calls (the one operation this runtime knows by name, besides webhooks).

A page ends the walk when it is empty, when it has no ``next`` link, or when the records seen reach ``count``
(the total the API reports), whichever comes first; the next page starts at ``record_index`` + the page's length,
so a server that repeats a page cannot make the walk loop forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Final

from vonage_voice_api import AuthenticatedClient
from vonage_voice_api.api.calls import get_calls
from vonage_voice_api.types import Unset

DEFAULT_PAGE_SIZE: Final = 100  # the API's maximum: fewest round trips


def iter_calls(client: AuthenticatedClient, **filters: Any) -> Iterator[Any]:
    """Every call record matching ``filters`` (the getCalls query parameters: status, date_start, date_end,
    conversation_uuid, order, page_size, record_index), each exactly once, fetching pages as needed."""
    record_index, page_size = _start(filters)
    while True:
        page = get_calls.sync(client=client, page_size=page_size, record_index=record_index, **filters)
        calls = _calls(page)
        yield from calls
        if _last(page, calls, record_index):
            return
        record_index += len(calls)


async def aiter_calls(client: AuthenticatedClient, **filters: Any) -> AsyncIterator[Any]:
    """The async form of :func:`iter_calls`."""
    record_index, page_size = _start(filters)
    while True:
        page = await get_calls.asyncio(client=client, page_size=page_size, record_index=record_index, **filters)
        calls = _calls(page)
        for call in calls:
            yield call
        if _last(page, calls, record_index):
            return
        record_index += len(calls)


def _start(filters: dict[str, Any]) -> tuple[int, int]:
    record_index = filters.pop("record_index", 0)
    page_size = filters.pop("page_size", DEFAULT_PAGE_SIZE)
    return record_index, page_size


def _calls(page: Any) -> list[Any]:
    embedded = page.field_embedded
    if isinstance(embedded, Unset) or isinstance(embedded.calls, Unset):
        return []
    return list(embedded.calls)


def _last(page: Any, calls: list[Any], record_index: int) -> bool:
    if not calls:
        return True
    links = page.field_links
    if isinstance(links, Unset) or isinstance(links.next_, Unset):
        return True
    count = page.count
    return not isinstance(count, Unset) and record_index + len(calls) >= count
