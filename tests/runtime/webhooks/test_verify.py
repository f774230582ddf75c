"""verify_callback: valid signed callbacks are accepted, a corpus of forged or broken ones is refused by type."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.runtime.webhooks.support import (
    ANSWER_OBJECT,
    ANSWER_QUERY,
    BODY,
    EVENT,
    FORGERIES,
    NOW,
    SECRET,
    WRONG_SECRET,
    Forgery,
    claims,
    compact_hash,
    sha256_hex,
    signed,
    verify,
)
from vonage_voice_client.auth import ConfigurationError
from vonage_voice_client.webhooks import (
    QueryInput,
    TokenExpiredError,
    WebhookVerificationError,
    verify_callback,
)

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
