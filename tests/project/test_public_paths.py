"""Every public name keeps the import path it had before the webhook modules became ``vonage_voice_client.webhooks``.

The names are data, read from the code at commit a43e7a6 (the last one with the flat modules): every name of
``vonage_voice_client.__all__``, and every public name of the old modules ``callbacks``, ``events``, ``starlette``,
``replay`` and ``webhooks`` (their definitions, plus ``webhooks.__all__``). Imported from its old path, each must be
the very object its new module defines: a copy (a class defined twice, say) would break ``except`` and ``isinstance``.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PARSE = "vonage_voice_client.webhooks.parse"
VERIFY = "vonage_voice_client.webhooks.verify"
CONSTRUCT = "vonage_voice_client.webhooks.construct"
REPLAY = "vonage_voice_client.webhooks.replay"

# old module -> {the module that defines the names now: the names}
OLD_PATHS: dict[str, dict[str, tuple[str, ...]]] = {
    "vonage_voice_client": {
        "vonage_voice_client.aliases": ("CallEndpoint", "ConnectEndpoint", "Endpoint", "NccoAction"),
        "vonage_voice_client.auth": ("VonageJWT",),
        "vonage_voice_client.client": ("VoiceClient", "connect"),
        "vonage_voice_client.errors": (
            "APIResponseError",
            "AuthenticationError",
            "ConfigurationError",
            "ForbiddenError",
            "InvalidValueError",
            "MalformedResponseError",
            "NotFoundError",
            "RateLimitedError",
            "ServerError",
            "ValidationError",
            "VoiceAPIError",
            "VoiceTransportError",
            "VonageVoiceError",
        ),
        "vonage_voice_client.pagination": ("aiter_calls", "iter_calls"),
        "vonage_voice_client.regions": ("REGIONS",),
        "vonage_voice_client.retries": ("RetryPolicy",),
        "vonage_voice_client.unset": ("UNSET", "Unset", "value_or"),
        PARSE: ("CallEvent", "Callback", "CallbackParseError", "UnknownEvent"),
        CONSTRUCT: ("construct_event",),
        VERIFY: ("VerifiedClaims", "WebhookVerificationError"),
    },
    "vonage_voice_client.callbacks": {
        PARSE: (
            "CallEvent",
            "Callback",
            "CallbackKind",
            "CallbackParseError",
            "STATUS_EVENTS",
            "UnknownEvent",
            "parse_callback",
            "query_object",
        ),
    },
    "vonage_voice_client.events": {
        CONSTRUCT: ("Headers", "authorization_header", "construct_any_event", "construct_event"),
    },
    "vonage_voice_client.starlette": {"vonage_voice_client.webhooks.starlette": ("event_from_request",)},
    "vonage_voice_client.replay": {REPLAY: ("DEFAULT_MAX_ENTRIES", "JtiCache", "ReplayCache")},
    "vonage_voice_client.webhooks": {
        VERIFY: (
            "ALGORITHM",
            "DEFAULT_LEEWAY",
            "DEFAULT_MAX_AGE",
            "ISSUER",
            "AlgorithmNotAllowedError",
            "InvalidIssuerError",
            "InvalidSignatureError",
            "MalformedPayloadError",
            "MalformedTokenError",
            "MissingPayloadHashError",
            "MissingTokenError",
            "PayloadHashMismatchError",
            "ReplayedTokenError",
            "TokenExpiredError",
            "TokenNotYetValidError",
            "VerifiedClaims",
            "WebhookVerificationError",
            "verify_callback",
        ),
        PARSE: ("CallbackParseError", "parse_callback"),
        REPLAY: ("JtiCache", "ReplayCache"),
        "vonage_voice_client.webhooks._payload": ("QueryInput",),
    },
}

CASES = [
    pytest.param(old, new, name, id=f"{old}.{name}")
    for old, homes in OLD_PATHS.items()
    for new, names in homes.items()
    for name in names
]


@pytest.mark.parametrize(("old", "new", "name"), CASES)
def test_a_name_imported_from_its_old_path_is_the_object_of_its_new_module(old: str, new: str, name: str) -> None:
    assert getattr(importlib.import_module(old), name) is getattr(importlib.import_module(new), name)


def test_the_top_level_list_is_the_one_checked_here() -> None:
    """A name added to ``vonage_voice_client.__all__`` later is checked by tests/test_package.py; none may vanish."""
    import vonage_voice_client

    listed = {name for names in OLD_PATHS["vonage_voice_client"].values() for name in names}
    assert listed <= set(vonage_voice_client.__all__)


def test_importing_the_webhooks_package_loads_no_web_framework() -> None:
    probe = (
        "import sys, vonage_voice_client.webhooks as w, vonage_voice_client.starlette;"
        "w.event_from_request;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'fastapi')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
