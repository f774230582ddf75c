"""The retry rule: what is re-sent, how often, and how long it waits; never a duplicate call."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import create_call, get_call, get_calls, update_call
from vonage_voice_api.api.dtmf import start_dtmf, subscribe_dtmf, unsubscribe_dtmf
from vonage_voice_api.api.play_tts import start_talk, stop_talk
from vonage_voice_api.api.stream_audio import start_stream, stop_stream
from vonage_voice_api.models import (
    CreateCallRequestNcco,
    DtmfRequest,
    Earmuff,
    Hangup,
    Mute,
    StartStreamRequest,
    StartTalkRequest,
    SubscribeDtmfRequest,
    TalkAction,
    TransferWithAnswerUrl,
    TransferWithAnswerUrlDestination,
    TransferWithNcco,
    TransferWithNccoDestination,
    Unearmuff,
    Unmute,
)

from tests.runtime.support import CALL_UUID, CON_UUID, Sleeps, call_record, mock_client, problem
from vonage_voice_client import (
    RateLimitedError,
    RetryPolicy,
    ServerError,
    VoiceAPIError,
    VoiceClient,
    VoiceTransportError,
)
from vonage_voice_client.errors import parse_retry_after
from vonage_voice_client.retries import retry_rule

MAX_RETRIES = 3
CREATE_BODY: dict[str, Any] = {
    "to": [{"type": "phone", "number": "14155550100"}],
    "random_from_number": True,
    "ncco": [{"action": "talk", "text": "Hello"}],
}


def rate_limited(request: httpx.Request) -> httpx.Response:
    response = problem(429, "Too Many Requests")
    response.headers["Retry-After"] = "2"
    return response


def unavailable(request: httpx.Request) -> httpx.Response:
    return problem(503, "Service Unavailable")


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def read_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out after sending", request=request)


def dropped(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)


# failure -> (server behaviour, error the caller finally gets, re-sent for a `once` request?)
FAILURES: dict[str, tuple[Callable[[httpx.Request], httpx.Response], type[Exception], bool]] = {
    "connect error": (refused, VoiceTransportError, True),  # never reached the server
    "429": (rate_limited, RateLimitedError, True),  # refused unprocessed
    "502": (lambda r: problem(502, "Bad Gateway"), ServerError, False),
    "503": (unavailable, ServerError, False),
    "504": (lambda r: problem(504, "Gateway Timeout"), ServerError, False),
    "read timeout after send": (read_timeout, VoiceTransportError, False),
    "dropped response": (dropped, VoiceTransportError, False),
}
TALK = StartTalkRequest(text="Your PIN is 1234")
# operation (or updateCall action) -> (call it, may it be repeated?). The second column is the rule by effect,
# written here by hand so that the test checks the spec's declared rules, not merely that the table is applied.
OPERATIONS: dict[str, tuple[Callable[[VoiceClient], Any], bool]] = {
    "getCalls": (lambda c: get_calls.sync(client=c), True),
    "getCall": (lambda c: get_call.sync(CALL_UUID, client=c), True),
    "createCall": (lambda c: create_call.sync(client=c, body=CreateCallRequestNcco.from_dict(CREATE_BODY)), False),
    "updateCall transfer (ncco)": (
        lambda c: update_call.sync(
            CALL_UUID, client=c, body=TransferWithNcco(TransferWithNccoDestination(ncco=[TalkAction(text="Moved")]))
        ),
        False,
    ),
    "updateCall transfer (url)": (
        lambda c: update_call.sync(
            CALL_UUID, client=c, body=TransferWithAnswerUrl(TransferWithAnswerUrlDestination(url=["https://x.test/a"]))
        ),
        False,
    ),
    "updateCall hangup": (lambda c: update_call.sync(CALL_UUID, client=c, body=Hangup()), False),
    "updateCall mute": (lambda c: update_call.sync(CALL_UUID, client=c, body=Mute()), True),
    "updateCall unmute": (lambda c: update_call.sync(CALL_UUID, client=c, body=Unmute()), True),
    "updateCall earmuff": (lambda c: update_call.sync(CALL_UUID, client=c, body=Earmuff()), True),
    "updateCall unearmuff": (lambda c: update_call.sync(CALL_UUID, client=c, body=Unearmuff()), True),
    "startStream": (
        lambda c: start_stream.sync(CALL_UUID, client=c, body=StartStreamRequest(stream_url=["https://x.test/a.mp3"])),
        False,
    ),
    "stopStream": (lambda c: stop_stream.sync(CALL_UUID, client=c), True),
    "startTalk": (lambda c: start_talk.sync(CALL_UUID, client=c, body=TALK), False),
    "stopTalk": (lambda c: stop_talk.sync(CALL_UUID, client=c), True),
    "startDTMF": (lambda c: start_dtmf.sync(CALL_UUID, client=c, body=DtmfRequest(digits="1234")), False),
    "subscribeDTMF": (
        lambda c: subscribe_dtmf.sync(CALL_UUID, client=c, body=SubscribeDtmfRequest(event_url=["https://x.test/e"])),
        False,
    ),
    "unsubscribeDTMF": (lambda c: unsubscribe_dtmf.sync(CALL_UUID, client=c), True),
}
ALL = 1 + MAX_RETRIES


@pytest.mark.parametrize("failure", list(FAILURES))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_retry_table(rsa_key: rsa.RSAPrivateKey, operation: str, failure: str) -> None:
    """Every operation and updateCall action, against every failure: an effect is never sent twice once it may
    have reached the server; a repeatable request is re-sent up to max_retries times."""
    handler, error_class, resent_even_once = FAILURES[failure]
    call, repeatable = OPERATIONS[operation]
    bodies: list[bytes] = []

    def counting(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return handler(request)

    sleeps = Sleeps()
    with mock_client(rsa_key, counting, max_retries=MAX_RETRIES, sleeps=sleeps) as client, pytest.raises(error_class):
        call(client)
    assert len(bodies) == (ALL if repeatable or resent_even_once else 1)
    assert len(set(bodies)) == 1  # a re-send is the same request
    if failure == "429":
        assert sleeps.delays == [2.0] * MAX_RETRIES


def test_a_request_without_a_rule_is_never_resent_after_it_may_have_reached_the_server() -> None:
    unknown = httpx.Request("POST", "http://127.0.0.1:9/v1/calls/abc/record", json={"action": "start"})
    new_action = httpx.Request("PUT", f"http://127.0.0.1:9/v1/calls/{CALL_UUID}", json={"action": "hold"})
    no_body = httpx.Request("PUT", f"http://127.0.0.1:9/v1/calls/{CALL_UUID}", content=b"not json")
    assert {retry_rule(unknown), retry_rule(new_action), retry_rule(no_body)} == {"once"}
    mute = httpx.Request("PUT", f"http://127.0.0.1:9/proxy/v1/calls/{CALL_UUID}", json={"action": "mute"})
    assert retry_rule(mute) == "repeatable"  # a base URL with a path prefix still matches


@pytest.mark.parametrize("scenario", ["connection-refused", "read-timeout-after-send"])
def test_transport_error_says_whether_the_request_may_have_reached_the_server(
    rsa_key: rsa.RSAPrivateKey, scenario: str
) -> None:
    handler = {"connection-refused": refused, "read-timeout-after-send": read_timeout}[scenario]
    with mock_client(rsa_key, handler, max_retries=0) as client, pytest.raises(VoiceTransportError) as caught:
        OPERATIONS["createCall"][0](client)
    assert caught.value.may_have_reached_server is (scenario != "connection-refused")


def test_max_retries_zero_disables_retries(rsa_key: rsa.RSAPrivateKey) -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        return unavailable(request)

    with mock_client(rsa_key, handler, max_retries=0) as client, pytest.raises(ServerError):
        OPERATIONS["getCall"][0](client)
    assert len(attempts) == 1


def test_a_transient_failure_then_success_returns_the_result(rsa_key: rsa.RSAPrivateKey) -> None:
    def ok(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=call_record())

    answers: Iterator[Callable[[httpx.Request], httpx.Response]] = iter([unavailable, refused, ok])
    with mock_client(rsa_key, lambda r: next(answers)(r)) as client:
        assert str(OPERATIONS["getCall"][0](client).uuid) == CALL_UUID


def test_retry_after_as_http_date_is_honoured_and_capped() -> None:
    policy = RetryPolicy(max_retry_after=30.0)
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=10), usegmt=True)
    late = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    assert 8.0 <= policy.delay(1, httpx.Response(429, headers={"Retry-After": soon})) <= 10.0
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": late})) == 30.0
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": "900"})) == 30.0


NOT_A_WAIT = ["nan", "inf", "-inf", "-5", "+5", "1e3", "1_0", "0x10", "9" * 400, "soon", "Mon, 32 Jan 2024"]


@pytest.mark.parametrize("value", NOT_A_WAIT, ids=lambda v: v[:12])
def test_a_retry_after_that_is_not_a_wait_counts_as_absent(rsa_key: rsa.RSAPrivateKey, value: str) -> None:
    """Before: nan and -5 read as 0 (three retries at once) and inf as inf (retry_after=inf on the error)."""

    def limited(request: httpx.Request) -> httpx.Response:
        response = problem(429, "Too Many Requests")
        response.headers["Retry-After"] = value
        return response

    assert parse_retry_after(value) is None
    sleeps = Sleeps()
    with (
        mock_client(rsa_key, limited, max_retries=MAX_RETRIES, sleeps=sleeps) as client,
        pytest.raises(RateLimitedError) as caught,
    ):
        OPERATIONS["getCall"][0](client)
    assert caught.value.retry_after is None
    # The backoff's own waits: 0.25-0.5 s, 0.5-1 s, 1-2 s.
    assert [0.25 * 2**n <= delay <= 0.5 * 2**n for n, delay in enumerate(sleeps.delays)] == [True] * MAX_RETRIES


def test_retry_after_is_read_strictly() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("2") == 2.0
    assert parse_retry_after(" 1.5 ") == 1.5  # a fraction is not delay-seconds, but its meaning is clear
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now.timestamp()) == 30.0
    # An HTTP date is GMT: one without a zone ("-0000", or none) is not read as local time.
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 -0000", now=now.timestamp()) == 30.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30", now=now.timestamp()) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(days=1), usegmt=True), now=now.timestamp()) == 0.0
    assert parse_retry_after(None) is None and parse_retry_after(" ") is None
    assert parse_retry_after("\u0663") is None  # an Arabic-Indic 3: float() reads it, HTTP does not


@pytest.mark.parametrize("value", ["0", "Thu, 01 Jan 2015 00:00:00 GMT"], ids=["zero", "past date"])
def test_retry_after_zero_or_past_still_waits_the_backoff(value: str) -> None:
    """Before: 0 s, so every client limited together retried at once and spent its retries in the same instant."""
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=4.0)
    response = httpx.Response(429, headers={"Retry-After": value})
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0)]:
        delays = {policy.delay(attempt, response) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1, "jittered like the backoff, not in lockstep"


def test_retry_after_longer_than_the_backoff_is_waited_exactly() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=4.0, max_retry_after=30.0)
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": "2"})) == 2.0
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": "1e300"})) <= 0.5  # not a wait: backoff
    assert policy.delay(1, httpx.Response(429, headers={"Retry-After": "9" * 300})) == 30.0  # a wait, capped


def test_backoff_is_exponential_jittered_and_capped() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=4.0)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (9, 4.0)]:
        delays = {policy.delay(attempt, None) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1, "jitter spreads retries"


def test_negative_max_retries_is_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)


def test_random_failures_never_create_a_call_twice(rsa_key: rsa.RSAPrivateKey) -> None:
    """1,000 creates through a network failing 30% of requests: no duplicate, every failure typed."""
    rng = random.Random(20261126)
    created: dict[str, int] = {}

    def flaky_server(request: httpx.Request) -> httpx.Response:
        key = request.content.decode()  # each create sends a distinct destination number
        roll = rng.random()
        if roll < 0.075:
            raise httpx.ConnectError("refused", request=request)  # never reached the server
        if roll < 0.15:
            return rate_limited(request)  # reached, refused unprocessed
        if roll < 0.225:
            created[key] = created.get(key, 0) + 1
            raise httpx.ReadError("connection dropped after the call was created", request=request)
        if roll < 0.30:
            return unavailable(request)  # reached; may or may not have acted: never retried
        created[key] = created.get(key, 0) + 1
        body = {"uuid": CALL_UUID, "status": "started", "direction": "outbound", "conversation_uuid": CON_UUID}
        return httpx.Response(201, json=body)

    told: dict[str, str] = {}
    with mock_client(rsa_key, flaky_server, max_retries=MAX_RETRIES) as client:
        for index in range(1000):
            body = CREATE_BODY | {"to": [{"type": "phone", "number": f"1415{index:07d}"}]}
            key = CreateCallRequestNcco.from_dict(body)
            try:
                create_call.sync(client=client, body=key)
                told[body["to"][0]["number"]] = "created"
            except VoiceAPIError:
                told[body["to"][0]["number"]] = "refused"
            except VoiceTransportError as error:
                assert error.method == "POST"
                told[body["to"][0]["number"]] = "maybe" if error.may_have_reached_server else "not sent"
    made = {json.loads(key)["to"][0]["number"]: count for key, count in created.items()}
    assert max(made.values()) == 1, "a call was created twice"
    # Every call that exists was reported created, or reported as "may have reached the server": none is hidden.
    assert {told[number] for number in made} <= {"created", "maybe"}
    assert all(number in made for number, outcome in told.items() if outcome == "created")
    assert {"created", "refused", "maybe"} <= set(told.values())
