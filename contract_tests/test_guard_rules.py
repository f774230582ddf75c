"""The live-call guard is one rule: what ``admit()`` decides for a case, the wire check decides for the bytes that
would leave, so nothing Schemathesis sends on its own (re-sends, probes) can do what a case may not.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from contract_tests.support.guard import JSON, TALK_ONLY, Guard, GuardRefused

ALLOWED = ("15550000001", "15550000002")
CREATED = "63f61863-4a51-4f6b-86e1-46edebcf9356"
OTHER = "aaaaaaaa-4a51-4f6b-86e1-46edebcf9356"
BASE = "http://127.0.0.1:9"
TO = [{"type": "phone", "number": ALLOWED[0]}]
TALK = [dict(action) for action in TALK_ONLY]
CONNECT = [{"action": "connect", "endpoint": [{"type": "phone", "number": "447700900000"}]}]
SEND, REWRITE, REFUSE = "send unchanged", "send rewritten", "refuse"


@dataclass(frozen=True)
class Attempt:
    name: str
    method: str
    path: str
    body: Any
    expected: str  # SEND, REWRITE, or REFUSE
    negative: bool = False
    media_type: str = JSON
    query: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()


def _creation(**body: Any) -> Attempt:
    name = body.pop("name")
    expected = body.pop("expected")
    negative = body.pop("negative", False)
    media_type = body.pop("media_type", JSON)
    return Attempt(name, "POST", "/v1/calls", body, expected, negative, media_type)


def _change(name: str, body: Any, expected: str, path: str = f"/v1/calls/{CREATED}", **options: Any) -> Attempt:
    return Attempt(name, "PUT", path, body, expected, **options)


ATTEMPTS = [
    Attempt("read", "GET", "/v1/calls", None, SEND),
    Attempt("read, method override", "GET", "/v1/calls", None, REFUSE, headers=(("X-HTTP-Method-Override", "PUT"),)),
    _creation(name="creation to allowed numbers, talk only", to=TO, ncco=TALK, expected=SEND),
    _creation(name="creation, generated number", to=[{"type": "phone", "number": "447700900000"}], expected=REWRITE),
    _creation(name="creation, sip endpoint", to=[{"type": "sip", "uri": "sip:a@example.com"}], expected=REWRITE),
    _creation(name="creation, inline connect NCCO", to=TO, ncco=CONNECT, expected=REWRITE),
    _creation(name="creation, NCCO as an object", to=TO, ncco=CONNECT[0], expected=REWRITE),
    _creation(name="creation, ncco null", to=TO, ncco=None, expected=REWRITE),
    _creation(name="creation, event_url", to=TO, ncco=TALK, event_url=["https://example.com/e"], expected=REWRITE),
    _creation(name="creation, from a sip URI", to=TO, ncco=TALK, **{"from": {"number": "sip:x"}}, expected=REWRITE),
    _creation(name="creation, answer_url", to=TO, answer_url=["https://example.com/a"], expected=REFUSE),
    _creation(name="creation, //host answer_url", to=TO, answer_url=["//example.com/a"], expected=REFUSE),
    _creation(name="creation, negative case", to=TO, ncco=TALK, negative=True, expected=REFUSE),
    _creation(
        name="creation, form body", to=TO, ncco=TALK, media_type="application/x-www-form-urlencoded", expected=REFUSE
    ),
    _creation(name="creation, text body", to=TO, ncco=TALK, media_type="text/plain", expected=REFUSE),
    Attempt("creation, not an object", "POST", "/v1/calls", [{"to": TO}], REFUSE),
    _change("hangup", {"action": "hangup"}, SEND),
    _change("mute", {"action": "mute"}, SEND),
    _change("hangup, a call not created", {"action": "hangup"}, REFUSE, path=f"/v1/calls/{OTHER}"),
    _change(
        "transfer to an NCCO URL", {"action": "transfer", "destination": {"type": "ncco", "url": ["https://x"]}}, REFUSE
    ),
    _change("TRANSFER", {"action": "TRANSFER", "destination": {"type": "ncco", "url": ["https://x"]}}, REFUSE),
    _change("TRANSFER alone", {"action": "TRANSFER"}, REFUSE),
    _change("transfer padded", {"action": " transfer"}, REFUSE),
    _change("transfer, inline NCCO", {"action": "transfer", "destination": {"type": "ncco", "ncco": CONNECT}}, REFUSE),
    _change("destination without action", {"destination": {"type": "ncco", "ncco": CONNECT}}, REFUSE),
    _change("action in a list", {"action": ["transfer"]}, REFUSE),
    _change("hangup as a form", {"action": "hangup"}, REFUSE, media_type="application/x-www-form-urlencoded"),
    _change("stream a URL", {"stream_url": ["https://example.com/a.mp3"]}, REFUSE, path=f"/v1/calls/{CREATED}/stream"),
    _change("stream //host", {"stream_url": ["//example.com/a.mp3"]}, REFUSE, path=f"/v1/calls/{CREATED}/stream"),
    _change("talk", {"text": "Hello", "loop": 1}, SEND, path=f"/v1/calls/{CREATED}/talk"),
    _change("talk a URL", {"text": "https://example.com"}, REFUSE, path=f"/v1/calls/{CREATED}/talk"),
    _change("dtmf", {"digits": "1234"}, SEND, path=f"/v1/calls/{CREATED}/dtmf"),
    _change("subscribe dtmf", {"event_url": ["https://x"]}, REFUSE, path=f"/v1/calls/{CREATED}/input/dtmf"),
    _change(
        "subscribe dtmf, no scheme", {"event_url": ["example.com"]}, REFUSE, path=f"/v1/calls/{CREATED}/input/dtmf"
    ),
    _change("hangup, NCCO in the query", {"action": "hangup"}, REFUSE, query=(("ncco", "[]"),)),
    _change(
        "talk, URL in the query", {"text": "Hi"}, REFUSE, path=f"/v1/calls/{CREATED}/talk", query=(("eventUrl", "x"),)
    ),
    _change("dot segments", {"action": "hangup"}, REFUSE, path=f"/v1/calls/{CREATED}/../{OTHER}"),
    _change("encoded slash", {"action": "hangup"}, REFUSE, path=f"/v1/calls/{CREATED}%2F..%2F{OTHER}"),
    Attempt("stop talk", "DELETE", f"/v1/calls/{CREATED}/talk", None, SEND),
    Attempt("stop talk, a call not created", "DELETE", f"/v1/calls/{OTHER}/talk", None, REFUSE),
    Attempt("PATCH", "PATCH", f"/v1/calls/{CREATED}", {"action": "hangup"}, REFUSE),
    Attempt("POST to a call", "POST", f"/v1/calls/{CREATED}", {"action": "hangup"}, REFUSE),
]


def guard(allowed: tuple[str, ...] = ALLOWED) -> Guard:
    watch = Guard(allowed)
    watch.created.add(CREATED)
    return watch


def admit(watch: Guard, attempt: Attempt, body: Any, *, negative: bool) -> tuple[str | None, Any]:
    return watch.admit(
        attempt.method,
        attempt.path,
        body,
        negative=negative,
        media_type=attempt.media_type,
        query=attempt.query,
        headers=[name for name, _ in attempt.headers],
    )


def on_the_wire(attempt: Attempt, body: Any) -> requests.PreparedRequest:
    """The request Schemathesis (or anything using requests) would send for ``attempt`` with ``body``."""
    headers = dict(attempt.headers)
    data: Any = None
    if body is not None:
        headers["Content-Type"] = attempt.media_type
        if attempt.media_type == "application/x-www-form-urlencoded":
            data = {key: json.dumps(value) for key, value in body.items()}
        elif attempt.media_type == JSON:
            data = json.dumps(body)
        else:
            data = str(body)
    url = f"{BASE}{attempt.path}"
    return requests.Request(attempt.method, url, params=list(attempt.query), data=data, headers=headers).prepare()


def verdict(reason: str | None, admitted: Any, body: Any) -> str:
    return REFUSE if reason is not None else SEND if admitted == body else REWRITE


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=[attempt.name for attempt in ATTEMPTS])
def test_admit_and_the_wire_check_are_one_rule(attempt: Attempt) -> None:
    watch = guard()
    reason, admitted = admit(watch, attempt, attempt.body, negative=attempt.negative)
    assert verdict(reason, admitted, attempt.body) == attempt.expected, reason

    # The wire cannot tell a negative case: it applies the rule for positive ones, to the body as it is.
    wire_reason, wire_admitted = admit(watch, attempt, attempt.body, negative=False)
    if verdict(wire_reason, wire_admitted, attempt.body) == SEND:
        watch.check_wire(on_the_wire(attempt, attempt.body))
    else:
        with pytest.raises(GuardRefused):
            watch.check_wire(on_the_wire(attempt, attempt.body))
    if reason is None:  # and what admit() sends, rewritten or not, leaves
        watch.check_wire(on_the_wire(attempt, admitted))


def test_without_an_allow_list_no_write_passes_either_check() -> None:
    watch = guard(allowed=())
    watch.created.clear()
    for attempt in ATTEMPTS:
        if attempt.method in ("GET", "HEAD", "OPTIONS") and not attempt.headers:
            continue
        assert admit(watch, attempt, attempt.body, negative=False)[0] is not None, attempt.name
        with pytest.raises(GuardRefused):
            watch.check_wire(on_the_wire(attempt, attempt.body))


def _raw(method: str, path: str, data: Any, **headers: str) -> requests.PreparedRequest:
    return requests.Request(method, f"{BASE}{path}", data=data, headers=headers).prepare()


CALL = f"/v1/calls/{CREATED}"
WIRE_TRICKS = {
    "duplicate key, transfer first": _raw(
        "PUT", CALL, b'{"action":"transfer","action":"hangup"}', **{"Content-Type": JSON}
    ),
    "duplicate key, transfer last": _raw(
        "PUT", CALL, b'{"action":"hangup","action":"transfer"}', **{"Content-Type": JSON}
    ),
    "gzip body": _raw(
        "PUT", CALL, gzip.compress(b'{"action":"hangup"}'), **{"Content-Type": JSON, "Content-Encoding": "gzip"}
    ),
    "streamed body": _raw("PUT", CALL, iter([b'{"action":"hangup"}']), **{"Content-Type": JSON}),
    "not UTF-8": _raw("PUT", CALL, b'{"action":"hangup","x":"\xff"}', **{"Content-Type": JSON}),
    "form transfer": _raw("PUT", CALL, {"action": "transfer", "destination": "ncco"}),
    "JSON sent as text/plain": _raw("PUT", CALL, b'{"action":"hangup"}', **{"Content-Type": "text/plain"}),
    "JSON without a Content-Type": _raw("PUT", CALL, b'{"action":"hangup"}'),
    "ncco null": _raw("POST", "/v1/calls", json.dumps({"to": TO, "ncco": None}), **{"Content-Type": JSON}),
    "ncco an object": _raw("POST", "/v1/calls", json.dumps({"to": TO, "ncco": CONNECT[0]}), **{"Content-Type": JSON}),
    "to not a list": _raw(
        "POST", "/v1/calls", json.dumps({"to": "15550000001", "ncco": TALK}), **{"Content-Type": JSON}
    ),
    "method override on a GET": _raw("GET", "/v1/calls", None, **{"X-HTTP-Method-Override": "POST"}),
}


@pytest.mark.parametrize("request_", WIRE_TRICKS.values(), ids=WIRE_TRICKS.keys())
def test_the_wire_check_refuses_what_it_cannot_read_as_one_value(request_: requests.PreparedRequest) -> None:
    with pytest.raises(GuardRefused):
        guard().check_wire(request_)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(["transfer", "//h", "hangup"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["action", "to", "ncco", "text", "url", "destination", "number"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)


@given(body=JSON_VALUES, path=st.sampled_from(["/v1/calls", CALL, f"{CALL}/talk", f"/v1/calls/{OTHER}"]))
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
def test_any_body_leaves_only_if_admit_would_send_it_unchanged(body: Any, path: str) -> None:
    attempt = Attempt("generated", "POST" if path == "/v1/calls" else "PUT", path, body, SEND)
    watch = guard()
    reason, admitted = admit(watch, attempt, body, negative=False)
    try:
        watch.check_wire(on_the_wire(attempt, body))
        passed = True
    except GuardRefused:
        passed = False
    assert passed == (reason is None and admitted == body)
