"""Check application JWTs the way the Voice API does (Vonage's JWT guide).

A request carries ``Authorization: Bearer <JWT>``: RS256 only, signed with the application's private key, with
``application_id`` equal to the application's, ``iat`` and ``jti``. ``exp`` is optional (no ``exp``: valid for
15 minutes after ``iat``) and a token is refused more than 24 hours after ``iat`` whatever its ``exp`` says.
Everything else (``alg: none``, HS256, a forged signature, another application, future ``nbf``...) is refused with
:class:`AuthError`, which the app answers as 401 problem+json.

Times are checked against the wall clock, not the sandbox's virtual clock: clients sign tokens with real time.

A client sends the same token for many requests, and checking an RS256 signature is most of the cost of a request
here, so the claims of the last :data:`CACHED_TOKENS` tokens that passed are kept, keyed by the exact token string:
a token seen before skips only the signature and header checks, whose outcome cannot change for the same string and
key; its times are checked against the clock on every request. A refused token is never kept.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Final

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

__all__ = ["AuthError", "JWTVerifier", "load_public_key"]

ALGORITHM: Final = "RS256"
DEFAULT_LIFETIME: Final = 15 * 60
MAX_LIFETIME: Final = 24 * 60 * 60
LEEWAY: Final = 30.0  # seconds of clock difference tolerated between client and sandbox
CACHED_TOKENS: Final = 256  # verified tokens whose claims are kept (least recently used dropped first)


class AuthError(Exception):
    """The request's credentials are missing or not acceptable; the message says why (never the token)."""


def load_public_key(key: bytes | str | rsa.RSAPublicKey | rsa.RSAPrivateKey) -> rsa.RSAPublicKey:
    """An RSA public key from PEM (public key, or private key whose public half is used) or a key object."""
    if isinstance(key, rsa.RSAPrivateKey):
        return key.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return key
    data = key.encode("ascii") if isinstance(key, str) else key
    loaded: object
    if b"PRIVATE KEY" in data:
        loaded = serialization.load_pem_private_key(data, password=None).public_key()
    else:
        loaded = serialization.load_pem_public_key(data)
    if not isinstance(loaded, rsa.RSAPublicKey):
        raise ValueError("the application key must be an RSA key")
    return loaded


class JWTVerifier:
    """Verify Bearer tokens for one application; the key is parsed once, here."""

    def __init__(
        self,
        application_id: str,
        public_key: bytes | str | rsa.RSAPublicKey | rsa.RSAPrivateKey,
        *,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.application_id = application_id
        self._key = load_public_key(public_key)
        self._now = wall_clock
        self._verified: OrderedDict[str, dict[str, Any]] = OrderedDict()  # token -> its claims, signature checked
        self._lock = threading.Lock()  # tests may verify from several threads

    def verify(self, authorization: str | None) -> dict[str, Any]:
        """Return the claims of the request's token, or raise :class:`AuthError`."""
        token = _bearer_token(authorization)
        with self._lock:
            claims = self._verified.get(token)
            if claims is not None:
                self._verified.move_to_end(token)
        if claims is not None:
            _check_times(claims, self._now())  # on every request: a kept token expires like any other
            return dict(claims)
        _check_header(token)
        claims = self._decode(token)
        self._check_identity(claims)
        _check_times(claims, self._now())
        with self._lock:
            self._verified[token] = claims
            while len(self._verified) > CACHED_TOKENS:
                self._verified.popitem(last=False)
        return dict(claims)

    def _decode(self, token: str) -> dict[str, Any]:
        try:
            # Time claims are checked below, against our rules (no exp allowed, 24 h cap); PyJWT checks the signature.
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                options={"verify_exp": False, "verify_nbf": False, "verify_iat": False, "verify_aud": False},
            )
        except jwt.InvalidSignatureError:
            raise AuthError("the token's signature does not match the application's public key") from None
        except (jwt.PyJWTError, ValueError, TypeError):
            raise AuthError("the token cannot be decoded as a JWT") from None
        if not isinstance(claims, dict):
            raise AuthError("the token's payload is not a JSON object")
        return claims

    def _check_identity(self, claims: dict[str, Any]) -> None:
        application_id = claims.get("application_id")
        if application_id is None:
            raise AuthError("the token has no application_id claim")
        if application_id != self.application_id:
            raise AuthError("the token is for another application")
        jti = claims.get("jti")
        if not isinstance(jti, str) or not jti:
            raise AuthError("the token has no jti claim")


def _bearer_token(authorization: str | None) -> str:
    if authorization is None or not authorization.strip():
        raise AuthError("no Authorization header; send 'Authorization: Bearer <JWT>'")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("the Authorization header is not 'Bearer <JWT>'")
    return token.strip()


def _check_header(token: str) -> None:
    try:
        header = jwt.get_unverified_header(token)
    except (jwt.PyJWTError, ValueError, TypeError):
        raise AuthError("the token cannot be decoded as a JWT") from None
    algorithm = header.get("alg")
    if algorithm != ALGORITHM:
        # Named before any verification, so "none" and HMAC tokens never reach a key.
        shown = algorithm if isinstance(algorithm, str) and len(algorithm) <= 16 else "?"
        raise AuthError(f"the token is signed with {shown!r}; only {ALGORITHM} is accepted")


def _check_times(claims: dict[str, Any], now: float) -> None:
    iat = _number(claims, "iat")
    if iat is None:
        raise AuthError("the token has no iat claim")
    if iat > now + LEEWAY:
        raise AuthError("the token's iat is in the future")
    if now - iat > MAX_LIFETIME + LEEWAY:
        raise AuthError("the token was issued more than 24 hours ago")
    exp = _number(claims, "exp")
    expires = iat + DEFAULT_LIFETIME if exp is None else exp
    if exp is not None and exp - iat > MAX_LIFETIME:
        raise AuthError("the token's exp is more than 24 hours after its iat")
    if now > expires + LEEWAY:
        raise AuthError("the token has expired")
    nbf = _number(claims, "nbf")
    if nbf is not None and nbf > now + LEEWAY:
        raise AuthError("the token is not valid yet (nbf)")


def _number(claims: dict[str, Any], name: str) -> float | None:
    value = claims.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AuthError(f"the token's {name} claim is not a number")
    try:
        number = float(value)
    except OverflowError:  # an integer beyond float range
        raise AuthError(f"the token's {name} claim is out of range") from None
    if number != number:  # NaN, which Python's JSON parser accepts
        raise AuthError(f"the token's {name} claim is not a number")
    return number
