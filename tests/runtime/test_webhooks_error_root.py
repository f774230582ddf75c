"""One ``except VonageVoiceError`` catches what the webhook helpers raise, as it catches every other error of the
package; the errors stay ``ValueError`` for code written against that."""

from __future__ import annotations

import hashlib
import json

import jwt
import pytest

from vonage_voice_client import VonageVoiceError, construct_event
from vonage_voice_client.webhooks import (
    CallbackParseError,
    InvalidSignatureError,
    WebhookVerificationError,
    parse_callback,
    verify_callback,
)

SECRET = "the-account-signature-secret-at-least-32-bytes-long"
NOW = 1_700_000_000.0
BODY = json.dumps({"status": "started", "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356"}).encode()


def forged_header() -> str:
    """A well-formed token for BODY, signed with a secret that is not the account's."""
    claims = {"iss": "Vonage", "iat": int(NOW), "payload_hash": hashlib.sha256(BODY).hexdigest(), "jti": "j-1"}
    return "Bearer " + jwt.encode(claims, "an-attacker-guess-of-the-secret-32-bytes-long", algorithm="HS256")


def test_a_forged_callback_is_caught_as_a_vonage_voice_error_by_verify_callback() -> None:
    with pytest.raises(VonageVoiceError) as caught:
        verify_callback(forged_header(), BODY, SECRET, clock=lambda: NOW)
    assert isinstance(caught.value, InvalidSignatureError)
    assert isinstance(caught.value, WebhookVerificationError) and isinstance(caught.value, ValueError)


def test_a_forged_callback_is_caught_as_a_vonage_voice_error_by_construct_event() -> None:
    headers = {"Authorization": forged_header(), "Content-Type": "application/json"}
    try:
        construct_event(method="POST", headers=headers, body=BODY, secret=SECRET, kind="event", clock=lambda: NOW)
    except VonageVoiceError as exc:
        assert isinstance(exc, InvalidSignatureError)
    else:
        pytest.fail("a forged callback was accepted")


def test_an_unreadable_payload_is_caught_as_a_vonage_voice_error() -> None:
    with pytest.raises(VonageVoiceError) as caught:
        parse_callback(b"[1, 2]")
    assert isinstance(caught.value, CallbackParseError) and isinstance(caught.value, ValueError)
