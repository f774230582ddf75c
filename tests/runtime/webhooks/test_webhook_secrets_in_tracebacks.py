"""What an error tracker records of a refused callback (Sentry, by default: every local of every frame of the
traceback, containers walked) never holds the signature secret or the callback token, whichever public entry point
refused it: ``verify_callback``, ``construct_event``, ``construct_any_event`` or ``event_from_request``.

This test holds the secret and the tokens in ``Hidden`` too and reveals them only inside the call, so that every
frame, its own included, can be searched. ``parse_callback`` takes neither, so it is not among the entry points.
"""

from __future__ import annotations

import types
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.requests import Request

from tests.runtime.webhooks.support import BODY, FORGERIES, NOW, SECRET, claims, sha256_hex, signed
from vonage_voice_client._redact import Hidden
from vonage_voice_client.errors import VonageVoiceError
from vonage_voice_client.webhooks import (
    JtiCache,
    QueryInput,
    construct_any_event,
    construct_event,
    event_from_request,
    verify_callback,
)


@dataclass(frozen=True)
class Refusal:
    name: str
    headers: Hidden[list[tuple[str, str]]]
    body: bytes = BODY
    query: str | None = None
    replay_cache: JtiCache | None = None
    secret_suffix: str = ""  # "\ud800" makes the secret unusable: a ConfigurationError
    verify_accepts: bool = False  # verify_callback takes any size and does not parse: not a refusal there


def _authorization(value: str | None) -> Hidden[list[tuple[str, str]]]:
    return Hidden([] if value is None else [("Authorization", value)])


def _text(query: QueryInput | None) -> str | None:
    assert query is None or isinstance(query, str), "the corpus sends raw query strings, as servers receive them"
    return query


def _replayed() -> Refusal:
    cache = JtiCache(clock=lambda: NOW)
    cache.seen(claims()["jti"], NOW + 330)
    return Refusal("replayed", _authorization(signed()), replay_cache=cache)


def _nested() -> Refusal:
    body = ('{"status":"answered","x":' + "[" * 5000 + "]" * 5000 + "}").encode()
    token = signed(claims(payload_hash=sha256_hex(body)))
    return Refusal("signed, nested too deeply", _authorization(token), body=body, verify_accepts=True)


def refusals(rsa_key: Any) -> list[Refusal]:
    forged = [
        Refusal(forgery.name, _authorization(forgery.authorization(rsa_key)), forgery.body, _text(forgery.query))
        for forgery in FORGERIES
    ]
    return [
        *forged,
        _replayed(),
        _nested(),
        Refusal("over max_body_bytes", _authorization(signed()), BODY + b" " * 70_000, verify_accepts=True),
        Refusal("secret not Unicode", _authorization(signed()), secret_suffix="\ud800"),
        Refusal("two Authorization headers", Hidden([("Authorization", signed()), ("authorization", signed())])),
    ]


# --- the entry points, each fed from Hidden values revealed only in its call ----------------------------------------

Entry = Callable[[Refusal, Hidden[str | bytes]], Awaitable[object]]


async def through_verify_callback(case: Refusal, secret: Hidden[str | bytes]) -> object:
    return verify_callback(
        dict(case.headers.reveal()).get("Authorization"),
        case.body,
        secret.reveal(),
        query=case.query,
        clock=lambda: NOW,
        replay_cache=case.replay_cache,
    )


async def through_construct_event(case: Refusal, secret: Hidden[str | bytes]) -> object:
    return construct_event(
        method="POST",
        headers=case.headers.reveal(),
        body=case.body,
        query=case.query,
        secret=secret.reveal(),
        clock=lambda: NOW,
        replay_cache=case.replay_cache,
    )


async def through_construct_any_event(case: Refusal, secret: Hidden[str | bytes]) -> object:
    return construct_any_event(
        method="POST",
        headers=case.headers.reveal(),
        body=case.body,
        query=case.query,
        secret=secret.reveal(),
        clock=lambda: NOW,
        replay_cache=case.replay_cache,
    )


async def through_event_from_request(case: Refusal, secret: Hidden[str | bytes]) -> object:
    return await event_from_request(
        starlette_request(case).reveal(), secret.reveal(), clock=lambda: NOW, replay_cache=case.replay_cache
    )


def starlette_request(case: Refusal) -> Hidden[Request]:
    """The request an ASGI server would hand over: its scope (a mapping, as the Request is) holds the headers."""
    scope = {
        "type": "http",
        "method": "POST",
        "scheme": "http",
        "server": ("testserver", 80),
        "path": "/event",
        "root_path": "",
        "query_string": (case.query or "").encode(),
        "headers": [(name.lower().encode(), value.encode("latin-1")) for name, value in case.headers.reveal()],
    }
    chunks = [case.body]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": chunks.pop() if chunks else b"", "more_body": False}

    return Hidden(Request(scope, receive))


ENTRIES: dict[str, Entry] = {
    "verify_callback": through_verify_callback,
    "construct_event": through_construct_event,
    "construct_any_event": through_construct_any_event,
    "event_from_request": through_event_from_request,
}


# --- what a tracker records -----------------------------------------------------------------------------------------


def tracebacks(exc: BaseException) -> Iterator[types.TracebackType]:
    """``exc``'s traceback and those of the exceptions chained to it (``__cause__``, ``__context__``)."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if current.__traceback__ is not None:
            yield current.__traceback__
        pending += [chained for chained in (current.__cause__, current.__context__) if chained is not None]


def recorded(exc: BaseException) -> list[str]:
    """repr() of every local of every frame, walking mappings and sequences as Sentry's serializer does."""
    texts: list[str] = []
    for tb in tracebacks(exc):
        walk: types.TracebackType | None = tb
        while walk is not None:
            frame = walk.tb_frame
            for name, value in frame.f_locals.items():
                texts += (f"{frame.f_code.co_name}.{name}: {text}" for text in reprs(value, depth=0, seen=set()))
            walk = walk.tb_next
    return texts


def reprs(value: object, *, depth: int, seen: set[int]) -> Iterator[str]:
    yield repr(value)
    if depth >= 10 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Mapping):
        for key in value:
            yield from reprs(key, depth=depth + 1, seen=seen)
            yield from reprs(value[key], depth=depth + 1, seen=seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from reprs(item, depth=depth + 1, seen=seen)


def leaks(texts: list[str], case: Refusal) -> list[str]:
    """The recorded texts that show a piece of the secret or a token (whole, or its signature)."""
    needles = [SECRET[i : i + 12] for i in range(0, len(SECRET) - 11, 12)]
    for _, value in case.headers.reveal():
        token = value.removeprefix("Bearer ").strip()
        if len(token) > 40:
            needles += [token, token.rsplit(".", 1)[-1]]
    return [text for text in texts if any(needle in text for needle in needles if len(needle) >= 12)]


async def refused(entry: str, case: Refusal, *, as_bytes: bool) -> list[str]:
    """What a tracker records of ``case`` refused through ``entry`` (caught here, so this frame is searched too)."""
    secret: Hidden[str | bytes] = Hidden(
        (SECRET + case.secret_suffix).encode("utf-8", "surrogatepass") if as_bytes else SECRET + case.secret_suffix
    )
    with pytest.raises(VonageVoiceError) as caught:
        await ENTRIES[entry](case, secret)
    return recorded(caught.value)


@pytest.mark.parametrize("as_bytes", [False, True], ids=["secret str", "secret bytes"])
@pytest.mark.parametrize("entry", list(ENTRIES))
async def test_no_frame_of_a_refused_callback_holds_the_secret_or_the_token(
    entry: str, as_bytes: bool, rsa_key: Any
) -> None:
    holders: set[str] = set()
    for case in refusals(rsa_key):
        if entry == "verify_callback" and (case.verify_accepts or len(case.headers.reveal()) > 1):
            continue
        texts = await refused(entry, case, as_bytes=as_bytes)
        assert leaks(texts, case) == [], case.name
        holders |= {text.split(":")[0] for text in texts if "<hidden>" in text}
    # the search saw the frames that hold the secret and the header: the entry point's own, and those below it
    assert any(holder.startswith(f"{entry}.") for holder in holders), sorted(holders)
