"""The replay cache on a real Redis: each token accepted once across processes, forgotten when it would be too old
anyway, and every callback refused while Redis cannot be asked (fail closed, saying why)."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
import redis

from tests.runtime.webhooks.support import BODY, SECRET, claims, signed
from tests.support.redis_server import RedisServer
from vonage_voice_client.webhooks import (
    RedisReplayCache,
    ReplayCacheUnavailableError,
    ReplayedTokenError,
    WebhookVerificationError,
    verify_callback,
)


def fresh_token() -> str:
    return signed(claims(iat=int(time.time()), jti=str(uuid.uuid4())))


def test_a_token_is_accepted_once_and_remembered_until_it_expires(redis_server: RedisServer) -> None:
    cache = RedisReplayCache(redis_server.url)
    token = fresh_token()
    verify_callback(token, BODY, SECRET, replay_cache=cache, max_age=300)
    with pytest.raises(ReplayedTokenError):
        verify_callback(token, BODY, SECRET, replay_cache=RedisReplayCache(redis_server.url), max_age=300)
    jti = f"jti-{uuid.uuid4()}"
    cache.seen(jti, time.time() + 60)
    ttl = redis.Redis.from_url(redis_server.url).ttl(f"vonage-voice-client:jti:{jti}")
    assert 55 <= ttl <= 61  # Redis forgets it when the token would be refused as too old anyway


def test_of_concurrent_deliveries_of_one_token_exactly_one_is_accepted(redis_server: RedisServer) -> None:
    caches = [RedisReplayCache(redis_server.url) for _ in range(8)]  # as eight processes hold them
    jti, answers, barrier = str(uuid.uuid4()), [], threading.Barrier(8)

    def deliver(cache: RedisReplayCache) -> None:
        barrier.wait()
        answers.append(cache.seen(jti, time.time() + 60))

    threads = [threading.Thread(target=deliver, args=(cache,)) for cache in caches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [False] + [True] * 7


def test_without_redis_every_callback_is_refused_and_says_why() -> None:
    cache = RedisReplayCache("redis://:s3cret@127.0.0.1:1/0")  # nothing listens on port 1
    started = time.monotonic()
    with pytest.raises(ReplayCacheUnavailableError) as caught:
        verify_callback(fresh_token(), BODY, SECRET, replay_cache=cache, max_age=300)
    assert time.monotonic() - started < 2.0
    assert isinstance(caught.value, WebhookVerificationError)  # the handlers that refuse a forgery refuse this too
    message = str(caught.value)
    assert "replay cache" in message and "127.0.0.1:1" in message and "refused" in message
    assert "s3cret" not in message and "s3cret" not in repr(cache)
