"""Application JWT authentication for the Vonage Voice API: RS256 tokens, cached and renewed, as an ``httpx.Auth``.

Every Voice API REST call carries ``Authorization: Bearer <JWT>``, an RS256 token signed with the application's private
key (Vonage's JWT authentication guide). Signing is the expensive part, and parsing a PEM is far more expensive still,
so :class:`VonageJWT` parses the key once, signs one token, and reuses it for every request until it is within
``renew_margin`` seconds of expiry. A ``401`` answer triggers exactly one new token and one retry.

The token is good for the whole application, so it signs only requests to the hosts of :mod:`._hosts`: the Vonage
API hosts over https, and origins its owner allows (``connect()`` adds the sandbox's loopback origin and
``unsafe_allow_hosts``). Any other URL is refused before a byte is sent.

Key material never appears in a repr, a log record or an exception message; errors name what is wrong and where
the key came from, never its content. It is held in :class:`~._redact.Hidden` from the moment it is received, so a
traceback that records local variables (as Sentry does) shows no key, password or token either.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeAlias, Union

import httpx

from ._hosts import VONAGE_ORIGINS, Origin, origin_of, parse_origins
from ._redact import Hidden, describe
from .errors import ConfigurationError

# PyJWT and cryptography (about 50 ms of a cold import) load when the first key is read, not when the package is
# imported: an application that imports the client at start-up pays for them only once it signs.
if TYPE_CHECKING:
    import cryptography.hazmat.primitives.asymmetric.rsa
    from cryptography.hazmat.primitives.asymmetric import rsa

__all__ = ["ConfigurationError", "PrivateKeyInput", "VonageJWT"]

logger = logging.getLogger(__name__)

MIN_TTL: Final = 30
MAX_TTL: Final = 24 * 60 * 60
DEFAULT_TTL: Final = 900
DEFAULT_RENEW_MARGIN: Final = 60.0

ENV_APPLICATION_ID: Final = "VONAGE_APPLICATION_ID"
ENV_PRIVATE_KEY: Final = "VONAGE_PRIVATE_KEY"
ENV_PRIVATE_KEY_PATH: Final = "VONAGE_PRIVATE_KEY_PATH"
ENV_PRIVATE_KEY_PASSWORD: Final = "VONAGE_PRIVATE_KEY_PASSWORD"  # noqa: S105 - the variable's name, not a password

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

# A Union, not one string, so that `PrivateKeyInput | None` evaluates (pdoc evaluates annotations), and the key's
# type by its full name, which resolves from any module without importing cryptography here.
PrivateKeyInput: TypeAlias = Union[
    bytes, str, os.PathLike[str], "cryptography.hazmat.primitives.asymmetric.rsa.RSAPrivateKey"
]
"""PEM bytes, PEM text, a path to a PEM file, or an already loaded RSA private key."""


class _Token(NamedTuple):
    """A signed token and the time from which it must be replaced; swapped as one object so reads need no lock."""

    value: str
    jti: str
    renew_at: float

    def __repr__(self) -> str:  # a token is a credential: never in a repr (nor in a traceback's locals)
        return f"_Token(jti={self.jti!r}, renew_at={self.renew_at!r})"


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
        allowed_origins: origins (``http://127.0.0.1:8000``) the token may go to besides the Vonage API hosts
            (``https``, default port): a sandbox, or a gateway of your own. A request elsewhere raises
            ``ConfigurationError`` naming the host, and is not sent.

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
        allowed_origins: Iterable[str] = (),
    ) -> None:
        # First, so that no frame of an error below holds the key or password in the clear.
        # (A PEM passed as the application id is a secret too.)
        key, password, app_id = Hidden(private_key), Hidden(private_key_password), Hidden(application_id)
        del private_key, private_key_password, application_id
        self.application_id = _check_application_id(app_id, "application_id")
        self.ttl = _check_ttl(ttl)
        self.renew_margin = _check_renew_margin(renew_margin, self.ttl)
        self._nbf = _check_nbf(nbf)
        self._acl = dict(acl) if acl is not None else None
        self._sub = sub
        from ._keys import ARGUMENT, load_private_key

        self._key = load_private_key(key, password, ARGUMENT)
        self._clock = clock
        self._origins: frozenset[Origin] = VONAGE_ORIGINS
        self.allow_origins(allowed_origins)
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
        # Only what is needed leaves the environment, secrets hidden; no frame keeps the environment itself.
        raw_id = Hidden(env.get(ENV_APPLICATION_ID, "").strip())
        pem, path = Hidden(env.get(ENV_PRIVATE_KEY, "").strip()), env.get(ENV_PRIVATE_KEY_PATH, "").strip()
        password = Hidden(options.pop("private_key_password", None) or env.get(ENV_PRIVATE_KEY_PASSWORD) or None)
        del env, environ
        if not raw_id.reveal():
            raise ConfigurationError(f"{ENV_APPLICATION_ID} is not set")
        application_id = _check_application_id(raw_id, ENV_APPLICATION_ID)
        return cls(application_id, _key_from_env(pem, path, password), **options)

    @property
    def allowed_origins(self) -> frozenset[str]:
        """Where this token may be sent: the Vonage API hosts and the origins allowed since."""
        return frozenset(str(origin) for origin in self._origins)

    def allow_origins(self, origins: Iterable[str | Origin]) -> None:
        """Let the token go to these origins too (``scheme://host[:port]``); ``connect()`` adds its base URL's."""
        # Replaced whole, not updated: a concurrent request reads one set or the other.
        self._origins = self._origins | parse_origins(origins, "allowed_origins")

    def token(self) -> str:
        """Return the current token, signing a new one first if it is missing or due for renewal.

        For callers outside httpx (a websocket handshake, a recording download through another library).
        """
        return self._valid_token().value

    def _valid_token(self) -> _Token:
        current = self._current  # a single read: _Token objects are replaced whole, never mutated
        if current is not None and self._clock() < current.renew_at:
            return current
        with self._lock:
            current = self._current  # another thread or task may have renewed while we waited
            if current is None or self._clock() >= current.renew_at:
                current = self._sign()
            return current

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Send the request with the current token; on a 401, retry it once with a new token.

        A second 401 is returned to the caller. A request whose body is not held in memory (a streamed upload)
        cannot be sent again, so its 401 is returned as is.
        """
        url = request.url
        if (url.scheme, url.raw_host, url.port) not in self._origins and origin_of(url) not in self._origins:
            raise ConfigurationError(
                f"refusing to send the application JWT to {str(origin_of(url))!r} ({request.method} "
                f"{url.path}): it goes only to {', '.join(sorted(self.allowed_origins))}"
            )
        used = self._valid_token()
        request.headers["Authorization"] = f"Bearer {used.value}"
        response = yield request
        if response.status_code != httpx.codes.UNAUTHORIZED or not isinstance(request.stream, httpx.ByteStream):
            return
        logger.debug("401 from %s %s; retrying once with a new token", request.method, request.url.path)
        request.headers["Authorization"] = f"Bearer {self._renew_rejected(used).value}"
        yield request

    def _renew_rejected(self, rejected: _Token) -> _Token:
        """Sign a new token after ``rejected`` got a 401, unless a concurrent request already replaced it.

        Comparing with the current token is what keeps a burst of 401s to a single new signature.
        """
        with self._lock:
            current = self._current
            if current is None or current.value == rejected.value:
                current = self._sign()
            return current

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
        import jwt  # loaded with the key already; a no-op lookup here

        encoded = jwt.encode(claims, self._key, algorithm="RS256", headers={"typ": "JWT"})
        self._current = _Token(encoded, jti, iat + self.ttl - self.renew_margin)
        del encoded
        self.signings += 1
        logger.debug("signed application JWT jti=%s exp=%d", jti, iat + self.ttl)
        return self._current

    def __repr__(self) -> str:
        # getattr: a traceback recording locals calls repr() on an instance whose __init__ failed half-way.
        application_id, ttl = getattr(self, "application_id", None), getattr(self, "ttl", None)
        return f"{type(self).__name__}(application_id={application_id!r}, ttl={ttl!r})"


# --- options --------------------------------------------------------------------------------------------------------


def _check_application_id(value: Hidden[object], label: str) -> str:
    """Vonage application ids are UUIDs; catching a wrong value here beats a 401 from the API later."""
    if isinstance(value.reveal(), str) and _UUID.fullmatch(str(value.reveal())):
        return str(value.reveal())
    # describe() hides long or multi-line values: a PEM passed in the wrong argument must not be echoed.
    raise ConfigurationError(
        f"{label} must be a UUID like 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', got {describe(value.reveal())}"
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


# --- the key from the environment ----------------------------------------------------------------------------------


def _key_from_env(pem: Hidden[str], path: str, password: Hidden[object]) -> rsa.RSAPrivateKey:
    """Load the key named by the environment (see :meth:`VonageJWT.from_env`)."""
    from ._keys import KeySource, load_private_key, looks_like_pem

    hint = f"set {ENV_PRIVATE_KEY_PASSWORD}"
    if pem.reveal() and path:
        raise ConfigurationError(f"both {ENV_PRIVATE_KEY} and {ENV_PRIVATE_KEY_PATH} are set; set only one")
    if pem.reveal():
        if not looks_like_pem(pem.reveal()):
            raise ConfigurationError(
                f"{ENV_PRIVATE_KEY} does not hold PEM text (no '-----BEGIN' line); "
                f"to name a key file use {ENV_PRIVATE_KEY_PATH}"
            )
        return load_private_key(pem, password, KeySource(ENV_PRIVATE_KEY, hint))
    if path:
        return load_private_key(Hidden(Path(path)), password, KeySource(ENV_PRIVATE_KEY_PATH, hint))
    raise ConfigurationError(f"neither {ENV_PRIVATE_KEY} nor {ENV_PRIVATE_KEY_PATH} is set")
