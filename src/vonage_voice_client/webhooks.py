"""Signed Voice callbacks: verify that an answer, event or fallback webhook really comes from Vonage.

Vonage sends ``Authorization: Bearer <JWT>`` with its callbacks (facts 4.2): an HS256 token keyed with the account's
signature secret, with ``iss: "Vonage"``, ``iat`` and ``payload_hash``, the hex SHA-256 of the payload.
:func:`verify_callback` checks all of it and returns the claims. It takes strings and bytes and imports no web
framework, so it fits any of them::

    claims = verify_callback(request.headers.get("Authorization"), await request.body(), secret)          # POST
    claims = verify_callback(request.headers.get("Authorization"), b"", secret, query=request.url.query)  # GET

Every refusal raises a subclass of :class:`WebhookVerificationError` (a ``ValueError``), so a handler can answer
401 on the base class and still log the precise reason. Messages never contain the secret.

:func:`parse_callback` (from ``callbacks``) turns a verified payload into its generated model::

    event = parse_callback(body)             # StartedEvent, CompletedEvent, InputEvent, AnswerWebhook, ...
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Final

import jwt

from ._redact import describe
from .callbacks import CallbackParseError, QueryInput, parse_callback, query_object
from .errors import ConfigurationError

__all__ = [
    "AlgorithmNotAllowedError",
    "CallbackParseError",
    "InvalidIssuerError",
    "InvalidSignatureError",
    "MalformedTokenError",
    "MissingPayloadHashError",
    "MissingTokenError",
    "PayloadHashMismatchError",
    "QueryInput",
    "TokenExpiredError",
    "TokenNotYetValidError",
    "WebhookVerificationError",
    "parse_callback",
    "verify_callback",
]

logger = logging.getLogger(__name__)

ALGORITHM: Final = "HS256"
ISSUER: Final = "Vonage"
DEFAULT_MAX_AGE: Final = 300.0
DEFAULT_LEEWAY: Final = 30.0


class WebhookVerificationError(ValueError):
    """A callback failed verification; answer it with 401 and do not act on it."""


class MissingTokenError(WebhookVerificationError):
    """No Authorization header, or ``Bearer`` with no token: the callback is unsigned."""


class MalformedTokenError(WebhookVerificationError):
    """The header is not ``Bearer <JWT>``, the JWT cannot be decoded, or a claim has the wrong type."""


class AlgorithmNotAllowedError(WebhookVerificationError):
    """The token's header names an algorithm other than HS256 (``none`` included)."""


class InvalidSignatureError(WebhookVerificationError):
    """The HS256 signature does not match the signature secret: a wrong secret or an altered token."""


class InvalidIssuerError(WebhookVerificationError):
    """The ``iss`` claim is missing or is not ``Vonage``."""


class TokenExpiredError(WebhookVerificationError):
    """The token was issued longer ago than ``max_age`` (plus leeway), or its ``exp`` has passed."""


class TokenNotYetValidError(WebhookVerificationError):
    """The token's ``iat`` (or ``nbf``) is further in the future than the leeway allows."""


class MissingPayloadHashError(WebhookVerificationError):
    """The token has no ``payload_hash``, so nothing ties it to this payload."""


class PayloadHashMismatchError(WebhookVerificationError):
    """The payload received is not the payload that was signed."""


def verify_callback(
    authorization: str | bytes | None,
    body: bytes | str,
    secret: str | bytes,
    *,
    query: QueryInput | None = None,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    clock: Callable[[], float] = time.time,
) -> dict[str, Any]:
    """Verify a signed callback and return its token's claims.

    Args:
        authorization: the ``Authorization`` header value, ``"Bearer <JWT>"`` (``None`` if absent).
        body: the raw request body, exactly as received (``b""`` for a GET callback).
        secret: the account's signature secret.
        query: the query parameters, for a GET callback; used for ``payload_hash`` when the body is empty.
        max_age: seconds after ``iat`` beyond which a token is refused (``None`` disables the check). Vonage
            documents no expiry for these tokens; a bound limits how long a captured callback can be replayed.
        leeway: seconds of clock difference tolerated on every time check.
        clock: returns the current Unix time; injectable for tests.

    Checks, in order: a Bearer token is present; its header says HS256 (checked before any verification, so
    ``none`` and other algorithms are refused by name); the signature matches ``secret``; ``iss`` is ``Vonage``;
    ``iat`` is within ``max_age`` and not in the future, and ``exp``/``nbf`` if present hold; ``payload_hash``
    matches the payload. Raises :class:`ConfigurationError` for an empty secret.
    """
    key = _secret_bytes(secret)
    try:
        claims = _verified_claims(_bearer_token(authorization), key)
        _check_issuer(claims)
        _check_times(claims, clock(), max_age, leeway)
        _check_payload_hash(claims, body, query)
    except WebhookVerificationError as exc:
        logger.debug("signed callback rejected (%s): %s", type(exc).__name__, exc)
        raise
    logger.debug("signed callback verified, jti=%s", describe(claims.get("jti")))
    return claims


# --- the token ------------------------------------------------------------------------------------------------------
# Library exceptions are turned into ours outside their `except` blocks, so none is chained to what we raise.


def _secret_bytes(secret: str | bytes) -> bytes:
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    if not isinstance(key, bytes):
        raise ConfigurationError(f"the signature secret must be str or bytes, not {type(secret).__name__}")
    if not key:
        raise ConfigurationError("the signature secret is empty")
    return key


def _bearer_token(authorization: str | bytes | None) -> str:
    if isinstance(authorization, bytes):
        authorization = authorization.decode("latin-1")  # header bytes as an ASGI server hands them over
    if authorization is None or not authorization.strip():
        raise MissingTokenError("no Authorization header: the callback is not signed")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        raise MalformedTokenError("the Authorization header is not 'Bearer <token>'")
    if not token.strip():
        raise MissingTokenError("the Authorization header has the Bearer scheme but no token")
    return token.strip()


def _verified_claims(token: str, key: bytes) -> dict[str, Any]:
    """Check the header's alg, then the signature; return the (signed, so trustworthy) claims."""
    problem: Exception
    try:
        alg = jwt.get_unverified_header(token).get("alg")
    except jwt.InvalidTokenError:
        problem = MalformedTokenError("the token is not a JWT (three base64url parts with a JSON header)")
    else:
        if alg != ALGORITHM:
            problem = AlgorithmNotAllowedError(f"token algorithm is {describe(alg)}; only {ALGORITHM} is accepted")
        else:
            return _decode(token, key)
    raise problem


def _decode(token: str, key: bytes) -> dict[str, Any]:
    problem: Exception
    try:
        # Only the signature is checked here; the claims are checked below, against an injectable clock.
        return jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            options={
                "verify_exp": False,
                "verify_nbf": False,
                "verify_iat": False,
                "verify_iss": False,
                "verify_aud": False,
                "verify_sub": False,
                "verify_jti": False,
            },
        )
    except jwt.InvalidSignatureError:
        problem = InvalidSignatureError("the signature does not match the signature secret")
    except jwt.InvalidKeyError:
        problem = ConfigurationError("the signature secret looks like a public key or certificate, not a secret")
    except jwt.InvalidTokenError:
        problem = MalformedTokenError("the token's payload is not a JSON object")
    raise problem


def _check_issuer(claims: Mapping[str, Any]) -> None:
    issuer = claims.get("iss")
    if issuer != ISSUER:
        raise InvalidIssuerError(f"iss is {describe(issuer)}; expected {ISSUER!r}")


def _check_times(claims: Mapping[str, Any], now: float, max_age: float | None, leeway: float) -> None:
    iat = _number_claim(claims, "iat")
    if iat is None:
        raise MalformedTokenError("the token has no iat claim")
    if iat > now + leeway:
        raise TokenNotYetValidError(f"iat is {iat - now:.0f} s in the future (leeway {leeway:g} s)")
    if max_age is not None and now - iat > max_age + leeway:
        raise TokenExpiredError(f"issued {now - iat:.0f} s ago; max_age is {max_age:g} s (leeway {leeway:g} s)")
    exp = _number_claim(claims, "exp")
    if exp is not None and now > exp + leeway:
        raise TokenExpiredError(f"expired {now - exp:.0f} s ago (leeway {leeway:g} s)")
    nbf = _number_claim(claims, "nbf")
    if nbf is not None and nbf > now + leeway:
        raise TokenNotYetValidError(f"nbf is {nbf - now:.0f} s in the future (leeway {leeway:g} s)")


def _number_claim(claims: Mapping[str, Any], name: str) -> float | None:
    value = claims.get(name)
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    raise MalformedTokenError(f"the {name} claim is not a number")


# --- the payload ----------------------------------------------------------------------------------------------------


def _check_payload_hash(claims: Mapping[str, Any], body: bytes | str, query: QueryInput | None) -> None:
    claimed = claims.get("payload_hash")
    if claimed is None:
        raise MissingPayloadHashError("the token has no payload_hash claim, so the payload cannot be checked")
    if not isinstance(claimed, str):
        raise MalformedTokenError("the payload_hash claim is not a string")
    wanted = claimed.lower().encode("utf-8")  # bytes: compare_digest refuses non-ASCII str
    if not any(hmac.compare_digest(wanted, candidate) for candidate in _payload_hashes(body, query)):
        raise PayloadHashMismatchError("the payload does not match the token's payload_hash")


def _payload_hashes(body: bytes | str, query: QueryInput | None) -> set[bytes]:
    """Every hex SHA-256 a genuine ``payload_hash`` for this payload may have.

    The payload is the body when it is not empty, otherwise the query parameters. Facts 4.2 says Vonage hashes
    an object built from the payload in received order and serialised without whitespace; it does not say whether
    non-ASCII characters are escaped (JavaScript and Jackson write them raw, Python escapes them by default), nor
    whether numbers keep their written form (``1.0`` vs ``1``). So a hash is accepted if it matches the body bytes as
    received (right whenever Vonage sent the compact form it hashed, whatever its escaping or number style), or the
    compact re-serialisation with non-ASCII raw or escaped (right when the body was reformatted on the way). All
    candidates encode the same received value, so accepting several lets no altered payload through.
    """
    raw = body.encode("utf-8") if isinstance(body, str) else body
    if raw.strip():
        return _body_hashes(raw)
    if query is None:  # nothing was received: the payload is the empty body, or the empty object
        return {_sha256(raw)} | _compact_hashes({})
    return _compact_hashes(query_object(query))


def _body_hashes(raw: bytes) -> set[bytes]:
    hashes = {_sha256(raw)}
    try:
        value = json.loads(raw)  # dicts keep the received property order
    except (ValueError, RecursionError):  # not JSON (or absurdly nested): only the raw bytes can match
        return hashes
    return hashes | _compact_hashes(value)


def _compact_hashes(value: object) -> set[bytes]:
    return {
        _sha256(json.dumps(value, separators=(",", ":"), ensure_ascii=escaped).encode("utf-8"))
        for escaped in (False, True)
    }


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).hexdigest().encode("ascii")
