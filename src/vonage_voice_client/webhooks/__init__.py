"""Signed Voice callbacks: verify that a webhook comes from Vonage, and read it as its typed model.

    event = construct_event(method=..., headers=..., body=raw_body, query=raw_query, secret=SIGNATURE_SECRET)
    event = await event_from_request(request, SIGNATURE_SECRET)      # Starlette, FastAPI
    claims = verify_callback(authorization, raw_body, SIGNATURE_SECRET); event = parse_callback(raw_body)

The modules, each importing only those after it: ``starlette`` (``event_from_request``, which imports nothing of
Starlette at run time), ``construct`` (``construct_event``: verify and parse in one call), ``verify``
(``verify_callback`` and its errors) and ``parse`` (``parse_callback`` and the callback types), ``replay``
(``JtiCache``) and ``_payload`` (reading a payload exactly once); ``redis_replay`` (``RedisReplayCache``, the
``redis`` extra) stands beside ``verify``. Every name below is importable from here.
"""

from ._payload import QueryInput
from .construct import DEFAULT_MAX_BODY_BYTES, Headers, construct_any_event, construct_event
from .parse import Callback, CallbackKind, CallbackParseError, CallEvent, UnknownEvent, parse_callback
from .redis_replay import RedisReplayCache, ReplayCacheUnavailableError
from .replay import JtiCache, ReplayCache
from .starlette import event_from_request
from .verify import (
    ALGORITHM,
    DEFAULT_LEEWAY,
    DEFAULT_MAX_AGE,
    ISSUER,
    AlgorithmNotAllowedError,
    InvalidIssuerError,
    InvalidSignatureError,
    MalformedPayloadError,
    MalformedTokenError,
    MissingPayloadHashError,
    MissingTokenError,
    PayloadHashMismatchError,
    PayloadTooLargeError,
    ReplayedTokenError,
    TokenExpiredError,
    TokenNotYetValidError,
    VerifiedClaims,
    WebhookVerificationError,
    verify_callback,
)

__all__ = [
    "ALGORITHM",
    "DEFAULT_LEEWAY",
    "DEFAULT_MAX_AGE",
    "DEFAULT_MAX_BODY_BYTES",
    "ISSUER",
    "AlgorithmNotAllowedError",
    "CallEvent",
    "Callback",
    "CallbackKind",
    "CallbackParseError",
    "Headers",
    "InvalidIssuerError",
    "InvalidSignatureError",
    "JtiCache",
    "MalformedPayloadError",
    "MalformedTokenError",
    "MissingPayloadHashError",
    "MissingTokenError",
    "PayloadHashMismatchError",
    "PayloadTooLargeError",
    "QueryInput",
    "RedisReplayCache",
    "ReplayCache",
    "ReplayCacheUnavailableError",
    "ReplayedTokenError",
    "TokenExpiredError",
    "TokenNotYetValidError",
    "UnknownEvent",
    "VerifiedClaims",
    "WebhookVerificationError",
    "construct_any_event",
    "construct_event",
    "event_from_request",
    "parse_callback",
    "verify_callback",
]
