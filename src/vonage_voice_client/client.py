"""`connect()`: the generated client, configured for production use.

The layers, outermost first (the same for the sync and the async client):

    generated operation (vonage_voice_api.api.<tag>.<op>.sync / asyncio)
      -> VoiceClient: the generated AuthenticatedClient with our httpx clients
        -> httpx client .send(): raises the typed error of any non-2xx answer, after auth had its say
          -> VonageJWT (httpx.Auth): one cached token; one renewal and retry on 401
            -> PacedTransport: waits for a slot of the rate budget (when there is one)
              -> RetryTransport: re-sends only what cannot duplicate an effect; logs each attempt
                -> CappedTransport: every answer read through max_response_bytes
                  -> the real transport (connection pool; the deadline under it), a proxy mount from the
                     environment, or the one passed in

The application JWT goes only where the host rule of ``_hosts`` allows, checked once here for the base URL and by
VonageJWT for each request. A client notices it is in a forked child (``os.register_at_fork``) and opens its own
connections there: the parent's pooled sockets are never shared.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from contextvars import Token
from types import TracebackType
from typing import Any, Final, cast

import httpx
from attrs import define, field
from httpx._utils import get_environment_proxies  # httpx's own reading of HTTP(S)_PROXY, ALL_PROXY and NO_PROXY
from vonage_voice_api import AuthenticatedClient

from . import __version__
from ._hosts import is_loopback, origin_of, parse_origins
from ._redact import Hidden
from ._wire import (
    DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    CappedTransport,
    Deadline,
    ResponseTooLarge,
    tighter,
    with_deadline,
)
from .auth import PrivateKeyInput, VonageJWT
from .errors import ConfigurationError, MalformedResponseError, VoiceTransportError, error_for
from .ratebudget import PacedTransport, RateBudget, Slots
from .regions import base_url_from_env, resolve_base_url
from .retries import NOT_SENT_ERRORS, RetryPolicy, RetryTransport

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_LIMITS: Final = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30.0)
DEFAULT_MAX_RETRIES: Final = 3
USER_AGENT: Final = f"vonage-voice-client/{__version__} httpx/{httpx.__version__}"
# The encodings the size cap inflates in bounded steps (httpx would also offer br and zstd when their packages are
# installed, and inflate those in one go).
ACCEPT_ENCODING: Final = "gzip, deflate"


class _Omitted:
    def __repr__(self) -> str:
        return "OMITTED"


OMITTED: Final = _Omitted()  # connect(rate_budget=...) not given: the in-process budget, unless the sandbox

_forks = 0  # bumped in each forked child: a client built before sees it and opens its own connections


def _forked() -> None:
    global _forks
    _forks += 1


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(after_in_child=_forked)


class _Settings:
    """What the sync and async httpx clients are built from; one instance shared by both."""

    def __init__(
        self,
        auth: VonageJWT,
        policy: RetryPolicy,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
        limits: httpx.Limits,
        *,
        deadline: float | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        proxies: dict[str, str | None] | None = None,
        slots: Slots | None = None,
    ) -> None:
        self.auth, self.policy, self.transport, self.limits = auth, policy, transport, limits
        self.deadline, self.max_response_bytes, self.proxies = deadline, max_response_bytes, proxies or {}
        self.slots = slots

    def sync_transport(self, proxy: str | None = None) -> httpx.BaseTransport:
        inner = self.transport if isinstance(self.transport, httpx.BaseTransport) else None
        if inner is None:
            inner = httpx.HTTPTransport(limits=self.limits, proxy=proxy)
            with_deadline(inner)
        retry = RetryTransport(self.policy, sync_transport=CappedTransport(inner, self.max_response_bytes))
        return retry if self.slots is None else PacedTransport(self.slots, sync_transport=retry)

    def async_transport(self, proxy: str | None = None) -> httpx.AsyncBaseTransport:
        inner = self.transport if isinstance(self.transport, httpx.AsyncBaseTransport) else None
        if inner is None:
            inner = httpx.AsyncHTTPTransport(limits=self.limits, proxy=proxy)
            with_deadline(inner)
        retry = RetryTransport(self.policy, async_transport=CappedTransport(inner, self.max_response_bytes))
        return retry if self.slots is None else PacedTransport(self.slots, async_transport=retry)

    def sync_mounts(self) -> dict[str, httpx.BaseTransport | None]:
        """A transport per proxy of the environment; None (no proxy) for the hosts of NO_PROXY."""
        return {
            pattern: None if proxy is None else self.sync_transport(proxy) for pattern, proxy in self.proxies.items()
        }

    def async_mounts(self) -> dict[str, httpx.AsyncBaseTransport | None]:
        return {
            pattern: None if proxy is None else self.async_transport(proxy) for pattern, proxy in self.proxies.items()
        }

    def __repr__(self) -> str:
        return f"_Settings(auth={self.auth!r}, policy={self.policy!r}, slots={self.slots!r})"


class _VoiceHTTPClient(httpx.Client):
    deadline_seconds: float | None = None

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        token = _enter_deadline(self.deadline_seconds)
        try:
            response = super().send(request, **kwargs)
        except httpx.TransportError as error:
            raise _transport_error(request, error) from error
        except ResponseTooLarge as error:
            raise MalformedResponseError(error.status_code, b"", error) from None
        finally:
            if token is not None:
                DEADLINE.reset(token)
        if not response.is_success:
            response.read()
            response.close()
            raise error_for(response)
        return response


class _VoiceAsyncHTTPClient(httpx.AsyncClient):
    deadline_seconds: float | None = None

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        token = _enter_deadline(self.deadline_seconds)
        try:
            response = await super().send(request, **kwargs)
        except httpx.TransportError as error:
            raise _transport_error(request, error) from error
        except ResponseTooLarge as error:
            raise MalformedResponseError(error.status_code, b"", error) from None
        finally:
            if token is not None:
                DEADLINE.reset(token)
        if not response.is_success:
            await response.aread()
            await response.aclose()
            raise error_for(response)
        return response


def _enter_deadline(seconds: float | None) -> Token[Deadline | None] | None:
    """The call's own deadline (``connect(deadline=...)``), unless a block's deadline ends sooner."""
    if seconds is None:
        return None
    deadline = tighter(seconds)
    return None if deadline is None else DEADLINE.set(deadline)


def _transport_error(request: httpx.Request, error: httpx.TransportError) -> VoiceTransportError:
    sent = not isinstance(error, NOT_SENT_ERRORS)
    return VoiceTransportError(request.method, request.url.path, error, may_have_reached_server=sent)


@define
class VoiceClient(AuthenticatedClient):
    """The generated ``AuthenticatedClient``, whose httpx clients carry our auth, retries and typed errors.

    Pass it as ``client=`` to any generated operation. Use it as a context manager (``with``/``async with``) or call
    ``close()``/``aclose()`` to release connections.
    """

    _settings: _Settings = field(kw_only=True, alias="settings", repr=False)
    _sync_forks: int = field(default=-1, init=False, repr=False)
    _async_forks: int = field(default=-1, init=False, repr=False)

    def get_httpx_client(self) -> httpx.Client:
        # In a forked child the parent's client is left as it is (closing it would close the parent's connections)
        # and a new one opens connections of the child's own.
        if self._client is None or self._sync_forks != _forks:
            client = _VoiceHTTPClient(
                base_url=self._base_url,
                headers=self._headers,
                cookies=self._cookies,
                timeout=self._timeout or DEFAULT_TIMEOUT,
                auth=self._settings.auth,
                transport=self._settings.sync_transport(),
                mounts=self._settings.sync_mounts(),
                follow_redirects=False,
            )
            client.deadline_seconds = self._settings.deadline
            self._client, self._sync_forks = client, _forks
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None or self._async_forks != _forks:
            client = _VoiceAsyncHTTPClient(
                base_url=self._base_url,
                headers=self._headers,
                cookies=self._cookies,
                timeout=self._timeout or DEFAULT_TIMEOUT,
                auth=self._settings.auth,
                transport=self._settings.async_transport(),
                mounts=self._settings.async_mounts(),
                follow_redirects=False,
            )
            client.deadline_seconds = self._settings.deadline
            self._async_client, self._async_forks = client, _forks
        return self._async_client

    def deadline(self, seconds: float) -> DeadlineBlock:
        """A deadline for every call in a ``with`` (or ``async with``) block, retries and their waits included.

        ``with client.deadline(5.0): ...``: a call still running when the block's time is up fails with a
        ``VoiceTransportError`` saying so, and no retry waits past it. Nested blocks and ``connect(deadline=...)``
        combine: the sooner end wins.
        """
        return DeadlineBlock(_check_deadline(seconds, "deadline"))

    @property
    def auth(self) -> VonageJWT:
        """The token source (for signing counts, or a token for another Vonage call)."""
        return self._settings.auth

    @property
    def retry_policy(self) -> RetryPolicy:
        """When requests are re-sent; a download that fails midway restarts under the same policy."""
        return self._settings.policy

    @property
    def base_url(self) -> str:
        return self._base_url

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()


class DeadlineBlock:
    """What :meth:`VoiceClient.deadline` returns: sets the deadline on entry, restores the previous one on exit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._tokens: list[Token[Deadline | None] | None] = []

    def __enter__(self) -> DeadlineBlock:
        deadline = tighter(self.seconds)
        self._tokens.append(None if deadline is None else DEADLINE.set(deadline))
        return self

    def __exit__(self, *exc: object) -> None:
        token = self._tokens.pop()
        if token is not None:
            DEADLINE.reset(token)

    async def __aenter__(self) -> DeadlineBlock:
        return self.__enter__()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.__exit__(exc_type, exc, tb)


def _check_deadline(seconds: object, label: str) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 < seconds < math.inf:
        raise ConfigurationError(f"{label} must be a number of seconds above 0, got {seconds!r}")
    return float(seconds)


def connect(
    *,
    application_id: str | None = None,
    private_key: PrivateKeyInput | None = None,
    private_key_password: str | bytes | None = None,
    region: str | None = None,
    base_url: str | None = None,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    limits: httpx.Limits = DEFAULT_LIMITS,
    auth: VonageJWT | None = None,
    retry_policy: RetryPolicy | None = None,
    headers: dict[str, str] | None = None,
    deadline: float | None = None,
    max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
    trust_env: bool = True,
    unsafe_allow_hosts: Iterable[str] | None = None,
    rate_budget: RateBudget | str | _Omitted | None = OMITTED,
    rate_budget_key: str | None = None,
) -> VoiceClient:
    """A client for every generated operation, sync and async, configured for production.

    Credentials come from ``application_id`` and ``private_key`` (PEM bytes or text, a path, or a key object), or from
    the environment when both are omitted (VONAGE_APPLICATION_ID with VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH), or
    from a ready ``auth``. The host is the default one, a ``region`` (a name such as ``eu-west`` or an answer webhook's
    ``region_url``, which must name a regional host), or a ``base_url`` on a Vonage API host or loopback (the sandbox;
    plain http only there); with neither, VONAGE_BASE_URL when it is set (the sandbox's CLI prints it), under the same
    rule. The application JWT goes to those hosts only: ``unsafe_allow_hosts`` names more (host names, https on the
    default port, or origins such as ``https://gateway.internal:8443``) for a gateway of your own. A ready ``auth`` is
    allowed the base URL's origin and those hosts too.

    ``timeout`` bounds each connect, read and write, and may not be None: an unbounded request is never what
    production wants. ``deadline`` (seconds) bounds a whole call, retries and their waits included; see also
    ``client.deadline()``. An answer larger than ``max_response_bytes`` (10 MiB; on the wire or once decoded; None
    for no cap) raises ``MalformedResponseError`` without keeping the body. With ``trust_env``, the proxies of the
    environment (HTTPS_PROXY, ALL_PROXY, NO_PROXY) are used as httpx uses them, never for a loopback base URL nor
    with a ``transport`` of your own.
    ``transport`` replaces the network (an ``httpx.MockTransport`` in tests); retries, auth and errors still apply.

    ``rate_budget`` paces requests within the API's limits (3 call creations and 15 other requests a second), so
    the client's own bursts never draw a 429: by default in this process (but not for a loopback base URL nor with
    a ``transport`` of your own); a Redis URL (``"redis://host:port/db"``, the ``redis`` extra) shares it with
    every process using that Redis; a :class:`~vonage_voice_client.ratebudget.RateBudget` sets other rates; None
    turns it off. The budget belongs to the application id, or to ``rate_budget_key`` (applications of one account
    share its limits). A request waits for its slot within the pool timeout and the deadline, or fails unsent.
    """
    # Key material leaves this frame at once: error trackers record the locals of every frame of a traceback.
    key, password = Hidden(private_key), Hidden(private_key_password)
    del private_key, private_key_password
    if timeout is None:
        raise ConfigurationError("timeout=None would let a request wait forever; pass seconds or an httpx.Timeout")
    seconds = None if deadline is None else _check_deadline(deadline, "deadline")
    cap = None if max_response_bytes is None else _check_cap(max_response_bytes)
    unsafe = parse_origins(unsafe_allow_hosts, "unsafe_allow_hosts")
    if region is None and base_url is None:
        base_url = base_url_from_env(unsafe_allow_hosts=unsafe)
    resolved = resolve_base_url(region=region, base_url=base_url, unsafe_allow_hosts=unsafe)
    policy = retry_policy or _policy(max_retries)
    jwt = _auth(application_id, key, password, auth)
    jwt.allow_origins({origin_of(httpx.URL(resolved)), *unsafe})
    proxies = _environment_proxies(resolved) if trust_env and transport is None else {}
    budget = _budget(rate_budget, resolved, transport)
    slots = None if budget is None else budget.slots(_budget_key(rate_budget_key, jwt))
    settings = _Settings(
        jwt, policy, transport, limits, deadline=seconds, max_response_bytes=cap, proxies=proxies, slots=slots
    )
    return VoiceClient(
        base_url=resolved,
        token="",  # unused: VonageJWT sets the Authorization header per request
        timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            **(headers or {}),
        },
        settings=settings,
    )


def _budget(
    given: RateBudget | str | _Omitted | None,
    base_url: str,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
) -> RateBudget | None:
    if isinstance(given, _Omitted):
        # The sandbox and a transport of the caller's (a mock) are not Vonage: pacing would only slow tests down.
        local = is_loopback(httpx.URL(base_url).raw_host.decode("ascii"))
        return None if local or transport is not None else RateBudget()
    if given is None or isinstance(given, RateBudget):
        return given
    if isinstance(given, str):
        return RateBudget(redis_url=given)
    raise ConfigurationError(f"rate_budget must be a Redis URL, a RateBudget or None, got {given!r}")


def _budget_key(key: str | None, auth: VonageJWT) -> str:
    if key is None:
        return auth.application_id
    if not isinstance(key, str) or not key:
        raise ConfigurationError(f"rate_budget_key must be a non-empty string, got {key!r}")
    return key


def _check_cap(cap: object) -> int:
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        raise ConfigurationError(f"max_response_bytes must be a positive whole number of bytes or None, got {cap!r}")
    return cap


def _environment_proxies(base_url: str) -> dict[str, str | None]:
    """httpx's mounts for the environment's proxies, as ``httpx.Client(trust_env=True)`` builds them when given no
    transport; none for a loopback base URL (the sandbox), whatever NO_PROXY says."""
    if is_loopback(httpx.URL(base_url).raw_host.decode("ascii")):
        return {}
    return get_environment_proxies()


def _policy(max_retries: int) -> RetryPolicy:
    try:
        return RetryPolicy(max_retries=max_retries)
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from None


def _auth(
    application_id: str | None,
    key: Hidden[PrivateKeyInput | None],
    password: Hidden[str | bytes | None],
    auth: VonageJWT | None,
) -> VonageJWT:
    has_key = key.reveal() is not None
    if auth is not None:
        if application_id is not None or has_key:
            raise ConfigurationError("pass auth, or application_id and private_key, not both")
        return auth
    if application_id is None and not has_key:
        if password.reveal() is None:
            return VonageJWT.from_env()
        return VonageJWT.from_env(private_key_password=password.reveal())
    if application_id is None or not has_key:
        missing = "application_id" if application_id is None else "private_key"
        raise ConfigurationError(
            f"{missing} is missing: pass application_id and private_key together, or neither to read "
            "VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY / VONAGE_PRIVATE_KEY_PATH"
        )
    return VonageJWT(application_id, cast(PrivateKeyInput, key.reveal()), private_key_password=password.reveal())
