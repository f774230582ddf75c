"""Invariants across answers: what the Voice API promises about how its answers relate, which no schema can see.

Each invariant is a pure function (what a page, a record or a state change must satisfy; a problem or None), checked
two ways: as a Schemathesis check on every response the run already gets (registered on import, like
:mod:`.checks`), and by one dedicated walk per run (:mod:`.walk`: the pages of getCalls followed to the end, a call
made, read, listed, muted and hung up). contract_tests/README.md#invariants lists them with the promise each
checks (docs/api-promises.md gives the sources).

Calls the run made and calls it saw end are remembered per process (bounded), by uuid: a record read later must
say back what was sent, and never leave a final status.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter, OrderedDict
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit

import schemathesis
from schemathesis import CheckContext, Response

from .types import StCase
from .wire import TARGETS

FINAL: Final = frozenset({"completed", "busy", "cancelled", "failed", "rejected", "timeout", "unanswered"})
FLAGS: Final = frozenset({"mute", "unmute", "earmuff", "unearmuff"})
ADDRESS_KEYS: Final = ("type", "number", "uri", "user", "extension")
PAGE_FILTERS: Final = ("status", "date_start", "date_end", "conversation_uuid")
DEFAULT_PAGE_SIZE: Final = 10
# A live API may show a hang-up a moment later (its records are eventually consistent); a sandbox shows it at once.
HANGUP_WAIT_S: Final = 10.0
_REMEMBERED: Final = 4096

# The invariants, by family (the summary and the dedicated test list them in this order).
NAMES: Final = {
    "page_honours_its_request": "pagination",
    "filters_hold_for_every_record": "pagination",
    "links_name_their_pages": "pagination",
    "pagination_walk_reaches_count": "pagination",
    "created_call_is_readable_and_listed": "state",
    "hangup_ends_the_call": "state",
    "controls_refused_after_the_end": "state",
    "final_status_is_final": "state",
    "record_echoes_request": "echo",
    "record_times_and_charges_agree": "echo",
}

evaluated: Counter[str] = Counter()  # invariant -> times it applied (taken into the run's results after each case)
_sent: OrderedDict[str, dict[str, Any]] = OrderedDict()  # uuid -> the createCall body that made it
_ended: OrderedDict[str, str] = OrderedDict()  # uuid -> the final status it was seen in


def take() -> Counter[str]:
    """What applied since the last call (and forget it)."""
    found = Counter(evaluated)
    evaluated.clear()
    return found


def _remember(store: OrderedDict[str, Any], key: str, value: Any) -> None:
    store[key] = value
    store.move_to_end(key)
    while len(store) > _REMEMBERED:
        store.popitem(last=False)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def query_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


# --- pagination ---------------------------------------------------------------------------------------------------


def page_problem(query: dict[str, str], page: dict[str, Any]) -> str | None:
    """``page_size`` and ``record_index`` are the request's (or their defaults), the page holds at most
    ``page_size`` records, none twice."""
    evaluated["page_honours_its_request"] += 1
    size, index, count = _int(page.get("page_size")), _int(page.get("record_index")), _int(page.get("count"))
    asked_size = _int(query.get("page_size", DEFAULT_PAGE_SIZE))
    asked_index = _int(query.get("record_index", 0))
    calls = records_of(page)
    if asked_size is not None and size != asked_size:
        return f"page_size {size} answers a request for page_size {asked_size}"
    if asked_index is not None and asked_index >= 0 and index != asked_index:
        return f"record_index {index} answers a request for record_index {asked_index}"
    if size is not None and len(calls) > size:
        return f"{len(calls)} records on a page of page_size {size}"
    if count is not None and index is not None and index >= count and calls:
        return f"{len(calls)} records at record_index {index}, past the {count} records there are"
    uuids = [call.get("uuid") for call in calls]
    twice = sorted({str(uuid) for uuid in uuids if uuids.count(uuid) > 1})
    return f"records twice on one page: {', '.join(twice)}" if twice else None


def filters_problem(query: dict[str, str], page: dict[str, Any]) -> str | None:
    """Every record matches the request's ``status`` and ``conversation_uuid``, and started no earlier than its
    ``date_start`` (the filter is on when the call was made, which is before it started)."""
    evaluated["filters_hold_for_every_record"] += 1
    since = _time(query.get("date_start"))
    for call in records_of(page):
        for name in ("status", "conversation_uuid"):
            if name in query and call.get(name) != query[name]:
                return f"record {call.get('uuid')} has {name} {call.get(name)!r}, the request filtered {query[name]!r}"
        started = _time(call.get("start_time"))
        if since is not None and started is not None and started < since:
            return f"record {call.get('uuid')} started at {call['start_time']}, before date_start {query['date_start']}"
    return None


def links_problem(query: dict[str, str], page: dict[str, Any]) -> str | None:
    """Each link keeps the request's filters, order and page size, and names its page: ``self`` this one, ``first``
    record 0, ``next`` the record after this page's last (present while records follow), ``prev`` a page before
    this one, ``last`` the page that holds the final record."""
    links, index, count = page.get("_links"), _int(page.get("record_index")), _int(page.get("count"))
    size = _int(page.get("page_size"))
    if not isinstance(links, dict) or index is None or count is None or not size:
        return None
    evaluated["links_name_their_pages"] += 1
    starts: dict[str, int | None] = {}
    for name, link in links.items():
        href = link.get("href") if isinstance(link, dict) else None
        linked = query_of(href) if isinstance(href, str) else {}
        for kept in (*PAGE_FILTERS, "order", "page_size"):
            asked = query.get(kept, {"order": "asc", "page_size": str(size)}.get(kept))
            if linked.get(kept, {"order": "asc"}.get(kept)) != asked:
                return f"_links.{name} has {kept}={linked.get(kept)!r}, the request {asked!r}"
        starts[name] = _int(linked.get("record_index", 0))
    held = len(records_of(page))
    expected = {"self": index, "first": 0, "next": index + held}
    for name, start in expected.items():
        if name in starts and starts[name] != start:
            return f"_links.{name} starts at record {starts[name]}, not {start}"
    if index + held < count and held and "next" not in starts:
        return f"no _links.next, though records {index + held} to {count - 1} follow"
    if "prev" in starts and not 0 <= (starts["prev"] or 0) < index:
        return f"_links.prev starts at record {starts['prev']}, not before this page's {index}"
    last = starts.get("last")
    if last is not None and count and not last <= count - 1 < last + size:
        return f"_links.last starts at record {last}: its page does not hold record {count - 1}, the last"
    return None


def records_of(page: dict[str, Any]) -> list[dict[str, Any]]:
    calls = (page.get("_embedded") or {}).get("calls") or []
    return [call for call in calls if isinstance(call, dict)] if isinstance(calls, list) else []


# --- records: echo and state -----------------------------------------------------------------------------------


def created(body: Any, answer: Any) -> str | None:
    """Remember what a 201 createCall sent; its answer says the call goes out."""
    if not isinstance(body, dict) or not isinstance(answer, dict) or not isinstance(answer.get("uuid"), str):
        return None
    _remember(_sent, answer["uuid"], body)
    evaluated["record_echoes_request"] += 1
    if answer.get("direction") != "outbound":
        return f"a created call answered direction {answer.get('direction')!r}, not 'outbound'"
    return None


def echo_problem(record: dict[str, Any]) -> str | None:
    """A call the run made says back its ``to`` (the first endpoint), its ``from`` and direction ``outbound``."""
    sent = _sent.get(str(record.get("uuid")))
    if sent is None:
        return None
    evaluated["record_echoes_request"] += 1
    targets = sent.get("to")
    pairs = [("to", targets[0] if isinstance(targets, list) and targets else None), ("from", sent.get("from"))]
    for name, endpoint in pairs:
        shown = record.get(name)
        if not isinstance(endpoint, dict):
            continue
        for key in ADDRESS_KEYS:
            if key in endpoint and (not isinstance(shown, dict) or shown.get(key) != endpoint[key]):
                said = shown.get(key) if isinstance(shown, dict) else shown
                return f"call {record.get('uuid')}: {name}.{key} is {said!r}, the request sent {endpoint[key]!r}"
    if "direction" in record and record["direction"] != "outbound":
        return f"call {record.get('uuid')} was made by this run but says direction {record['direction']!r}"
    return None


def times_problem(record: dict[str, Any]) -> str | None:
    """``start_time`` <= ``end_time``; ``duration`` fits between them; ``price`` is ``rate`` per minute of it,
    billed in increments of up to a minute."""
    start, end = _time(record.get("start_time")), _time(record.get("end_time"))
    duration, price, rate = _number(record.get("duration")), _number(record.get("price")), _number(record.get("rate"))
    if start is None and end is None and duration is None:
        return None
    evaluated["record_times_and_charges_agree"] += 1
    uuid = record.get("uuid")
    if start is not None and end is not None:
        if end < start:
            return f"call {uuid} ended ({record['end_time']}) before it started ({record['start_time']})"
        if duration is not None and duration > (end - start).total_seconds() + 1:
            return f"call {uuid} lasted {duration} s between {record['start_time']} and {record['end_time']}"
    if duration is not None and duration < 0:
        return f"call {uuid} has a negative duration {duration}"
    if None not in (duration, price, rate):
        assert duration is not None and price is not None and rate is not None
        low, high = rate * duration / 60, rate * (math.ceil(duration / 60) * 60 + 60) / 60
        if not low - 1e-6 <= price <= high + 1e-6:
            return f"call {uuid} cost {price} for {duration} s at {rate} per minute"
    return None


def status_problem(record: dict[str, Any]) -> str | None:
    """A call seen in a final status is never seen active again."""
    uuid, status = str(record.get("uuid")), record.get("status")
    if not isinstance(status, str):
        return None
    ended = _ended.get(uuid)
    if ended is not None:
        evaluated["final_status_is_final"] += 1
        if status not in FINAL:
            return f"call {uuid} was {ended}, and is now {status}"
    if status in FINAL:
        _remember(_ended, uuid, status)
    return None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def has_ended(uuid: str) -> bool:
    return uuid in _ended


# --- the checks on every response -------------------------------------------------------------------------------


def _payload(response: Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def _is(case: StCase, operation_id: str) -> bool:
    return bool(case.operation.definition.raw.get("operationId") == operation_id)


def _page(case: StCase, response: Response) -> tuple[dict[str, str], dict[str, Any]] | None:
    payload = _payload(response)
    if not _is(case, "getCalls") or response.status_code != 200 or not isinstance(payload, dict):
        return None
    return query_of(response.request.url or ""), payload


def _fail(problem: str | None) -> None:
    if problem is not None:
        raise AssertionError(problem)


@schemathesis.check
def page_honours_its_request(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A page of calls has the ``page_size`` and ``record_index`` asked for, at most ``page_size`` records, each
    once."""
    found = _page(case, response)
    _fail(page_problem(*found) if found else None)
    return None


@schemathesis.check
def filters_hold_for_every_record(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """Every record of a page matches the request's filters."""
    found = _page(case, response)
    _fail(filters_problem(*found) if found else None)
    return None


@schemathesis.check
def links_name_their_pages(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A page's links keep its filters and name the pages they lead to."""
    found = _page(case, response)
    _fail(links_problem(*found) if found else None)
    return None


def _records(case: StCase, response: Response) -> list[dict[str, Any]]:
    payload = _payload(response)
    if not 200 <= response.status_code < 300 or not isinstance(payload, dict):
        return []
    return records_of(payload) if _is(case, "getCalls") else [payload] if _is(case, "getCall") else []


@schemathesis.check
def record_echoes_request(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A created call goes out (direction ``outbound``); its record, read or listed, says back ``to`` and ``from``."""
    if _is(case, "createCall") and response.status_code == 201:
        _fail(created(case.body, _payload(response)))
    for record in _records(case, response):
        _fail(echo_problem(record))
    return None


@schemathesis.check
def record_times_and_charges_agree(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A call record's times are ordered and its duration and price agree with them."""
    for record in _records(case, response):
        _fail(times_problem(record))
    return None


@schemathesis.check
def final_status_is_final(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A call once seen ended is never seen active again."""
    for record in _records(case, response):
        _fail(status_problem(record))
    return None


@schemathesis.check
def hangup_ends_the_call(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """After a hang-up is accepted, the call's record shows a final status. A live API's records may lag: the
    check reads again for up to HANGUP_WAIT_S; our sandbox (in process or at a URL) must show it at the first read."""
    if not _is(case, "updateCall") or not 200 <= response.status_code < 300 or _action(case) != "hangup":
        return None
    uuid = str((case.path_parameters or {}).get("uuid"))
    kwargs = dict(ctx.internals.transport_kwargs or {})
    sandbox = "app" in kwargs or TARGETS.decide(response.request.url or "") is None
    deadline = time.monotonic() + (0.0 if sandbox else HANGUP_WAIT_S)
    read = case.operation.schema.find_operation_by_id("getCall")
    evaluated["hangup_ends_the_call"] += 1
    while True:
        probe = read.Case(path_parameters={"uuid": uuid}, headers=_auth(response))
        answer = case.operation.schema.transport.send(probe, **kwargs)
        payload = _payload(answer)
        status = payload.get("status") if isinstance(payload, dict) else None
        if answer.status_code == 200 and status in FINAL:
            _remember(_ended, uuid, str(status))
            return None
        if time.monotonic() >= deadline:
            raise AssertionError(f"call {uuid} was hung up (answered {response.status_code}), and reads {status!r}")
        time.sleep(0.5)


@schemathesis.check
def controls_refused_after_the_end(ctx: CheckContext, response: Response, case: StCase) -> bool | None:
    """A call seen in a final status cannot be muted, unmuted, earmuffed or unearmuffed any more: the state
    does not allow it (the spec's 400), so a 2xx is wrong."""
    if not _is(case, "updateCall") or _action(case) not in FLAGS:
        return None
    uuid = str((case.path_parameters or {}).get("uuid"))
    if not has_ended(uuid):
        return None
    evaluated["controls_refused_after_the_end"] += 1
    if 200 <= response.status_code < 300:
        raise AssertionError(f"{_action(case)} accepted ({response.status_code}) on call {uuid}, {_ended[uuid]}")
    return None


def _action(case: StCase) -> str | None:
    body = case.body
    action = body.get("action") if isinstance(body, dict) else None
    return action.lower() if isinstance(action, str) else None


def _auth(response: Response) -> dict[str, str] | None:
    value = response.request.headers.get("Authorization")
    return {"Authorization": str(value)} if value is not None else None
