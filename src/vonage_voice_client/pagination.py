"""Walk every page of GET /v1/calls (the one operation this runtime knows by name, besides webhooks).

A page ends the walk when it is empty, when it has no ``next`` link, or when the records seen reach ``count``
(the total the API reports), whichever comes first; the next page starts at ``record_index`` + the page's length,
so a server that repeats a page cannot make the walk loop forever.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Any, Final

from vonage_voice_api import AuthenticatedClient
from vonage_voice_api.api.calls import get_calls
from vonage_voice_api.models import Call, CallList, GetCallsOrder, GetCallsStatus
from vonage_voice_api.types import UNSET, Unset

DEFAULT_PAGE_SIZE: Final = 100  # the API's maximum: fewest round trips


def iter_calls(
    client: AuthenticatedClient,
    *,
    status: GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int = DEFAULT_PAGE_SIZE,
    record_index: int = 0,
    order: GetCallsOrder | Unset = UNSET,
    conversation_uuid: str | Unset = UNSET,
) -> Iterator[Call]:
    """Every call record matching the filters (getCalls' query parameters, with its types), each exactly once,
    fetching pages as needed. ``record_index`` is where the walk starts; ``page_size`` how many records a page has."""
    filters = _filters(status, date_start, date_end, order, conversation_uuid)
    while True:
        page = get_calls.sync(client=client, page_size=page_size, record_index=record_index, **filters)
        calls = _calls(page)
        yield from calls
        if _last(page, calls, record_index):
            return
        record_index += len(calls)


async def aiter_calls(
    client: AuthenticatedClient,
    *,
    status: GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int = DEFAULT_PAGE_SIZE,
    record_index: int = 0,
    order: GetCallsOrder | Unset = UNSET,
    conversation_uuid: str | Unset = UNSET,
) -> AsyncIterator[Call]:
    """The async form of :func:`iter_calls`."""
    filters = _filters(status, date_start, date_end, order, conversation_uuid)
    while True:
        page = await get_calls.asyncio(client=client, page_size=page_size, record_index=record_index, **filters)
        calls = _calls(page)
        for call in calls:
            yield call
        if _last(page, calls, record_index):
            return
        record_index += len(calls)


def _filters(
    status: GetCallsStatus | Unset,
    date_start: datetime.datetime | Unset,
    date_end: datetime.datetime | Unset,
    order: GetCallsOrder | Unset,
    conversation_uuid: str | Unset,
) -> dict[str, Any]:
    # Passed on by name; a test checks that these are exactly getCalls' filters with the same types.
    return {
        "status": status,
        "date_start": date_start,
        "date_end": date_end,
        "order": order,
        "conversation_uuid": conversation_uuid,
    }


def _calls(page: CallList) -> list[Call]:
    embedded = page.embedded
    if isinstance(embedded, Unset) or isinstance(embedded.calls, Unset):
        return []
    return list(embedded.calls)


def _last(page: CallList, calls: list[Call], record_index: int) -> bool:
    if not calls:
        return True
    links = page.links
    if isinstance(links, Unset) or isinstance(links.next_, Unset):
        return True
    count = page.count
    return not isinstance(count, Unset) and record_index + len(calls) >= count
