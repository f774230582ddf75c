"""`connect()`: the generated client, configured for production use.

The layers, outermost first (the same for the sync and the async client):

    generated operation (vonage_voice_api.api.<tag>.<op>.sync / asyncio)
      -> VoiceClient: the generated AuthenticatedClient with our httpx clients
        -> httpx client .send(): raises the typed error of any non-2xx answer, after auth had its say
          -> VonageJWT (httpx.Auth): one cached token; one renewal and retry on 401
            -> RetryTransport: re-sends only what cannot duplicate an effect; logs each attempt
              -> the real transport (connection pool) or the one passed in
"""

from __future__ import annotations

from typing import Any, Final, cast

import httpx
from attrs import define, field
from vonage_voice_api import AuthenticatedClient

from . import __version__
from ._redact import Hidden
from .auth import PrivateKeyInput, VonageJWT
from .errors import ConfigurationError, VoiceTransportError, error_for
from .regions import base_url_from_env, resolve_base_url
from .retries import NOT_SENT_ERRORS, RetryPolicy, RetryTransport

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_LIMITS: Final = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30.0)
DEFAULT_MAX_RETRIES: Final = 3
USER_AGENT: Final = f"vonage-voice-client/{__version__} httpx/{httpx.__version__}"


class _Settings:
    """What the sync and async httpx clients are built from; one instance shared by both."""

    def __init__(
        self,
        auth: VonageJWT,
        policy: RetryPolicy,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
        limits: httpx.Limits,
    ) -> None:
        self.auth, self.policy, self.transport, self.limits = auth, policy, transport, limits

    def sync_transport(self) -> RetryTransport:
        inner = self.transport if isinstance(self.transport, httpx.BaseTransport) else None
        return RetryTransport(self.policy, sync_transport=inner or httpx.HTTPTransport(limits=self.limits))

    def async_transport(self) -> RetryTransport:
        inner = self.transport if isinstance(self.transport, httpx.AsyncBaseTransport) else None
        return RetryTransport(self.policy, async_transport=inner or httpx.AsyncHTTPTransport(limits=self.limits))

    def __repr__(self) -> str:
        return f"_Settings(auth={self.auth!r}, policy={self.policy!r})"


class _VoiceHTTPClient(httpx.Client):
    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        try:
            response = super().send(request, **kwargs)
        except httpx.TransportError as error:
            raise _transport_error(request, error) from error
        if not response.is_success:
            response.read()
            response.close()
            raise error_for(response)
        return response


class _VoiceAsyncHTTPClient(httpx.AsyncClient):
    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        try:
            response = await super().send(request, **kwargs)
        except httpx.TransportError as error:
            raise _transport_error(request, error) from error
        if not response.is_success:
            await response.aread()
            await response.aclose()
            raise error_for(response)
        return response


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

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = _VoiceHTTPClient(
                base_url=self._base_url,
                headers=self._headers,
                cookies=self._cookies,
                timeout=self._timeout or DEFAULT_TIMEOUT,
                auth=self._settings.auth,
                transport=self._settings.sync_transport(),
                follow_redirects=False,
            )
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = _VoiceAsyncHTTPClient(
                base_url=self._base_url,
                headers=self._headers,
                cookies=self._cookies,
                timeout=self._timeout or DEFAULT_TIMEOUT,
                auth=self._settings.auth,
                transport=self._settings.async_transport(),
                follow_redirects=False,
            )
        return self._async_client

    @property
    def auth(self) -> VonageJWT:
        """The token source (for signing counts, or a token for another Vonage call)."""
        return self._settings.auth

    @property
    def base_url(self) -> str:
        return self._base_url

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()


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
) -> VoiceClient:
    """A client for every generated operation, sync and async, configured for production.

    Credentials come from ``application_id`` and ``private_key`` (PEM bytes or text, a path, or a key object), or from
    the environment when both are omitted (VONAGE_APPLICATION_ID with VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH), or
    from a ready ``auth``. The host is the default one, a ``region`` (a name such as ``eu-west`` or an answer webhook's
    ``region_url``), or any ``base_url`` (plain http only to loopback, e.g. the sandbox); with neither, VONAGE_BASE_URL
    when it is set (the sandbox's CLI prints it). ``timeout`` may not be None: an unbounded request is never what
    production wants. ``transport`` replaces the network (an ``httpx.MockTransport`` in tests); retries, auth and errors
    still apply.
    """
    # Key material leaves this frame at once: error trackers record the locals of every frame of a traceback.
    key, password = Hidden(private_key), Hidden(private_key_password)
    del private_key, private_key_password
    if timeout is None:
        raise ConfigurationError("timeout=None would let a request wait forever; pass seconds or an httpx.Timeout")
    if region is None and base_url is None:
        base_url = base_url_from_env()
    policy = retry_policy or _policy(max_retries)
    settings = _Settings(_auth(application_id, key, password, auth), policy, transport, limits)
    return VoiceClient(
        base_url=resolve_base_url(region=region, base_url=base_url),
        token="",  # unused: VonageJWT sets the Authorization header per request
        timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
        settings=settings,
    )


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
