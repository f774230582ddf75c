"""vonage-voice-client: a typed client for the Vonage Voice API v1.

The operations and models are generated into the ``vonage_voice_api`` package; this package is the hand-written
runtime around them (auth, errors, retries, regions, pagination, signed webhooks) and the embedded sandbox.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
