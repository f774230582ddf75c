"""Application JWT authentication for the Vonage Voice API: RS256 tokens, cached and renewed, as an ``httpx.Auth``.

Every Voice API REST call carries ``Authorization: Bearer <JWT>``, an RS256 token signed with the application's
private key (facts 4.1). Signing is the expensive part, and parsing a PEM is far more expensive still, so
:class:`VonageJWT` parses the key once, signs one token, and reuses it for every request until it is within
``renew_margin`` seconds of expiry. A ``401`` answer triggers exactly one new token and one retry.

Key material never appears in a repr, a log record or an exception message; errors name what is wrong and where
the key came from, never its content.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple, TypeAlias

import httpx
import jwt
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa

from ._redact import describe
from .errors import ConfigurationError

__all__ = ["ConfigurationError", "PrivateKeyInput", "VonageJWT"]

logger = logging.getLogger(__name__)

MIN_TTL: Final = 30
MAX_TTL: Final = 24 * 60 * 60
DEFAULT_TTL: Final = 900
DEFAULT_RENEW_MARGIN: Final = 60.0
MIN_RSA_BITS: Final = 2048
_MAX_PATH_SHOWN: Final = 255  # paths are shown in errors; no RSA key fits in this many characters

ENV_APPLICATION_ID: Final = "VONAGE_APPLICATION_ID"
ENV_PRIVATE_KEY: Final = "VONAGE_PRIVATE_KEY"
ENV_PRIVATE_KEY_PATH: Final = "VONAGE_PRIVATE_KEY_PATH"
ENV_PRIVATE_KEY_PASSWORD: Final = "VONAGE_PRIVATE_KEY_PASSWORD"  # noqa: S105 - the variable's name, not a password

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

PrivateKeyInput: TypeAlias = bytes | str | os.PathLike[str] | rsa.RSAPrivateKey
"""PEM bytes, PEM text, a path to a PEM file, or an already loaded RSA private key."""


class _KeySource(NamedTuple):
    """How error messages name a key and tell the user to supply its password."""

    label: str
    password_hint: str


_ARGUMENT = _KeySource("private key", "pass private_key_password")


class _Token(NamedTuple):
    """A signed token and the time from which it must be replaced; swapped as one object so reads need no lock."""

    value: str
    jti: str
    renew_at: float


class VonageJWT(httpx.Auth):
    """Sign Voice API requests with a cached RS256 application JWT; for ``httpx.Client`` and ``httpx.AsyncClient``.

    Args:
        application_id: the Vonage application id, a UUID.
        private_key: the application's private key, as PEM ``bytes``, PEM text (a ``str`` containing
            ``-----BEGIN``), a path (``os.PathLike``, or a ``str`` that is not PEM text, which is read as the path
            of an existing file), or a loaded ``RSAPrivateKey``. It must be RSA of at least 2048 bits. It is parsed
            once, here.
        ttl: token lifetime in whole seconds, 30 s to 24 h (the API's limits); the ``exp`` claim is ``iat + ttl``.
        renew_margin: a token is replaced once fewer than this many seconds of its life remain, so that a request
            signed just before expiry does not arrive expired. Default ``min(60, ttl / 2)``.
        nbf: if given, tokens carry ``nbf = iat + nbf``; ``0`` means "valid from issue", a negative value
            tolerates a server clock that runs behind ours. Positive values are refused: the token would be
            rejected when first used.
        acl, sub: the ``acl`` and ``sub`` claims (Client SDK user tokens); omitted when ``None``.
        private_key_password: the password of an encrypted PEM.
        clock: returns the current Unix time; injectable for tests.

    Tokens carry ``application_id``, ``iat``, a fresh ``jti`` (UUID4) and ``exp``. Concurrent requests (threads or
    tasks) that find the token due for renewal produce one new token between them. ``signings`` counts tokens
    signed.
    """

    requires_request_body = False
    requires_response_body = False

    def __init__(
        self,
        application_id: str,
        private_key: PrivateKeyInput,
        *,
        ttl: int = DEFAULT_TTL,
        renew_margin: float | None = None,
        nbf: int | None = None,
        acl: Mapping[str, Any] | None = None,
        sub: str | None = None,
        private_key_password: str | bytes | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.application_id = _check_application_id(application_id, "application_id")
        self.ttl = _check_ttl(ttl)
        self.renew_margin = _check_renew_margin(renew_margin, self.ttl)
        self._nbf = _check_nbf(nbf)
        self._acl = dict(acl) if acl is not None else None
        self._sub = sub
        self._key = _load_private_key(private_key, private_key_password, _ARGUMENT)
        self._clock = clock
        # Signing holds this lock for a few hundred microseconds. A threading lock (not an asyncio.Lock) serves both
        # flows: the async flow never awaits while holding it, so tasks on one loop cannot interleave inside it
        # (the first task at expiry signs, the rest find the new token), it works across event loops and threads,
        # and an asyncio.Lock would need one instance per loop. The CPU-bound signature blocks the loop either way.
        self._lock = threading.Lock()
        self._current: _Token | None = None
        self.signings = 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> VonageJWT:
        """Build from ``VONAGE_APPLICATION_ID`` and one of ``VONAGE_PRIVATE_KEY`` / ``VONAGE_PRIVATE_KEY_PATH``.

        ``VONAGE_PRIVATE_KEY`` holds the PEM text itself; a value written on one line with literal ``\\n``
        sequences (as .env files and CI secrets often store it) is accepted. ``VONAGE_PRIVATE_KEY_PATH`` names a
        PEM file. Setting both is an error, since silently preferring one could pick the wrong key.
        ``VONAGE_PRIVATE_KEY_PASSWORD``, if set, decrypts an encrypted key (a ``private_key_password`` option wins).
        ``environ`` defaults to ``os.environ``; ``options`` are passed on to the constructor.
        """
        env = os.environ if environ is None else environ
        raw_id = env.get(ENV_APPLICATION_ID, "").strip()
        if not raw_id:
            raise ConfigurationError(f"{ENV_APPLICATION_ID} is not set")
        application_id = _check_application_id(raw_id, ENV_APPLICATION_ID)
        password = options.pop("private_key_password", None) or env.get(ENV_PRIVATE_KEY_PASSWORD) or None
        return cls(application_id, _key_from_env(env, password), **options)

    def token(self) -> str:
        """Return the current token, signing a new one first if it is missing or due for renewal.

        For callers outside httpx (a websocket handshake, a recording download through another library).
        """
        current = self._current  # a single read: _Token objects are replaced whole, never mutated
        if current is not None and self._clock() < current.renew_at:
            return current.value
        with self._lock:
            current = self._current  # another thread or task may have renewed while we waited
            if current is None or self._clock() >= current.renew_at:
                current = self._sign()
            return current.value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Send the request with the current token; on a 401, retry it once with a new token.

        A second 401 is returned to the caller. A request whose body is not held in memory (a streamed upload)
        cannot be sent again, so its 401 is returned as is.
        """
        used = self.token()
        request.headers["Authorization"] = f"Bearer {used}"
        response = yield request
        if response.status_code != httpx.codes.UNAUTHORIZED or not isinstance(request.stream, httpx.ByteStream):
            return
        logger.debug("401 from %s %s; retrying once with a new token", request.method, request.url.path)
        request.headers["Authorization"] = f"Bearer {self._renew_rejected(used)}"
        yield request

    def _renew_rejected(self, rejected: str) -> str:
        """Sign a new token after ``rejected`` got a 401, unless a concurrent request already replaced it.

        Comparing with the current token is what keeps a burst of 401s to a single new signature.
        """
        with self._lock:
            current = self._current
            if current is None or current.value == rejected:
                current = self._sign()
            return current.value

    def _sign(self) -> _Token:
        """Sign and install a new token. The caller holds ``self._lock``."""
        iat = int(self._clock())
        jti = str(uuid.uuid4())
        claims: dict[str, Any] = {"application_id": self.application_id, "iat": iat, "jti": jti, "exp": iat + self.ttl}
        if self._nbf is not None:
            claims["nbf"] = iat + self._nbf
        if self._acl is not None:
            claims["acl"] = self._acl
        if self._sub is not None:
            claims["sub"] = self._sub
        value = jwt.encode(claims, self._key, algorithm="RS256", headers={"typ": "JWT"})
        self._current = _Token(value, jti, iat + self.ttl - self.renew_margin)
        self.signings += 1
        logger.debug("signed application JWT jti=%s exp=%d", jti, iat + self.ttl)
        return self._current

    def __repr__(self) -> str:
        return f"{type(self).__name__}(application_id={self.application_id!r}, ttl={self.ttl})"


# --- options --------------------------------------------------------------------------------------------------------


def _check_application_id(value: object, label: str) -> str:
    """Vonage application ids are UUIDs; catching a wrong value here beats a 401 from the API later."""
    if isinstance(value, str) and _UUID.fullmatch(value):
        return value
    # describe() hides long or multi-line values: a PEM passed in the wrong argument must not be echoed.
    raise ConfigurationError(
        f"{label} must be a UUID like 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', got {describe(value)}"
    )


def _check_ttl(ttl: object) -> int:
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not MIN_TTL <= ttl <= MAX_TTL:
        raise ConfigurationError(f"ttl must be whole seconds from {MIN_TTL} to {MAX_TTL} (24 h), got {describe(ttl)}")
    return ttl


def _check_renew_margin(margin: object, ttl: int) -> float:
    if margin is None:
        return min(DEFAULT_RENEW_MARGIN, ttl / 2)
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not 0 <= margin < ttl:
        raise ConfigurationError(f"renew_margin must be from 0 to less than ttl ({ttl} s), got {describe(margin)}")
    return float(margin)


def _check_nbf(nbf: object) -> int | None:
    if nbf is None:
        return None
    if isinstance(nbf, bool) or not isinstance(nbf, int) or not -MAX_TTL <= nbf <= 0:
        raise ConfigurationError(
            f"nbf is seconds relative to iat, from -{MAX_TTL} to 0 (a later nbf makes a token the API refuses "
            f"when first used), got {describe(nbf)}"
        )
    return nbf


# --- keys -----------------------------------------------------------------------------------------------------------
# Every failure below is raised outside the `except` block that detected it, so the library's exception is not
# even attached as __context__: nothing a library might have echoed from its input can reach a log or traceback.


def _key_from_env(env: Mapping[str, str], password: str | bytes | None) -> rsa.RSAPrivateKey:
    """Load the key named by the environment (see :meth:`VonageJWT.from_env`)."""
    pem = env.get(ENV_PRIVATE_KEY, "").strip()
    path = env.get(ENV_PRIVATE_KEY_PATH, "").strip()
    hint = f"set {ENV_PRIVATE_KEY_PASSWORD}"
    if pem and path:
        raise ConfigurationError(f"both {ENV_PRIVATE_KEY} and {ENV_PRIVATE_KEY_PATH} are set; set only one")
    if pem:
        if "\n" not in pem:
            pem = pem.replace("\\n", "\n")
        if not _looks_like_pem(pem):
            raise ConfigurationError(
                f"{ENV_PRIVATE_KEY} does not hold PEM text (no '-----BEGIN' line); "
                f"to name a key file use {ENV_PRIVATE_KEY_PATH}"
            )
        return _load_private_key(pem.encode(), password, _KeySource(ENV_PRIVATE_KEY, hint))
    if path:
        return _load_private_key(Path(path), password, _KeySource(ENV_PRIVATE_KEY_PATH, hint))
    raise ConfigurationError(f"neither {ENV_PRIVATE_KEY} nor {ENV_PRIVATE_KEY_PATH} is set")


def _load_private_key(key: object, password: str | bytes | None, source: _KeySource) -> rsa.RSAPrivateKey:
    """Turn any accepted form of the key into a checked ``RSAPrivateKey``."""
    if isinstance(key, str) and _looks_like_pem(key):
        key = key.encode()
    if isinstance(key, str | os.PathLike):
        shown = describe(os.fspath(key), limit=_MAX_PATH_SHOWN)
        key = _read_key_file(key, shown, source.label)
        source = source._replace(label=f"{source.label} file {shown}")
    if isinstance(key, bytes):
        secret = password.encode() if isinstance(password, str) else password
        key = _parse_pem(key, secret, source)
    elif not _is_private_key(key):
        raise ConfigurationError(
            f"private_key must be PEM bytes or text, a path, or an RSAPrivateKey, not {type(key).__name__}"
        )
    return _check_rsa(key, source.label)


def _looks_like_pem(text: str) -> bool:
    return "-----BEGIN" in text


def _read_key_file(path: str | os.PathLike[str], shown: str, label: str) -> bytes:
    problem: str
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        problem = f"{label} points to {shown} which does not exist"
    except OSError as exc:
        problem = f"cannot read {label} {shown}: {exc.strerror}"
    raise ConfigurationError(problem)


def _parse_pem(data: bytes, password: bytes | None, source: _KeySource) -> object:
    """Parse PEM bytes into a key object, explaining every failure in terms the user can act on."""
    encrypted = b"ENCRYPTED" in data  # "BEGIN ENCRYPTED PRIVATE KEY" (PKCS#8) or "Proc-Type: 4,ENCRYPTED" (PKCS#1)
    problem = _pem_precheck(data, password, encrypted, source)
    if problem is None:
        try:
            return serialization.load_pem_private_key(data, password)
        except UnsupportedAlgorithm:
            problem = f"{source.label} uses an unsupported key type or encryption"
        except (ValueError, TypeError):
            problem = (
                f"{source.label} could not be decrypted: wrong password, or malformed PEM"
                if encrypted
                else f"{source.label} is not a valid PEM private key"
            )
    raise ConfigurationError(problem)


def _pem_precheck(data: bytes, password: bytes | None, encrypted: bool, source: _KeySource) -> str | None:
    """Return what is wrong with ``data`` that can be told without parsing it, or None."""
    if b"-----BEGIN" not in data:
        return f"{source.label} is not PEM (expected a '-----BEGIN PRIVATE KEY-----' block)"
    if b"PRIVATE KEY-----" not in data and b"PUBLIC KEY-----" in data:
        return f"{source.label} is a public key; the application's private key is needed"
    if encrypted and password is None:
        return f"{source.label} is encrypted; {source.password_hint}"
    if not encrypted and password is not None:
        return f"a private key password was given but {source.label} is not encrypted"
    return None


def _is_private_key(key: object) -> bool:
    return isinstance(
        key,
        rsa.RSAPrivateKey
        | ec.EllipticCurvePrivateKey
        | ed25519.Ed25519PrivateKey
        | ed448.Ed448PrivateKey
        | dsa.DSAPrivateKey,
    )


def _check_rsa(key: object, label: str) -> rsa.RSAPrivateKey:
    """Vonage signs and verifies application tokens with RS256 only; short RSA keys are refused outright."""
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ConfigurationError(f"{label} is {_key_kind(key)} key; Vonage application keys are RSA (RS256)")
    if key.key_size < MIN_RSA_BITS:
        raise ConfigurationError(f"{label} is {key.key_size}-bit RSA; at least {MIN_RSA_BITS} bits are required")
    return key


def _key_kind(key: object) -> str:
    kinds: tuple[tuple[type, str], ...] = (
        (ec.EllipticCurvePrivateKey, "an EC"),
        (ed25519.Ed25519PrivateKey, "an Ed25519"),
        (ed448.Ed448PrivateKey, "an Ed448"),
        (dsa.DSAPrivateKey, "a DSA"),
    )
    return next((name for kind, name in kinds if isinstance(key, kind)), f"a {type(key).__name__}")
