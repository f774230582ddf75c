"""The sandbox checks application JWTs like the Voice API: a corpus of broken and forged tokens, each refused 401."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tests.sandbox.support import APP_ID, Harness, app_token, harness
from vonage_voice_sandbox.web.auth import CACHED_TOKENS, LEEWAY, AuthError, JWTVerifier

Forge = Callable[[rsa.RSAPrivateKey, rsa.RSAPrivateKey], str | None]  # (app key, other key) -> Authorization value


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"application_id": APP_ID, "iat": now, "exp": now + 900, "jti": str(uuid.uuid4())}
    claims.update(overrides)
    return claims


def _unsigned(claims: dict[str, Any]) -> str:
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    return f"{header}.{_b64(json.dumps(claims).encode())}."


def _hmac_with_public_key(key: rsa.RSAPrivateKey) -> str:
    """The classic key-confusion forgery: HS256 keyed with the (public) RSA key's PEM."""
    secret = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    signing_input = (
        f"{_b64(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{_b64(json.dumps(_claims()).encode())}"
    )
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def _tampered(key: rsa.RSAPrivateKey) -> str:
    header, _, signature = app_token(key).split(".")
    forged = _b64(json.dumps(_claims(application_id=APP_ID, admin=True)).encode())
    return f"{header}.{forged}.{signature}"


def _es256() -> str:
    return jwt.encode(_claims(), ec.generate_private_key(ec.SECP256R1()), algorithm="ES256")


DAY = 24 * 3600
NOW = int(time.time())

REJECTED: dict[str, Forge] = {
    "no header": lambda key, other: None,
    "basic scheme": lambda key, other: "Basic " + base64.b64encode(b"key:secret").decode(),
    "bearer without token": lambda key, other: "Bearer ",
    "garbage": lambda key, other: "Bearer not-a-jwt",
    "three garbage parts": lambda key, other: "Bearer aaa.bbb.ccc",
    "alg none": lambda key, other: "Bearer " + _unsigned(_claims()),
    "HS256 with a shared secret": lambda key, other: "Bearer " + jwt.encode(_claims(), "s" * 32, algorithm="HS256"),
    "HS256 keyed with the public key": lambda key, other: "Bearer " + _hmac_with_public_key(key),
    "RS512 instead of RS256": lambda key, other: "Bearer " + app_token(key, algorithm="RS512"),
    "ES256": lambda key, other: "Bearer " + _es256(),
    "another key": lambda key, other: "Bearer " + app_token(other),
    "another application": lambda key, other: "Bearer " + app_token(key, application_id=str(uuid.uuid4())),
    "tampered payload": lambda key, other: "Bearer " + _tampered(key),
    "truncated signature": lambda key, other: "Bearer " + app_token(key)[:-10],
    "expired": lambda key, other: "Bearer " + app_token(key, iat=NOW - 3600, exp=NOW - 60),
    "no exp, older than 15 minutes": lambda key, other: "Bearer " + app_token(key, iat=NOW - 1200, exp=None),
    "exp more than 24 h after iat": lambda key, other: "Bearer " + app_token(key, exp=NOW + DAY + 3600),
    "iat more than 24 h ago": lambda key, other: "Bearer " + app_token(key, iat=NOW - DAY - 3600, exp=NOW + 600),
    "iat in the future": lambda key, other: "Bearer " + app_token(key, iat=NOW + 3600, exp=NOW + 4000),
    "nbf in the future": lambda key, other: "Bearer " + app_token(key, nbf=NOW + 3600),
    "no application_id": lambda key, other: "Bearer " + app_token(key, application_id=None),
    "no jti": lambda key, other: "Bearer " + app_token(key, jti=None),
    "no iat": lambda key, other: "Bearer " + app_token(key, iat=None),
    "iat is a string": lambda key, other: "Bearer " + app_token(key, iat=str(NOW)),
    "iat beyond float range": lambda key, other: "Bearer " + app_token(key, iat=10**400),
}

ACCEPTED: dict[str, Callable[[rsa.RSAPrivateKey], str]] = {
    "the SDK default (exp = iat + 15 min)": lambda key: app_token(key),
    "no exp": lambda key: app_token(key, exp=None),
    "exp 24 h after iat": lambda key: app_token(key, exp=NOW + DAY),
    "nbf in the past": lambda key: app_token(key, nbf=NOW - 60),
    "iat a few seconds ahead (clock skew)": lambda key: app_token(key, iat=int(time.time()) + 5),
    "client SDK claims (sub, acl)": lambda key: app_token(key, sub="alice", acl={"paths": {"/*/users/**": {}}}),
}


@pytest.fixture(scope="module")
def other_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


def test_the_corpus_is_large_enough() -> None:
    assert len(REJECTED) >= 12


@pytest.mark.parametrize("name", sorted(REJECTED))
async def test_broken_or_forged_tokens_are_refused(
    name: str, sandbox: Harness, rsa_key: rsa.RSAPrivateKey, other_key: rsa.RSAPrivateKey
) -> None:
    authorization = REJECTED[name](rsa_key, other_key)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await sandbox.client.get("/v1/calls", headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "https://developer.nexmo.com/api-errors#unauthorized"
    assert problem["title"] == "Unauthorized"
    assert problem["detail"].startswith("You did not provide correct credentials")
    assert problem["instance"] == response.headers["X-Nexmo-Trace-Id"]
    assert "invalid_parameters" not in problem  # never on 401 (Vonage's API errors page)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
async def test_valid_tokens_are_accepted(name: str, sandbox: Harness, rsa_key: rsa.RSAPrivateKey) -> None:
    response = await sandbox.client.get("/v1/calls", headers={"Authorization": f"Bearer {ACCEPTED[name](rsa_key)}"})
    assert response.status_code == 200, response.text


async def test_every_operation_requires_the_token(sandbox: Harness) -> None:
    call = await sandbox.create()
    paths = {
        ("GET", "/v1/calls"),
        ("POST", "/v1/calls"),
        ("GET", f"/v1/calls/{call['uuid']}"),
        ("PUT", f"/v1/calls/{call['uuid']}"),
        ("PUT", f"/v1/calls/{call['uuid']}/stream"),
        ("DELETE", f"/v1/calls/{call['uuid']}/stream"),
        ("PUT", f"/v1/calls/{call['uuid']}/talk"),
        ("DELETE", f"/v1/calls/{call['uuid']}/talk"),
        ("PUT", f"/v1/calls/{call['uuid']}/dtmf"),
        ("PUT", f"/v1/calls/{call['uuid']}/input/dtmf"),
        ("DELETE", f"/v1/calls/{call['uuid']}/input/dtmf"),
    }
    for method, path in paths:
        response = await sandbox.client.request(method, path, json={})
        assert response.status_code == 401, (method, path)


async def test_the_token_is_checked_before_the_body(sandbox: Harness) -> None:
    response = await sandbox.client.post(
        "/v1/calls", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 401


async def test_the_admin_endpoints_need_no_token(sandbox: Harness) -> None:
    assert (await sandbox.client.get("/_sandbox/info")).status_code == 200


# --- verified tokens are kept per token string; their times are still checked on every request ---------------------


def test_a_kept_token_still_expires(rsa_key: rsa.RSAPrivateKey) -> None:
    now = [time.time()]
    verifier = JWTVerifier(APP_ID, rsa_key.public_key(), wall_clock=lambda: now[0])
    token = app_token(rsa_key, iat=int(now[0]), exp=int(now[0]) + 60)
    assert verifier.verify(f"Bearer {token}")["application_id"] == APP_ID
    assert verifier.verify(f"Bearer {token}")["application_id"] == APP_ID  # from what was kept
    now[0] += 60 + LEEWAY + 1
    with pytest.raises(AuthError, match="expired"):
        verifier.verify(f"Bearer {token}")


def test_a_kept_token_is_not_a_key_for_another_string(rsa_key: rsa.RSAPrivateKey) -> None:
    verifier = JWTVerifier(APP_ID, rsa_key.public_key())
    token = app_token(rsa_key)
    verifier.verify(f"Bearer {token}")
    header, _, signature = token.split(".")
    forged = _b64(json.dumps(_claims(admin=True)).encode())
    with pytest.raises(AuthError, match="signature"):
        verifier.verify(f"Bearer {header}.{forged}.{signature}")
    with pytest.raises(AuthError):
        verifier.verify(f"Bearer {token}x")


def test_refused_tokens_are_not_kept_and_the_kept_ones_are_bounded(
    rsa_key: rsa.RSAPrivateKey, other_key: rsa.RSAPrivateKey
) -> None:
    verifier = JWTVerifier(APP_ID, rsa_key.public_key())
    foreign = app_token(other_key)
    for _ in range(2):
        with pytest.raises(AuthError, match="signature"):
            verifier.verify(f"Bearer {foreign}")
    tokens = [app_token(rsa_key) for _ in range(CACHED_TOKENS + 5)]
    for token in tokens:
        verifier.verify(f"Bearer {token}")
    kept = verifier._verified
    assert len(kept) == CACHED_TOKENS
    assert foreign not in kept and tokens[0] not in kept and tokens[-1] in kept


def test_the_claims_returned_are_a_copy(rsa_key: rsa.RSAPrivateKey) -> None:
    verifier = JWTVerifier(APP_ID, rsa_key.public_key())
    authorization = f"Bearer {app_token(rsa_key)}"
    verifier.verify(authorization)["application_id"] = "someone else"
    assert verifier.verify(authorization)["application_id"] == APP_ID
