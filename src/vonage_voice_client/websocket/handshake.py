"""The audio WebSocket's handshake: verify that a connection really comes from Vonage.

With the endpoint's ``authorization`` of type ``vonage`` (the default), Vonage opens the WebSocket with
``Authorization: Bearer <JWT>``, the JWT of a signed webhook (HS256 with the signature secret, ``iss: "Vonage"``,
``iat``, ``jti``). :func:`verify_handshake` makes the checks of
:func:`~vonage_voice_client.webhooks.verify_callback`, with the same errors, except ``payload_hash``: a handshake
has no payload. Pass ``replay_cache=JtiCache()`` to accept each token once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from .._redact import Hidden, describe
from ..errors import ConfigurationError
from ..webhooks.replay import ReplayCache
from ..webhooks.verify import (
    DEFAULT_LEEWAY,
    DEFAULT_MAX_AGE,
    VerifiedClaims,
    WebhookVerificationError,
    _bearer_token,
    _check_issuer,
    _check_replay,
    _check_times,
    _secret_bytes,
    _verified_claims,
)

__all__ = ["verify_handshake"]

logger = logging.getLogger(__name__)


def verify_handshake(
    authorization: str | bytes | None,
    secret: str | bytes,
    *,
    max_age: float | None = DEFAULT_MAX_AGE,
    leeway: float = DEFAULT_LEEWAY,
    clock: Callable[[], float] = time.time,
    replay_cache: ReplayCache | None = None,
) -> VerifiedClaims:
    """Verify the ``Authorization`` header of Vonage's WebSocket handshake; return the token's claims.

    Raises a :class:`~vonage_voice_client.webhooks.WebhookVerificationError` subclass (missing, malformed or forged
    token, another algorithm, wrong issuer, too old, replayed) as ``verify_callback`` does; refuse the connection on
    it. The claims have no ``payload_hash`` (its property raises ``KeyError``).
    """
    key, header = Hidden(secret), Hidden(authorization)
    del secret, authorization
    signing_key = _secret_bytes(key)
    if replay_cache is not None and max_age is None:
        raise ConfigurationError("replay protection needs max_age: a jti must be remembered as long as its token")
    try:
        claims = _verified_claims(_bearer_token(header), signing_key)
        _check_issuer(claims)
        _check_times(claims, clock(), max_age, leeway)
        if replay_cache is not None and max_age is not None:
            _check_replay(claims, replay_cache, max_age, leeway)
    except WebhookVerificationError as exc:
        logger.debug("WebSocket handshake rejected (%s): %s", type(exc).__name__, exc)
        raise
    logger.debug("WebSocket handshake verified, jti=%s", describe(claims.get("jti")))
    return VerifiedClaims(claims)
