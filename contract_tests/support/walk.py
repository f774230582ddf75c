"""One dedicated pass per run for what the run's own cases cannot show (:mod:`.invariants` has the rules).

* State: a call is made, read at once, found in the list (by its conversation), waited for until answered, muted,
  hung up, then muted again (which must be refused) and read again (still ended). Each request is a case, with
  every check, so the checks on responses see them too.
* Pagination: getCalls walked from the first page along ``next`` to the end, in both orders, filtered by status
  and by the call's conversation; on every page the links are followed and must lead to the page they name.

Where the real API is only eventually consistent, this waits within a bound and says so in the summary: a call just
made may take a moment to be readable or listed (10 s at most, on a live API; a sandbox must show it at once), and a
walk that met records changing under it (calls made or ending meanwhile) is walked again, up to 5 times.
"""

from __future__ import annotations

import copy
import math
import time
from typing import Any, Final
from urllib.parse import urlencode, urlsplit

from .guard import CALLS_PATH
from .invariants import DEFAULT_PAGE_SIZE, filters_problem, links_problem, page_problem, query_of, records_of
from .run_protocol import SendingRun
from .waiting import wait_for_answer

LIVE_WAIT_S: Final = 10.0
WALK_ATTEMPTS: Final = 5
MAX_PAGES: Final = 60
PAGES_PER_WALK: Final = 5  # the page size is chosen so that a walk takes about this many pages
WALK: Final = "pagination_walk_reaches_count"
LINKS: Final = "links_name_their_pages"
LISTED: Final = "created_call_is_readable_and_listed"

Problems = list[tuple[str, str]]


def check(run: SendingRun) -> None:
    """The state pass, then the pagination walk; each invariant's outcome goes to ``run.results``."""
    conversation = _state(run)
    _pages(run, conversation)


# --- state --------------------------------------------------------------------------------------------------------


def _state(run: SendingRun) -> str | None:
    """Make, read, list, mute, hang up, mute and read one call; the conversation it is in."""
    guard = run.target.guard
    if guard is not None and not guard.allowed:
        run.results.notes.append(
            "state and echo invariants not checked: they need a call, and VOICE_CONTRACT_ALLOW_CALLS_TO is not set"
        )
        return None
    create = run.operation("createCall")
    example = create.definition.raw["requestBody"]["content"]["application/json"]["example"]
    made = run.execute(create.Case(body=copy.deepcopy(example)))
    answer = _json(made) if made is not None and made.status_code == 201 else None
    if not isinstance(answer, dict) or "uuid" not in answer:
        run.results.invariant(LISTED, f"createCall answered {made.status_code if made else run.last_skip}", "run")
        return None
    uuid, conversation = str(answer["uuid"]), str(answer.get("conversation_uuid"))
    read, listing = run.operation("getCall"), run.operation("getCalls")
    bound = 0.0 if run.target.is_sandbox else LIVE_WAIT_S

    def readable() -> str | None:
        response = run.execute(read.Case(path_parameters={"uuid": uuid}))
        return None if response is not None and response.status_code == 200 else f"getCall answered {_code(response)}"

    def listed() -> str | None:
        response = run.execute(listing.Case(query={"conversation_uuid": conversation}))
        page = _json(response) if response is not None and response.status_code == 200 else None
        found = isinstance(page, dict) and any(call.get("uuid") == uuid for call in records_of(page))
        return None if found else f"getCalls?conversation_uuid={conversation} answered {_code(response)} without it"

    problem = _within(run, bound, readable) or _within(run, bound, listed)
    run.results.invariant(LISTED, f"call {uuid}: {problem}" if problem else None, "createCall, getCall, getCalls")
    waited = wait_for_answer(run.target, uuid)
    run.results.waited(waited.answered, waited.polls, waited.seconds)
    update = run.operation("updateCall")
    for action in ("mute", "hangup", "mute"):  # the second mute meets an ended call: it must be refused
        run.execute(update.Case(path_parameters={"uuid": uuid}, body={"action": action}))
    run.execute(read.Case(path_parameters={"uuid": uuid}))
    return conversation


def _within(run: SendingRun, bound: float, attempt: Any) -> str | None:
    """``attempt()`` until it finds no problem or ``bound`` seconds have passed (a live API's records may lag)."""
    deadline, tries = time.monotonic() + bound, 1
    problem: str | None = attempt()
    while problem is not None and time.monotonic() < deadline:
        time.sleep(1.0)
        tries += 1
        problem = attempt()
    if tries > 1:
        outcome = "still failing" if problem else "then passed"
        run.results.notes.append(f"{LISTED}: waited {tries - 1} s for a live API's records ({outcome})")
    return problem


# --- pagination ---------------------------------------------------------------------------------------------------


def _pages(run: SendingRun, conversation: str | None) -> None:
    views: list[dict[str, str]] = [{}, {"order": "desc"}, {"status": "completed"}]
    if conversation:
        views.append({"conversation_uuid": conversation})
    # A target nothing else changes (in process, or a sandbox on a virtual clock) answers the same walk the same way.
    attempts = 1 if run.target.app is not None or run.target.advance is not None else WALK_ATTEMPTS
    problems: Problems = []
    for attempt in range(1, attempts + 1):
        problems = []
        walked = [_walk(run, view, problems) for view in views]
        if walked[0] is not None and walked[1] is not None and walked[1] != walked[0][::-1]:
            problems.append((WALK, "order=desc does not list the calls of order=asc in reverse"))
        if not problems:
            if attempt > 1:
                run.results.notes.append(f"pagination walk: records changed during {attempt - 1} walk(s); walked again")
            break
        time.sleep(0.5)
    for name in (WALK, LINKS):
        found = [problem for check, problem in problems if check == name]
        run.results.invariant(name, "; ".join(found[:3]) or None, "getCalls walk")
    for check_name in ("page_honours_its_request", "filters_hold_for_every_record"):
        found = [problem for check, problem in problems if check == check_name]
        if found:
            run.results.invariant(check_name, "; ".join(found[:3]), "getCalls walk")


def _walk(run: SendingRun, view: dict[str, str], problems: Problems) -> list[str] | None:
    """The uuids of every record, walking ``next`` from the first page (None when the walk could not finish)."""
    status, _, probe = run.target.api_get(f"{CALLS_PATH}?{urlencode({**view, 'page_size': 100})}")
    if status != 200 or not isinstance(probe, dict):
        problems.append((WALK, f"getCalls {urlencode(view)} answered {status}"))
        return None
    count = int(probe.get("count") or 0)
    size = max(1, min(100, math.ceil(count / PAGES_PER_WALK)))
    href: str | None = f"{CALLS_PATH}?{urlencode({**view, 'page_size': size, 'record_index': 0})}"
    seen: list[str] = []
    for _ in range(MAX_PAGES):
        if href is None:
            break
        status, _, page = run.target.api_get(href)
        if status != 200 or not isinstance(page, dict):
            problems.append((WALK, f"{href} answered {status}"))
            return None
        _check_page(run, href, page, problems)
        records = records_of(page)
        links: dict[str, Any] = page["_links"] if isinstance(page.get("_links"), dict) else {}
        following = links.get("next", {}).get("href") if isinstance(links.get("next"), dict) else None
        if following is not None and len(records) != size:
            problems.append((WALK, f"{href}: {len(records)} records on a page that is not the last (page_size {size})"))
        seen += [str(call.get("uuid")) for call in records]
        count = int(page.get("count") or 0)
        href = _local(following) if isinstance(following, str) else None
    else:
        run.results.notes.append(f"pagination walk {urlencode(view) or 'unfiltered'}: stopped after {MAX_PAGES} pages")
        return None
    twice = sorted({uuid for uuid in seen if seen.count(uuid) > 1})
    if twice:
        problems.append((WALK, f"walk {urlencode(view) or 'unfiltered'}: records met twice: {', '.join(twice[:3])}"))
    if len(seen) != count:
        problems.append((WALK, f"walk {urlencode(view) or 'unfiltered'}: {len(seen)} records, count says {count}"))
    return seen


def _check_page(run: SendingRun, href: str, page: dict[str, Any], problems: Problems) -> None:
    """The page's own invariants, and each link followed: it leads to the page it names."""
    query = query_of(href)
    for name, rule in (
        ("page_honours_its_request", page_problem),
        ("filters_hold_for_every_record", filters_problem),
        (LINKS, links_problem),
    ):
        problem = rule(query, page)
        if problem is not None:
            problems.append((name, f"{href}: {problem}"))
    links: dict[str, Any] = page["_links"] if isinstance(page.get("_links"), dict) else {}
    for name in ("self", "first", "last", "prev"):
        link = links.get(name)
        target = link.get("href") if isinstance(link, dict) else None
        if not isinstance(target, str):
            continue
        status, _, led = run.target.api_get(_local(target))
        named = int(query_of(target).get("record_index", 0))
        size = int(query_of(target).get("page_size", DEFAULT_PAGE_SIZE))
        reached = (led.get("record_index"), led.get("page_size")) if isinstance(led, dict) else None
        if status != 200 or reached != (named, size):
            problems.append((LINKS, f"{href}: _links.{name} ({target}) led to {status} {reached}, not {(named, size)}"))


def _local(href: str) -> str:
    """A link as a path and query on the target (links may be absolute)."""
    parts = urlsplit(href)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def _json(response: Any) -> Any:
    try:
        return response.json()
    except (ValueError, AttributeError):
        return None


def _code(response: Any) -> str:
    return str(response.status_code) if response is not None else "nothing (not sent)"
