"""The audio WebSocket's handshake: verify that a connection really comes from Vonage.

With the endpoint's ``authorization`` of type ``vonage`` (the default), Vonage opens the WebSocket with
``Authorization: Bearer <JWT>``, the JWT of a signed webhook (HS256 with the signature secret, ``iss: "Vonage"``,
``iat``, ``jti``). :func:`verify_handshake` makes the checks of
:func:`~vonage_voice_client.webhooks.verify_callback`, with the same errors, except ``payload_hash``: a handshake
has no payload. Pass ``replay_cache=JtiCache()`` to accept each token once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .._redact import Hidden
from ..webhooks.replay import ReplayCache
from ..webhooks.verify import DEFAULT_LEEWAY, DEFAULT_MAX_AGE, VerifiedClaims, check_replay, check_token

__all__ = ["verify_handshake"]


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
    claims = check_token(header, key, max_age=max_age, leeway=leeway, clock=clock, replay_cache=replay_cache)
    return check_replay(claims, max_age=max_age, leeway=leeway, replay_cache=replay_cache)
