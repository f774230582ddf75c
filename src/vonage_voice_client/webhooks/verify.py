"""Signed Voice callbacks: verify that an answer, event or fallback webhook really comes from Vonage.

Vonage sends ``Authorization: Bearer <JWT>`` with its callbacks : an HS256 token keyed with the account's
signature secret, with ``iss: "Vonage"``, ``iat`` and ``payload_hash``, the hex SHA-256 of the payload.
:func:`verify_callback` checks all of it and returns the claims. It takes strings and bytes and imports no web
framework, so it fits any of them::

    claims = verify_callback(request.headers.get("Authorization"), await request.body(), secret)          # POST
    claims = verify_callback(request.headers.get("Authorization"), b"", secret, query=request.url.query)  # GET

To verify and parse in one call, from what a web framework hands you, use
:func:`~vonage_voice_client.webhooks.construct_event` (or, with Starlette and FastAPI,
:func:`~vonage_voice_client.webhooks.event_from_request`).

Every refusal raises a subclass of :class:`WebhookVerificationError` (a ``ValueError``, and a ``VonageVoiceError``
like everything this package raises), so a handler can answer 401 on the base class and still log the precise reason.
Messages never contain the secret, and no frame of a traceback holds it or the token in the clear (error trackers
record every frame's locals).

A payload must have one reading: a query naming a parameter twice, or a JSON body with a duplicate key, is refused
(frameworks disagree on which value counts). Pass ``replay_cache=JtiCache()`` (or a shared store, see ``replay``) to
accept each token once.

:func:`~vonage_voice_client.webhooks.parse_callback` turns a verified payload into its generated model::

    event = parse_callback(body)             # StartedEvent, CompletedEvent, InputEvent, AnswerWebhook, ...
"""

from __future__ import annotations

import hmac
import logging
import math
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

from .._redact import Hidden, describe
from ..errors import ConfigurationError, VonageVoiceError
from ._payload import QueryInput, UnreadablePayload, payload_hashes
from .replay import ReplayCache

logger = logging.getLogger(__name__)

ALGORITHM: Final = "HS256"
ISSUER: Final = "Vonage"
DEFAULT_MAX_AGE: Final = 300.0
DEFAULT_LEEWAY: Final = 30.0


class WebhookVerificationError(VonageVoiceError, ValueError):
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


class MalformedPayloadError(WebhookVerificationError):
    """The payload has no single reading: a name given twice, or text that is not valid Unicode."""


class PayloadTooLargeError(WebhookVerificationError):
    """The body is larger than ``max_body_bytes`` (``construct_event``, ``event_from_request``): answer 413, or
    401 like any refusal. Raised only once the token holds (a forged token is refused before the body is read)."""


class ReplayedTokenError(WebhookVerificationError):
    """The token's ``jti`` was seen before: the callback is a replay (only with a ``replay_cache``)."""


class VerifiedClaims(Mapping[str, Any]):
    """The claims of a verified callback token, as typed attributes and as the mapping of every claim."""

    def __init__(self, claims: Mapping[str, Any]) -> None:
        self._claims = dict(claims)

    @property
    def issuer(self) -> str:
        return str(self._claims["iss"])

    @property
    def issued_at(self) -> float:
        return float(self._claims["iat"])

    @property
    def payload_hash(self) -> str:
        return str(self._claims["payload_hash"])

    @property
    def jti(self) -> str | None:
        return self._text("jti")

    @property
    def application_id(self) -> str | None:
        return self._text("application_id")

    @property
    def api_key(self) -> str | None:
        return self._text("api_key")

    def _text(self, name: str) -> str | None:
        value = self._claims.get(name)
        return None if value is None else str(value)

    def __getitem__(self, name: str) -> Any:
        return self._claims[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._claims)

    def __len__(self) -> int:
        return len(self._claims)

    def __repr__(self) -> str:
        return f"VerifiedClaims({self._claims!r})"


def verify_callback(
    authorization: str | bytes | None,
    body: bytes | str,
    secret: str | bytes,
    *,
    query: QueryInput | None = None,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    clock: Callable[[], float] = time.time,
    replay_cache: ReplayCache | None = None,
) -> VerifiedClaims:
    """Verify a signed callback and return its token's claims (typed attributes, and a mapping of every claim).

    Args:
        authorization: the ``Authorization`` header value, ``"Bearer <JWT>"`` (``None`` if absent).
        body: the raw request body, exactly as received (``b""`` for a GET callback).
        secret: the account's signature secret.
        query: the query parameters, for a GET callback; used for ``payload_hash`` when the body is empty.
        max_age: seconds after ``iat`` beyond which a token is refused (``None`` disables the check). Vonage
            documents no expiry for these tokens; a bound limits how long a captured callback can be replayed.
        leeway: seconds of clock difference tolerated on every time check.
        clock: returns the current Unix time; injectable for tests.
        replay_cache: remembers the ``jti`` of every token accepted (:class:`JtiCache`, or a shared store), so each
            token is accepted once; needs ``max_age``.

    Checks, in order: a Bearer token is present; its header says HS256 (checked before any verification, so
    ``none`` and other algorithms are refused by name); the signature matches ``secret``; ``iss`` is ``Vonage``;
    ``iat`` is within ``max_age`` and not in the future, and ``exp``/``nbf`` if present hold; the payload has a
    single reading and ``payload_hash`` matches it; with a ``replay_cache``, the ``jti`` is new. Raises
    :class:`ConfigurationError` for an empty secret, or a ``replay_cache`` without ``max_age``.
    """
    # First, so that no frame of an error below holds the secret or the token in the clear.
    key, header = Hidden(secret), Hidden(authorization)
    del secret, authorization
    claims = check_token(header, key, max_age=max_age, leeway=leeway, clock=clock, replay_cache=replay_cache)
    return check_payload(claims, body, query, max_age=max_age, leeway=leeway, replay_cache=replay_cache)


def check_token(
    header: Hidden[str | bytes | None],
    secret: Hidden[object],
    *,
    max_age: float | None,
    leeway: float,
    clock: Callable[[], float],
    replay_cache: ReplayCache | None,
) -> dict[str, Any]:
    """Every check of :func:`verify_callback` but the payload's, so a helper can refuse a forged token before it
    reads the body; return the claims, for :func:`check_payload`."""
    signing_key = _secret_bytes(secret)
    if replay_cache is not None and max_age is None:
        raise ConfigurationError("replay protection needs max_age: a jti must be remembered as long as its token")
    try:
        claims = _verified_claims(_bearer_token(header), signing_key)
        _check_issuer(claims)
        _check_times(claims, clock(), max_age, leeway)
    except WebhookVerificationError as exc:
        _log_refusal(exc)
        raise
    return claims


def check_payload(
    claims: dict[str, Any],
    body: bytes | str,
    query: QueryInput | None,
    *,
    max_age: float | None,
    leeway: float,
    replay_cache: ReplayCache | None,
) -> VerifiedClaims:
    """The rest of :func:`verify_callback`, for claims :func:`check_token` returned: the payload hash, the replay."""
    try:
        _check_payload_hash(claims, body, query)
        if replay_cache is not None and max_age is not None:
            _check_replay(claims, replay_cache, max_age, leeway)
    except WebhookVerificationError as exc:
        _log_refusal(exc)
        raise
    logger.debug("signed callback verified, jti=%s", describe(claims.get("jti")))
    return VerifiedClaims(claims)


def check_replay(
    claims: dict[str, Any], *, max_age: float | None, leeway: float, replay_cache: ReplayCache | None
) -> VerifiedClaims:
    """The replay check alone, for claims :func:`check_token` returned from a token that signs no payload (the audio
    WebSocket's handshake)."""
    try:
        if replay_cache is not None and max_age is not None:
            _check_replay(claims, replay_cache, max_age, leeway)
    except WebhookVerificationError as exc:
        _log_refusal(exc)
        raise
    return VerifiedClaims(claims)


def _log_refusal(exc: WebhookVerificationError) -> None:
    logger.debug("signed callback rejected (%s): %s", type(exc).__name__, exc)


# --- the token ------------------------------------------------------------------------------------------------------
# Library exceptions are turned into ours outside their `except` blocks, so none is chained to what we raise.


def _secret_bytes(secret: Hidden[object]) -> Hidden[bytes]:
    if not isinstance(secret.reveal(), str | bytes):
        raise ConfigurationError(f"the signature secret must be str or bytes, not {type(secret.reveal()).__name__}")
    key = _encoded(secret)
    if key is None:
        raise ConfigurationError("the signature secret is not valid Unicode (it holds a lone surrogate)")
    if not key.reveal():
        raise ConfigurationError("the signature secret is empty")
    return key


def _encoded(secret: Hidden[object]) -> Hidden[bytes] | None:
    """The secret as bytes, or None if a str cannot be encoded (never raises: its frame holds the secret)."""
    value = secret.reveal()
    if not isinstance(value, str):
        return Hidden(value) if isinstance(value, bytes) else None
    try:
        return Hidden(value.encode("utf-8"))
    except UnicodeEncodeError:
        return None


def _bearer_token(header: Hidden[str | bytes | None]) -> Hidden[str]:
    """The token of ``Bearer <token>``; a JWT is ASCII (base64url and dots), so anything else is malformed."""
    if header.reveal() is None or not _header_text(header).reveal().strip():
        raise MissingTokenError("no Authorization header: the callback is not signed")
    is_bearer, token = _split(_header_text(header))
    if not is_bearer:
        raise MalformedTokenError("the Authorization header is not 'Bearer <token>'")
    if not token.reveal():
        raise MissingTokenError("the Authorization header has the Bearer scheme but no token")
    if not token.reveal().isascii():
        raise MalformedTokenError("the token is not a JWT (it holds characters other than ASCII)")
    return token


def _header_text(header: Hidden[str | bytes | None]) -> Hidden[str]:
    value = header.reveal()
    # Header bytes as an ASGI server hands them over are latin-1.
    return Hidden(value.decode("latin-1") if isinstance(value, bytes) else value or "")


def _split(header: Hidden[str]) -> tuple[bool, Hidden[str]]:
    """Whether the scheme is Bearer, and the token (a token sent without a scheme would be the "scheme")."""
    scheme, _, token = header.reveal().strip().partition(" ")
    return scheme.lower() == "bearer", Hidden(token.strip())


def _verified_claims(token: Hidden[str], key: Hidden[bytes]) -> dict[str, Any]:
    """Check the header's alg, then the signature; return the (signed, so trustworthy) claims."""
    import jwt  # loaded at the first verification, not with the package (see auth.py)

    problem: Exception
    try:
        alg = jwt.get_unverified_header(token.reveal()).get("alg")
    except jwt.InvalidTokenError:
        problem = MalformedTokenError("the token is not a JWT (three base64url parts with a JSON header)")
    else:
        if alg != ALGORITHM:
            problem = AlgorithmNotAllowedError(f"token algorithm is {describe(alg)}; only {ALGORITHM} is accepted")
        else:
            return _decode(token, key)
    raise problem


def _decode(token: Hidden[str], key: Hidden[bytes]) -> dict[str, Any]:
    import jwt

    problem: Exception
    try:
        # Only the signature is checked here; the claims are checked below, against an injectable clock.
        return jwt.decode(
            token.reveal(),
            key.reveal(),
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
    # A JSON decoder reads NaN and Infinity, which no comparison refuses (NaN is neither too old nor too new).
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)):
        return value
    raise MalformedTokenError(f"the {name} claim is not a finite number")


# --- the payload and replays ---------------------------------------------------------------------------------------


def _check_payload_hash(claims: Mapping[str, Any], body: bytes | str, query: QueryInput | None) -> None:
    claimed = claims.get("payload_hash")
    if claimed is None:
        raise MissingPayloadHashError("the token has no payload_hash claim, so the payload cannot be checked")
    if not isinstance(claimed, str):
        raise MalformedTokenError("the payload_hash claim is not a string")
    problem: WebhookVerificationError
    try:
        candidates = payload_hashes(body, query)
    except UnreadablePayload as exc:
        problem = MalformedPayloadError(str(exc))
    else:
        wanted = claimed.lower().encode("utf-8", "replace")  # bytes: compare_digest refuses non-ASCII str
        if any(hmac.compare_digest(wanted, candidate) for candidate in candidates):
            return
        problem = PayloadHashMismatchError("the payload does not match the token's payload_hash")
    raise problem


def _check_replay(claims: Mapping[str, Any], cache: ReplayCache, max_age: float, leeway: float) -> None:
    """Accept the token's jti once, remembering it for as long as the token itself would be accepted."""
    jti = claims.get("jti")
    if not isinstance(jti, str) or not jti:
        raise MalformedTokenError("the token has no jti claim (a string), so a replay cannot be told apart")
    iat, exp = _number_claim(claims, "iat") or 0.0, _number_claim(claims, "exp")  # _check_times required iat
    until = min(iat + max_age, exp if exp is not None else iat + max_age) + leeway
    if cache.seen(jti, until):
        raise ReplayedTokenError(f"the token jti={describe(jti)} was already used: the callback is a replay")
