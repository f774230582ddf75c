"""vonage-voice-client: a typed client for the Vonage Voice API v1.

The operations and models are generated into the ``vonage_voice_api`` package; this package is the hand-written
runtime around them (auth, errors, retries, regions, pagination, signed webhooks).

    from vonage_voice_client import connect
    from vonage_voice_api.api.calls import get_call
    client = connect()                      # VONAGE_APPLICATION_ID + VONAGE_PRIVATE_KEY(_PATH)
    call = get_call.sync("63f61863-...", client=client)

The exports are plain imports, so a type checker reports ``from vonage_voice_client import Misspelt``.
"""

# Set before the imports: .client reads it for its User-Agent. `make update-spec` rewrites this line.
__version__ = "0.1.0"

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
