"""vonage-voice-client: a typed client for the Vonage Voice API v1.

The operations and models are generated into the ``vonage_voice_api`` package; this package is the hand-written
runtime around them (auth, errors, retries, regions, pagination, signed webhooks) and the embedded sandbox.

    from vonage_voice_client import connect
    from vonage_voice_api.api.calls import get_call
    client = connect()                      # VONAGE_APPLICATION_ID + VONAGE_PRIVATE_KEY(_PATH)
    call = get_call.sync("63f61863-...", client=client)

The names below are imported on first use, so that ``import vonage_voice_client.sandbox`` (which never uses the
runtime) does not load the runtime and the generated package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .auth import VonageJWT
    from .client import VoiceClient, connect
    from .errors import (
        APIResponseError,
        AuthenticationError,
        ConfigurationError,
        ForbiddenError,
        MalformedResponseError,
        NotFoundError,
        RateLimitedError,
        ServerError,
        ValidationError,
        VoiceAPIError,
        VoiceTransportError,
        VonageVoiceError,
    )
    from .pagination import aiter_calls, iter_calls
    from .regions import REGIONS
    from .retries import RetryPolicy

_LAZY = {
    "VonageJWT": "auth",
    "VoiceClient": "client",
    "connect": "client",
    "aiter_calls": "pagination",
    "iter_calls": "pagination",
    "REGIONS": "regions",
    "RetryPolicy": "retries",
    **dict.fromkeys(
        [
            "APIResponseError",
            "AuthenticationError",
            "ConfigurationError",
            "ForbiddenError",
            "MalformedResponseError",
            "NotFoundError",
            "RateLimitedError",
            "ServerError",
            "ValidationError",
            "VoiceAPIError",
            "VoiceTransportError",
            "VonageVoiceError",
        ],
        "errors",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "REGIONS",
    "APIResponseError",
    "AuthenticationError",
    "ConfigurationError",
    "ForbiddenError",
    "MalformedResponseError",
    "NotFoundError",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "ValidationError",
    "VoiceAPIError",
    "VoiceClient",
    "VoiceTransportError",
    "VonageJWT",
    "VonageVoiceError",
    "__version__",
    "aiter_calls",
    "connect",
    "iter_calls",
]
