"""verify_callback: valid signed callbacks are accepted, a corpus of forged or broken ones is refused by type."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_client.auth import ConfigurationError
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


# --- accepted -------------------------------------------------------------------------------------------------------


def test_valid_post_callback_returns_its_claims() -> None:
    assert verify(signed()) == claims()


@pytest.mark.parametrize(
    ("authorization", "body", "secret"),
    [
        (signed(), BODY.decode(), SECRET),  # body as str
        (signed().encode(), BODY, SECRET),  # header as bytes, as ASGI servers give it
        ("bearer " + signed().removeprefix("Bearer "), BODY, SECRET.encode()),  # scheme case; secret as bytes
    ],
)
def test_strings_and_bytes_are_accepted(authorization: str | bytes, body: bytes | str, secret: str | bytes) -> None:
    assert verify_callback(authorization, body, secret, clock=lambda: NOW)["iss"] == "Vonage"


def test_reformatted_json_body_matches_its_compact_hash() -> None:
    pretty = json.dumps(EVENT, indent=2).encode()
    assert verify(signed(), pretty)["payload_hash"] == compact_hash(EVENT)


NON_ASCII_EVENT = {**EVENT, "from_user": "Zoë", "custom_data": {"city": "São Paulo ☎"}}


@pytest.mark.parametrize("body_escaped", [False, True], ids=["raw utf-8 body", "escaped body"])
@pytest.mark.parametrize("hash_escaped", [False, True], ids=["raw utf-8 hash", "escaped hash"])
def test_non_ascii_payload_matches_with_or_without_escapes(body_escaped: bool, hash_escaped: bool) -> None:
    body = json.dumps(NON_ASCII_EVENT, separators=(",", ":"), ensure_ascii=body_escaped).encode()
    token = signed(claims(payload_hash=compact_hash(NON_ASCII_EVENT, ensure_ascii=hash_escaped)))
    assert verify(token, body)["iss"] == "Vonage"


def test_raw_body_hash_is_accepted_for_forms_python_would_not_produce() -> None:
    body = b'{"duration":"1.0","rate":1.0e-2,"url":"https:\\/\\/example.com"}'  # escaped "/" and an exponent
    assert verify(signed(claims(payload_hash=sha256_hex(body))), body)["iss"] == "Vonage"


@pytest.mark.parametrize(
    "query",
    [
        ANSWER_QUERY,
        "?" + ANSWER_QUERY,
        ANSWER_QUERY.encode(),
        dict(ANSWER_OBJECT),
        list(ANSWER_OBJECT.items()),
    ],
    ids=["str", "str with ?", "bytes", "mapping", "pairs"],
)
def test_get_callback_hash_is_built_from_the_query_in_order(query: QueryInput) -> None:
    token = signed(claims(payload_hash=compact_hash(ANSWER_OBJECT)))
    assert verify(token, b"", query=query)["iss"] == "Vonage"


@pytest.mark.parametrize("query", [None, "", {}])
def test_callback_without_parameters_matches_the_empty_object(query: QueryInput | None) -> None:
    assert verify(signed(claims(payload_hash=compact_hash({}))), b"", query=query)["iss"] == "Vonage"


def test_get_callback_query_is_percent_decoded() -> None:
    query = "to=447700900001&from_user=Zo%C3%AB&SipHeader_X-UserId=a+b%26c"
    token = signed(
        claims(payload_hash=compact_hash({"to": "447700900001", "from_user": "Zoë", "SipHeader_X-UserId": "a b&c"}))
    )
    assert verify(token, b"", query=query)["iss"] == "Vonage"


@pytest.mark.parametrize("iat", [NOW + 30, NOW - 330], ids=["future within leeway", "old within max_age+leeway"])
def test_clock_skew_within_leeway_is_accepted(iat: int) -> None:
    assert verify(signed(claims(iat=iat)))["iat"] == iat


def test_max_age_none_accepts_old_tokens() -> None:
    assert verify(signed(claims(iat=NOW - 86400)), max_age=None)["iat"] == NOW - 86400


# --- refused --------------------------------------------------------------------------------------------------------


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


@pytest.mark.parametrize("forgery", FORGERIES, ids=[forgery.name for forgery in FORGERIES])
def test_forged_or_broken_callbacks_are_refused_with_the_right_error(
    forgery: Forgery, rsa_key: rsa.RSAPrivateKey
) -> None:
    with pytest.raises(forgery.error) as caught:
        verify(forgery.authorization(rsa_key), forgery.body, query=forgery.query)
    assert type(caught.value) is forgery.error


def test_every_error_type_is_distinct_and_under_one_base() -> None:
    error_types = {forgery.error for forgery in FORGERIES}
    assert len(error_types) == 9
    assert all(issubclass(error, WebhookVerificationError) for error in error_types)
    assert issubclass(WebhookVerificationError, ValueError)


def test_max_age_is_configurable() -> None:
    token = signed(claims(iat=NOW - 100))
    assert verify(token, max_age=120, leeway=0)["iat"] == NOW - 100
    with pytest.raises(TokenExpiredError):
        verify(token, max_age=60, leeway=0)


@pytest.mark.parametrize("secret", ["", b""])
def test_an_empty_secret_is_a_configuration_error(secret: str | bytes) -> None:
    with pytest.raises(ConfigurationError, match=r"^the signature secret is empty$"):
        verify_callback(signed(), BODY, secret)


def test_a_key_given_as_the_secret_is_a_configuration_error(rsa_key: rsa.RSAPrivateKey) -> None:
    public = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(ConfigurationError, match=r"^the signature secret looks like a public key or certificate"):
        verify_callback(signed(), BODY, public, clock=lambda: NOW)


# --- secrecy --------------------------------------------------------------------------------------------------------


def exception_texts(exc: BaseException | None) -> Iterator[str]:
    while exc is not None:
        yield str(exc)
        yield repr(exc)
        yield from (repr(arg) for arg in exc.args)
        exc = exc.__cause__ or exc.__context__


def test_the_secret_is_in_no_error_or_log_record(rsa_key: rsa.RSAPrivateKey, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    for forgery in FORGERIES:
        with pytest.raises(WebhookVerificationError) as caught:
            verify(forgery.authorization(rsa_key), forgery.body, query=forgery.query)
        texts.extend(exception_texts(caught.value))
    verify(signed())
    texts += [record.getMessage() for record in caplog.records]

    assert sum("signed callback rejected" in record.getMessage() for record in caplog.records) == len(FORGERIES)
    pieces = [secret[i : i + 16] for secret in (SECRET, WRONG_SECRET) for i in range(0, len(secret) - 15, 16)]
    assert [piece for piece in pieces for text in texts if piece in text] == []
