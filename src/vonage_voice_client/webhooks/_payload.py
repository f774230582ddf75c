"""A signed callback's payload, read strictly, and every ``payload_hash`` it may genuinely have.

The signature covers a hash of the payload, so the payload must have exactly one reading: a web framework and this
module must see the same values. A name given twice (``uuid=EVIL&...&uuid=REAL`` in a query, a duplicate key in a
JSON object) is read as the first value by some frameworks (Flask, aiohttp) and the last by others (and by the hash),
and text that is not valid Unicode is read differently by every decoder; both are refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from .._redact import describe

QueryInput = str | bytes | Mapping[str, str] | Iterable[tuple[str, str]]
"""A raw query string (a leading ``?`` is ignored), a mapping, or a sequence of ``(name, value)`` pairs."""


class UnreadablePayload(ValueError):
    """The payload has no single reading; the message says why (never quoting more than a field's name)."""


def payload_hashes(body: bytes | str, query: QueryInput | None) -> set[bytes]:
    """Every hex SHA-256 a genuine ``payload_hash`` for this payload may have.

    The payload is the body when it is not empty, otherwise the query parameters. Vonage's signed-webhooks guide says it
    hashes an object built from the payload in received order and serialised without whitespace; it does not say whether
    non-ASCII characters are escaped (JavaScript and Jackson write them raw, Python escapes them by default), nor
    whether numbers keep their written form (``1.0`` vs ``1``). So a hash is accepted if it matches the body bytes as
    received (right whenever Vonage sent the compact form it hashed, whatever its escaping or number style), or the
    compact re-serialisation with non-ASCII raw or escaped (right when the body was reformatted on the way). All
    candidates encode the same received value, so accepting several lets no altered payload through.
    """
    raw = _body_bytes(body)
    if raw.strip():
        return _body_hashes(raw)
    if query is None:  # nothing was received: the payload is the empty body, or the empty object
        return {_sha256(raw)} | _compact_hashes({})
    return _compact_hashes(unique(query_pairs(query), "the query"))


def query_pairs(query: QueryInput) -> list[tuple[str, str]]:
    """Every (name, value) of a query, repeated names included, percent-decoded as UTF-8 (strictly)."""
    try:
        if isinstance(query, bytes):
            query = query.decode("utf-8")  # percent-encoded ASCII, normally; UTF-8 if a client sent it raw
        if isinstance(query, str):
            return parse_qsl(query.removeprefix("?"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise UnreadablePayload("the query is not valid UTF-8") from None
    if isinstance(query, Mapping):
        return _mapping_pairs(query)
    return [(str(name), str(value)) for name, value in query]


def _mapping_pairs(query: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """A framework's query mapping, every value of a repeated name included (``items()`` alone hides them)."""
    if hasattr(query, "multi_items"):  # Starlette, FastAPI
        pairs: Iterable[tuple[Any, Any]] = query.multi_items()
    elif hasattr(query, "lists"):  # werkzeug (Flask), Django
        pairs = ((name, value) for name, values in query.lists() for value in values)
    else:  # a dict; aiohttp's and yarl's MultiDicts, whose items() already repeat names
        pairs = query.items()
    return [(str(name), str(value)) for name, value in pairs]


def unique(pairs: Iterable[tuple[str, Any]], where: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in pairs:
        if name in found:
            raise UnreadablePayload(f"{where} names {describe(name)} more than once")
        found[name] = value
    return found


def _body_bytes(body: bytes | str) -> bytes:
    if isinstance(body, bytes):
        return body
    try:
        return body.encode("utf-8")
    except UnicodeEncodeError:
        raise UnreadablePayload("the body is not valid Unicode (it holds a lone surrogate)") from None


def _body_hashes(raw: bytes) -> set[bytes]:
    hashes = {_sha256(raw)}
    try:
        # dicts keep the received property order; a repeated key raises UnreadablePayload from the hook
        value = json.loads(raw, object_pairs_hook=lambda pairs: unique(pairs, "the JSON body"))
    except UnreadablePayload:
        raise
    except (ValueError, RecursionError):  # not JSON (or absurdly nested): only the raw bytes can match
        return hashes
    try:
        return hashes | _compact_hashes(value)
    except RecursionError:  # nested just short of the decoder's limit, past the encoder's: the raw bytes, then
        return hashes


def _compact_hashes(value: object) -> set[bytes]:
    try:
        return {
            _sha256(json.dumps(value, separators=(",", ":"), ensure_ascii=escaped).encode("utf-8"))
            for escaped in (False, True)
        }
    except UnicodeEncodeError:  # a lone surrogate, from a query or a JSON escape: no UTF-8 text holds one
        raise UnreadablePayload("the payload holds text that is not valid Unicode (a lone surrogate)") from None


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).hexdigest().encode("ascii")
