"""verify_callback under attack: ambiguous payloads, replays, text that is not Unicode, and tracebacks that record
local variables (as Sentry does by default) must never show the signature secret or a token."""

from __future__ import annotations

import json
import threading
import types
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from starlette.datastructures import QueryParams

from tests.runtime.webhooks.support import (
    ANSWER_OBJECT,
    ANSWER_QUERY,
    BODY,
    EVENT,
    FORGERIES,
    NOW,
    SECRET,
    WRONG_SECRET,
    claims,
    compact_hash,
    signed,
    verify,
)
from vonage_voice_client.auth import ConfigurationError
from vonage_voice_client.webhooks import (
    JtiCache,
    MalformedPayloadError,
    MalformedTokenError,
    ReplayedTokenError,
    WebhookVerificationError,
    verify_callback,
)

ANSWER_TOKEN = signed(claims(payload_hash=compact_hash(ANSWER_OBJECT)))


# --- one value per name ---------------------------------------------------------------------------------------------


class MultiValued(Mapping[str, str]):
    """A framework's multi-valued query mapping (werkzeug, Django): ``items()`` shows one value, ``lists()`` all."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def __getitem__(self, name: str) -> str:
        return next(value for key, value in self._pairs if key == name)

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._pairs))

    def __len__(self) -> int:
        return len(dict(self._pairs))

    def lists(self) -> list[tuple[str, list[str]]]:
        grouped: dict[str, list[str]] = {}
        for key, value in self._pairs:
            grouped.setdefault(key, []).append(value)
        return list(grouped.items())


# Names repeated in the signed order: the hash keeps each name's first place and last value (the signed query),
# while Flask and aiohttp read the first value.
SMUGGLED = f"to=1&from=2&uuid=EVIL&{ANSWER_QUERY}"
SMUGGLED_PAIRS = [("to", "1"), ("from", "2"), ("uuid", "EVIL"), *ANSWER_OBJECT.items()]


@pytest.mark.parametrize(
    "query",
    [
        SMUGGLED,
        SMUGGLED.encode(),
        f"%74o=EVIL&{ANSWER_QUERY}",  # the same name, percent-encoded
        SMUGGLED_PAIRS,
        QueryParams(SMUGGLED),  # Starlette's request.query_params
        MultiValued(SMUGGLED_PAIRS),
    ],
    ids=["str", "bytes", "encoded name", "pairs", "starlette", "werkzeug-like"],
)
def test_a_query_naming_a_parameter_twice_is_refused(query: Any) -> None:
    with pytest.raises(MalformedPayloadError, match="'to' more than once"):
        verify(ANSWER_TOKEN, b"", query=query)


@pytest.mark.parametrize(
    "body",
    [
        # Python keeps the last value at the first key's place, so this re-serialises to the signed body, while a
        # parser that keeps the first value reads EVIL.
        BODY.replace(b'{"from":', b'{"from":"EVIL","from":', 1),
        json.dumps({**EVENT, "custom_data": {"a": 1}}).encode().replace(b'{"a": 1}', b'{"a": 2, "a": 1}'),
    ],
    ids=["top level", "nested"],
)
def test_a_json_body_with_a_duplicate_key_is_refused(body: bytes) -> None:
    signed_value = json.loads(body)
    with pytest.raises(MalformedPayloadError, match="more than once"):
        verify(signed(claims(payload_hash=compact_hash(signed_value))), body)


# --- text that is not Unicode ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "query"),
    [
        ('{"status": "answered\ud800"}', None),  # a str body holding a lone surrogate
        (b'{"status":"answered\\ud800"}', None),  # a JSON escape decoding to one
        (b"", "uuid=\ud800"),
        (b"", b"uuid=%FF"),  # percent-encoded bytes that are not UTF-8
    ],
    ids=["str body", "escaped in JSON", "str query", "bytes query"],
)
def test_text_that_is_not_unicode_is_a_verification_error(body: bytes | str, query: Any) -> None:
    with pytest.raises(MalformedPayloadError, match="not valid U"):
        verify(signed(), body, query=query)


@pytest.mark.parametrize("authorization", ["Bearer \ud800.a.b", "Bearer é.a.b", b"Bearer \xff.a.b"])
def test_a_token_that_is_not_ascii_is_malformed(authorization: str | bytes) -> None:
    with pytest.raises(MalformedTokenError):
        verify(authorization)


def test_a_secret_that_is_not_unicode_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="not valid Unicode"):
        verify_callback(signed(), BODY, "secret\ud800")


# --- replays --------------------------------------------------------------------------------------------------------


def test_a_token_is_accepted_once_with_a_replay_cache() -> None:
    cache = JtiCache(clock=lambda: NOW)
    assert verify(signed(), replay_cache=cache)["jti"] == claims()["jti"]
    with pytest.raises(ReplayedTokenError):
        verify(signed(), replay_cache=cache)
    assert verify(signed(claims(jti="another")), replay_cache=cache)["jti"] == "another"


def test_a_jti_is_forgotten_once_its_token_would_be_refused_as_too_old() -> None:
    now = [float(NOW)]
    cache = JtiCache(clock=lambda: now[0])
    verify_callback(signed(), BODY, SECRET, clock=lambda: now[0], max_age=60, leeway=5, replay_cache=cache)
    assert len(cache) == 1
    now[0] += 66  # iat + max_age + leeway has passed: the token itself is now refused, so the jti can go
    cache.seen("unrelated", now[0] + 60)
    assert len(cache) == 1


def test_only_verified_tokens_are_remembered() -> None:
    cache = JtiCache(clock=lambda: NOW)
    for token, body in [(signed(secret=WRONG_SECRET), BODY), (signed(), BODY.replace(b"answered", b"completed"))]:
        with pytest.raises(WebhookVerificationError):
            verify(token, body, replay_cache=cache)
    assert len(cache) == 0
    assert verify(signed(), replay_cache=cache)["iss"] == "Vonage"  # the genuine delivery still gets through


def test_a_token_without_jti_is_refused_when_replays_are_checked() -> None:
    with pytest.raises(MalformedTokenError, match="jti"):
        verify(signed(claims(jti=None)), replay_cache=JtiCache(clock=lambda: NOW))
    with pytest.raises(MalformedTokenError, match="jti"):
        verify(signed(claims(jti=7)), replay_cache=JtiCache(clock=lambda: NOW))


def test_replay_protection_needs_a_bounded_age() -> None:
    with pytest.raises(ConfigurationError, match="max_age"):
        verify(signed(), max_age=None, replay_cache=JtiCache(clock=lambda: NOW))


def test_concurrent_deliveries_of_one_token_are_accepted_once() -> None:
    cache = JtiCache(clock=lambda: NOW)
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def deliver() -> None:
        barrier.wait()
        try:
            verify(signed(), replay_cache=cache)
            outcomes.append("accepted")
        except ReplayedTokenError:
            outcomes.append("replay")

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted"] + ["replay"] * 7


def test_a_shared_store_can_be_plugged_in() -> None:
    """Several processes share one store (Redis ``SET jti 1 NX EXAT until``); anything with ``seen`` will do."""
    store: dict[str, float] = {}

    class SetNX:
        def seen(self, jti: str, until: float) -> bool:
            if jti in store:
                return True
            store[jti] = until
            return False

    verify(signed(), replay_cache=SetNX())
    assert store == {claims()["jti"]: NOW + 300 + 30}
    with pytest.raises(ReplayedTokenError):
        verify(signed(), replay_cache=SetNX())


def test_a_full_cache_forgets_the_oldest_entries_first() -> None:
    cache = JtiCache(max_entries=3, clock=lambda: NOW)
    for number, until in enumerate([NOW + 30, NOW + 10, NOW + 20, NOW + 40]):
        assert not cache.seen(f"jti-{number}", until)
    assert len(cache) == 3
    assert not cache.seen("jti-1", NOW + 50)  # the one closest to expiry went first
    assert cache.seen("jti-0", NOW + 50)


@pytest.mark.parametrize("until", [float("nan"), float("inf"), True, "1700000330"], ids=repr)
def test_a_jti_cache_refuses_an_expiry_that_is_not_a_finite_time_and_keeps_forgetting(until: Any) -> None:
    """A NaN at the top of the expiry heap compares false with every time: nothing behind it would be forgotten."""
    now = [float(NOW)]
    cache = JtiCache(clock=lambda: now[0])
    with pytest.raises(ValueError, match="finite Unix time"):
        cache.seen("odd", until)
    assert not cache.seen("young", NOW + 10)
    now[0] = NOW + 20
    assert not cache.seen("later", NOW + 50)
    assert len(cache) == 1  # "young" was forgotten at its time


# --- tracebacks that record local variables -------------------------------------------------------------------------


def our_frames(exc: BaseException) -> Iterator[types.FrameType]:
    """The frames of ``exc``'s traceback that run our package's code (the caller's own locals are its business)."""
    tb = exc.__traceback__
    while tb is not None:
        if "vonage_voice_client" in tb.tb_frame.f_code.co_filename:
            yield tb.tb_frame
        tb = tb.tb_next


def local_reprs(exc: BaseException) -> list[str]:
    """What a traceback recording locals would store: repr() of every local of every frame, which must not raise."""
    return [
        f"{frame.f_code.co_name}.{name}={value!r}"
        for frame in our_frames(exc)
        for name, value in frame.f_locals.items()
    ]


def test_no_frame_of_a_refused_callback_holds_the_secret_or_the_token(rsa_key: Any) -> None:
    texts: list[str] = []
    tokens: list[str] = []
    for forgery in FORGERIES:
        authorization = forgery.authorization(rsa_key)
        with pytest.raises(WebhookVerificationError) as caught:
            verify(authorization, forgery.body, query=forgery.query, replay_cache=JtiCache(clock=lambda: NOW))
        assert list(our_frames(caught.value)), forgery.name
        texts += local_reprs(caught.value)
        token = (authorization or "").removeprefix("Bearer ").strip()
        if len(token) > 40:
            tokens.append(token)
    with pytest.raises(ConfigurationError) as misconfigured:
        verify_callback(signed(), BODY, SECRET + "\ud800")
    texts += local_reprs(misconfigured.value)

    pieces = [SECRET[i : i + 12] for i in range(0, len(SECRET) - 11, 12)]
    assert [piece for piece in pieces for text in texts if piece in text] == []
    assert [token for token in tokens for text in texts if token in text] == []
    assert any("secret=" in text or "key=" in text for text in texts), "the test saw no frame holding the secret"
