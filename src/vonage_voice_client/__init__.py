"""vonage-voice-client: a typed client for the Vonage Voice API v1.

The operations and models are generated into the ``vonage_voice_api`` package; this package is the hand-written
runtime around them (auth, errors, retries, regions, pagination, signed webhooks, recording downloads).

    from vonage_voice_client import connect
    from vonage_voice_api.api.calls import get_call
    client = connect()                      # VONAGE_APPLICATION_ID + VONAGE_PRIVATE_KEY(_PATH) [+ VONAGE_BASE_URL]
    call = get_call.sync("63f61863-...", client=client)

Also here: the union aliases (``NccoAction``, ...), ``construct_event`` for signed callbacks, and ``value_or`` for
fields the API may leave out (``Unset``).

Each name is imported on first use (see below); a type checker still reports
``from vonage_voice_client import Misspelt``.
"""

from typing import TYPE_CHECKING

# .client reads it for its User-Agent. `make update-spec` rewrites this line.
__version__ = "0.1.0"

# The runtime's names load with their module on first use: `import vonage_voice_client` and `connect()` do not pay
# for the webhook, alias and pagination modules (and the generated models they import) until they are used.
# Type checkers read the real imports below, so `from vonage_voice_client import Misspelt` is still an error.
if TYPE_CHECKING:
    from .aliases import CallEndpoint as CallEndpoint
    from .aliases import ConnectEndpoint as ConnectEndpoint
    from .aliases import Endpoint as Endpoint
    from .aliases import NccoAction as NccoAction
    from .auth import VonageJWT as VonageJWT
    from .client import VoiceClient as VoiceClient
    from .client import connect as connect
    from .errors import APIResponseError as APIResponseError
    from .errors import AuthenticationError as AuthenticationError
    from .errors import ConfigurationError as ConfigurationError
    from .errors import ForbiddenError as ForbiddenError
    from .errors import InvalidValueError as InvalidValueError
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
    from .recordings import adownload_recording as adownload_recording
    from .recordings import adownload_transcript as adownload_transcript
    from .recordings import download_recording as download_recording
    from .recordings import download_transcript as download_transcript
    from .regions import REGIONS as REGIONS
    from .retries import RetryPolicy as RetryPolicy
    from .unset import UNSET as UNSET
    from .unset import Unset as Unset
    from .unset import value_or as value_or
    from .webhooks import Callback as Callback
    from .webhooks import CallbackParseError as CallbackParseError
    from .webhooks import CallEvent as CallEvent
    from .webhooks import UnknownEvent as UnknownEvent
    from .webhooks import VerifiedClaims as VerifiedClaims
    from .webhooks import WebhookVerificationError as WebhookVerificationError
    from .webhooks import construct_event as construct_event
else:
    import importlib

    _MODULES = {
        "CallEndpoint": "aliases",
        "ConnectEndpoint": "aliases",
        "Endpoint": "aliases",
        "NccoAction": "aliases",
        "VonageJWT": "auth",
        "VoiceClient": "client",
        "connect": "client",
        "APIResponseError": "errors",
        "AuthenticationError": "errors",
        "ConfigurationError": "errors",
        "ForbiddenError": "errors",
        "InvalidValueError": "errors",
        "MalformedResponseError": "errors",
        "NotFoundError": "errors",
        "RateLimitedError": "errors",
        "ServerError": "errors",
        "ValidationError": "errors",
        "VoiceAPIError": "errors",
        "VoiceTransportError": "errors",
        "VonageVoiceError": "errors",
        "aiter_calls": "pagination",
        "iter_calls": "pagination",
        "adownload_recording": "recordings",
        "adownload_transcript": "recordings",
        "download_recording": "recordings",
        "download_transcript": "recordings",
        "REGIONS": "regions",
        "RetryPolicy": "retries",
        "UNSET": "unset",
        "Unset": "unset",
        "value_or": "unset",
        "Callback": "webhooks",
        "CallbackParseError": "webhooks",
        "CallEvent": "webhooks",
        "UnknownEvent": "webhooks",
        "construct_event": "webhooks",
        "VerifiedClaims": "webhooks",
        "WebhookVerificationError": "webhooks",
    }

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(_MODULES))


__all__ = [
    "REGIONS",
    "UNSET",
    "APIResponseError",
    "AuthenticationError",
    "CallEndpoint",
    "CallEvent",
    "Callback",
    "CallbackParseError",
    "ConfigurationError",
    "ConnectEndpoint",
    "Endpoint",
    "ForbiddenError",
    "InvalidValueError",
    "MalformedResponseError",
    "NccoAction",
    "NotFoundError",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "UnknownEvent",
    "Unset",
    "ValidationError",
    "VerifiedClaims",
    "VoiceAPIError",
    "VoiceClient",
    "VoiceTransportError",
    "VonageJWT",
    "VonageVoiceError",
    "WebhookVerificationError",
    "__version__",
    "adownload_recording",
    "adownload_transcript",
    "aiter_calls",
    "connect",
    "construct_event",
    "download_recording",
    "download_transcript",
    "iter_calls",
    "value_or",
]
