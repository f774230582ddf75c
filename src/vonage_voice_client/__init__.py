"""vonage-voice-client: a typed client for the Vonage Voice API v1.

The operations and models are generated into the ``vonage_voice_api`` package; this package is the hand-written
runtime around them (auth, errors, retries, regions, pagination, signed webhooks).

    from vonage_voice_client import connect
    from vonage_voice_api.api.calls import get_call
    client = connect()                      # VONAGE_APPLICATION_ID + VONAGE_PRIVATE_KEY(_PATH) [+ VONAGE_BASE_URL]
    call = get_call.sync("63f61863-...", client=client)

Also here: the union aliases (``NccoAction``, ...), ``construct_event`` for signed callbacks, and ``value_or`` for
fields the API may leave out (``Unset``).

The exports are plain imports, so a type checker reports ``from vonage_voice_client import Misspelt``.
"""

# Set before the imports: .client reads it for its User-Agent. `make update-spec` rewrites this line.
__version__ = "0.1.0"

from .aliases import CallEndpoint, ConnectEndpoint, Endpoint, NccoAction
from .auth import VonageJWT
from .callbacks import Callback, CallbackParseError, CallEvent, UnknownEvent
from .client import VoiceClient, connect
from .errors import (
    APIResponseError,
    AuthenticationError,
    ConfigurationError,
    ForbiddenError,
    InvalidValueError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ValidationError,
    VoiceAPIError,
    VoiceTransportError,
    VonageVoiceError,
)
from .events import construct_event
from .pagination import aiter_calls, iter_calls
from .regions import REGIONS
from .retries import RetryPolicy
from .unset import UNSET, Unset, value_or
from .webhooks import VerifiedClaims, WebhookVerificationError

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
    "aiter_calls",
    "connect",
    "construct_event",
    "iter_calls",
    "value_or",
]
