"""Helpers for the webhook tests: a signature secret, a signed callback and its claims, and a corpus of forged or
broken callbacks with the error each must raise."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_client.webhooks import (
    AlgorithmNotAllowedError,
    InvalidIssuerError,
    InvalidSignatureError,
    MalformedTokenError,
    MissingPayloadHashError,
    MissingTokenError,
    PayloadHashMismatchError,
    QueryInput,
    TokenExpiredError,
    TokenNotYetValidError,
    WebhookVerificationError,
    verify_callback,
)

SECRET = "Kx9vQ2mZ7rT4wY1uE8pL3sD6fG0hJ5kN-a-signature-secret-long-enough-for-HS512"
WRONG_SECRET = "Zq8wE3rT6yU1iO4pA7sD0fG2hJ5kL9xC-another-secret-just-as-long-for-HS512"
NOW = 1_700_000_000

EVENT = {
    "from": "447700900000",
    "to": "447700900001",
    "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
    "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
    "status": "answered",
    "direction": "outbound",
    "timestamp": "2020-01-01T12:00:00.000Z",
}
BODY = json.dumps(EVENT, separators=(",", ":")).encode()
ANSWER_QUERY = "to=447700900001&from=447700900000&uuid=aaaa&conversation_uuid=CON-bbbb"
ANSWER_OBJECT = {"to": "447700900001", "from": "447700900000", "uuid": "aaaa", "conversation_uuid": "CON-bbbb"}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def compact_hash(value: object, *, ensure_ascii: bool = False) -> str:
    """The payload_hash as Vonage's signed-webhooks guide describes it: compact JSON of the payload, SHA-256, hex."""
    return sha256_hex(json.dumps(value, separators=(",", ":"), ensure_ascii=ensure_ascii).encode())


def claims(**changes: Any) -> dict[str, Any]:
    """The documented claim set for a callback carrying EVENT; a change to None removes that claim."""
    base: dict[str, Any] = {
        "iat": NOW,
        "jti": "b5d0f8b1-3c0e-4c1a-9a57-7a1b2c3d4e5f",
        "iss": "Vonage",
        "payload_hash": compact_hash(EVENT),
        "api_key": "abcd1234",
        "application_id": "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f",
    }
    base.update(changes)
    return {name: value for name, value in base.items() if value is not None}


def bearer(token: str) -> str:
    return f"Bearer {token}"


def signed(payload: dict[str, Any] | None = None, *, secret: str = SECRET, alg: str = "HS256") -> str:
    return bearer(jwt.encode(payload if payload is not None else claims(), secret, algorithm=alg))


def b64(value: object) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unsigned(header: dict[str, Any], payload: object = None, signature: str = "") -> str:
    """A hand-built token, for headers and payloads PyJWT will not produce."""
    return bearer(f"{b64(header)}.{b64(payload if payload is not None else claims())}.{signature}")


def verify(authorization: str | bytes | None, body: bytes | str = BODY, **options: Any) -> Mapping[str, Any]:
    return verify_callback(authorization, body, SECRET, clock=lambda: NOW, **options)


@dataclass(frozen=True)
class Forgery:
    name: str
    authorization: Callable[[rsa.RSAPrivateKey], str | None]
    error: type[WebhookVerificationError]
    body: bytes = BODY
    query: QueryInput | None = None


def _tampered_claims(_: rsa.RSAPrivateKey) -> str:
    header, _payload, signature = signed().removeprefix("Bearer ").split(".")
    return bearer(f"{header}.{b64(claims(api_key='attacker'))}.{signature}")


def _signed_list_payload(_: rsa.RSAPrivateKey) -> str:
    return bearer(jwt.PyJWS().encode(b"[1,2]", SECRET, algorithm="HS256"))


FORGERIES = [
    Forgery("alg none", lambda _: unsigned({"alg": "none", "typ": "JWT"}), AlgorithmNotAllowedError),
    Forgery("alg None", lambda _: unsigned({"alg": "None", "typ": "JWT"}), AlgorithmNotAllowedError),
    Forgery("no alg", lambda _: unsigned({"typ": "JWT"}), AlgorithmNotAllowedError),
    Forgery("HS512", lambda _: signed(alg="HS512"), AlgorithmNotAllowedError),
    Forgery("HS384", lambda _: signed(alg="HS384"), AlgorithmNotAllowedError),
    Forgery("RS256", lambda key: bearer(jwt.encode(claims(), key, algorithm="RS256")), AlgorithmNotAllowedError),
    Forgery("wrong secret", lambda _: signed(secret=WRONG_SECRET), InvalidSignatureError),
    Forgery("tampered claims", _tampered_claims, InvalidSignatureError),
    Forgery("signature stripped", lambda _: unsigned({"alg": "HS256", "typ": "JWT"}), InvalidSignatureError),
    Forgery(
        "tampered body", lambda _: signed(), PayloadHashMismatchError, body=BODY.replace(b"answered", b"completed")
    ),
    Forgery(
        "tampered query",
        lambda _: signed(claims(payload_hash=compact_hash(ANSWER_OBJECT))),
        PayloadHashMismatchError,
        body=b"",
        query=ANSWER_QUERY.replace("aaaa", "cccc"),
    ),
    Forgery(
        "query token on a POST body",
        lambda _: signed(claims(payload_hash=compact_hash(ANSWER_OBJECT))),
        PayloadHashMismatchError,
        query=ANSWER_QUERY,
    ),
    Forgery("missing payload_hash", lambda _: signed(claims(payload_hash=None)), MissingPayloadHashError),
    Forgery("payload_hash not a string", lambda _: signed(claims(payload_hash=12345)), MalformedTokenError),
    Forgery("wrong iss", lambda _: signed(claims(iss="Nexmo")), InvalidIssuerError),
    Forgery("missing iss", lambda _: signed(claims(iss=None)), InvalidIssuerError),
    Forgery("iat too old", lambda _: signed(claims(iat=NOW - 331)), TokenExpiredError),
    Forgery("iat in the future", lambda _: signed(claims(iat=NOW + 31)), TokenNotYetValidError),
    Forgery("exp passed", lambda _: signed(claims(exp=NOW - 31)), TokenExpiredError),
    Forgery("nbf in the future", lambda _: signed(claims(nbf=NOW + 31)), TokenNotYetValidError),
    Forgery("missing iat", lambda _: signed(claims(iat=None)), MalformedTokenError),
    Forgery("iat not a number", lambda _: signed(claims(iat=str(NOW))), MalformedTokenError),
    # JSON decoders read NaN and Infinity; NaN passes every comparison and would stop a JtiCache forgetting.
    Forgery("iat NaN", lambda _: signed(claims(iat=float("nan"))), MalformedTokenError),
    Forgery("iat Infinity", lambda _: signed(claims(iat=float("inf"))), MalformedTokenError),
    Forgery("iat -Infinity", lambda _: signed(claims(iat=float("-inf"))), MalformedTokenError),
    Forgery("exp NaN", lambda _: signed(claims(exp=float("nan"))), MalformedTokenError),
    Forgery("exp Infinity", lambda _: signed(claims(exp=float("inf"))), MalformedTokenError),
    Forgery("nbf NaN", lambda _: signed(claims(nbf=float("nan"))), MalformedTokenError),
    Forgery("iat true", lambda _: signed(claims(iat=True)), MalformedTokenError),
    Forgery("exp false", lambda _: signed(claims(exp=False)), MalformedTokenError),
    Forgery("payload not an object", _signed_list_payload, MalformedTokenError),
    Forgery("garbage", lambda _: "Bearer not-a-jwt", MalformedTokenError),
    Forgery("garbage in three parts", lambda _: "Bearer a.b.c", MalformedTokenError),
    Forgery("missing Bearer prefix", lambda _: signed().removeprefix("Bearer "), MalformedTokenError),
    Forgery("Basic scheme", lambda _: "Basic dXNlcjpwYXNzd29yZA==", MalformedTokenError),
    Forgery("Bearer without token", lambda _: "Bearer ", MissingTokenError),
    Forgery("empty header", lambda _: "", MissingTokenError),
    Forgery("blank header", lambda _: "   ", MissingTokenError),
    Forgery("no header", lambda _: None, MissingTokenError),
]
