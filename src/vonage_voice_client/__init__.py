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

if TYPE_CHECKING:  # the same names, for type checkers (``X as X`` marks a re-export)
    from .auth import VonageJWT as VonageJWT
    from .client import VoiceClient as VoiceClient
    from .client import connect as connect
    from .errors import APIResponseError as APIResponseError
    from .errors import AuthenticationError as AuthenticationError
    from .errors import ConfigurationError as ConfigurationError
    from .errors import ForbiddenError as ForbiddenError
    from .errors import MalformedResponseError as MalformedResponseError
    from .errors import NotFoundError as NotFoundError
    from .errors import RateLimitedError as RateLimitedError
    from .errors import ServerError as ServerError
    from .errors import ValidationError as ValidationError
    from .errors import VoiceAPIError as VoiceAPIError
    from .errors import VoiceTransportError as VoiceTransportError
    from .errors import VonageVoiceError as VonageVoiceError
    from .pagination import aiter_calls as aiter_calls
    from .pagination import iter_calls as iter_calls
    from .regions import REGIONS as REGIONS
    from .retries import RetryPolicy as RetryPolicy

_EXPORTS: dict[str, tuple[str, ...]] = {
    "auth": ("VonageJWT",),
    "client": ("VoiceClient", "connect"),
    "errors": (
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
    ),
    "pagination": ("aiter_calls", "iter_calls"),
    "regions": ("REGIONS",),
    "retries": ("RetryPolicy",),
}
_LAZY = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = ["__version__", *_LAZY]  # built from _EXPORTS, so the list is written once


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
