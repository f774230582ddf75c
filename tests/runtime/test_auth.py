"""VonageJWT: the tokens it signs, how often it signs, the 401 retry, and where keys come from."""

from __future__ import annotations

import asyncio
import threading
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_client import connect
from vonage_voice_client.auth import PrivateKeyInput, VonageJWT

APP_ID = "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f"
T0 = 1_700_000_000


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def decode(token: str, key: rsa.RSAPrivateKey) -> dict[str, Any]:
    """Verify the signature with the public key; times are checked by the tests themselves."""
    options: jwt.types.Options = {"verify_exp": False, "verify_iat": False, "verify_nbf": False}
    return jwt.decode(token, key.public_key(), algorithms=["RS256"], options=options)


def bearer(request: httpx.Request) -> str:
    scheme, _, token = request.headers["Authorization"].partition(" ")
    assert scheme == "Bearer"
    return token


# --- the token ------------------------------------------------------------------------------------------------------


def test_token_has_every_claim_and_verifies_with_the_public_key(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes) -> None:
    token = VonageJWT(APP_ID, rsa_pem, clock=FakeClock()).token()

    assert jwt.get_unverified_header(token) == {"alg": "RS256", "typ": "JWT"}
    claims = decode(token, rsa_key)
    assert claims == {"application_id": APP_ID, "iat": T0, "exp": T0 + 900, "jti": claims["jti"]}
    assert uuid.UUID(claims["jti"]).version == 4


def test_optional_claims_are_set_when_asked(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes) -> None:
    acl: dict[str, Any] = {"paths": {"/*/users/**": {}, "/*/conversations/**": {}}}
    auth = VonageJWT(APP_ID, rsa_pem, ttl=3600, nbf=-30, acl=acl, sub="alice", clock=FakeClock())

    claims = decode(auth.token(), rsa_key)

    assert claims["exp"] == T0 + 3600
    assert claims["nbf"] == T0 - 30
    assert claims["acl"] == acl
    assert claims["sub"] == "alice"


def test_token_passes_full_verification_with_the_real_clock(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes) -> None:
    token = VonageJWT(APP_ID, rsa_pem).token()

    options: jwt.types.Options = {"require": ["application_id", "iat", "jti", "exp"]}
    claims = jwt.decode(token, rsa_key.public_key(), algorithms=["RS256"], options=options)
    assert 30 <= claims["exp"] - claims["iat"] <= 86400


def test_token_is_reused_until_the_renew_margin_then_replaced(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes) -> None:
    clock = FakeClock()
    auth = VonageJWT(APP_ID, rsa_pem, ttl=900, renew_margin=60, clock=clock)
    first = auth.token()

    clock.now = T0 + 839  # 61 s of life left
    assert auth.token() == first
    clock.now = T0 + 840  # 60 s left: due
    second = auth.token()

    assert second != first
    assert auth.signings == 2
    old, new = decode(first, rsa_key), decode(second, rsa_key)
    assert new["iat"] == T0 + 840
    assert new["jti"] != old["jti"]


@pytest.mark.parametrize(("ttl", "margin"), [(30, 15.0), (120, 60.0), (900, 60.0), (86400, 60.0)])
def test_default_renew_margin_is_a_minute_or_half_a_short_ttl(rsa_pem: bytes, ttl: int, margin: float) -> None:
    assert VonageJWT(APP_ID, rsa_pem, ttl=ttl).renew_margin == margin


# --- many requests, threads, tasks ----------------------------------------------------------------------------------


def test_a_thousand_requests_sign_at_most_two_tokens(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes) -> None:
    clock = FakeClock()
    auth = VonageJWT(APP_ID, rsa_pem, clock=clock)
    seen: list[tuple[float, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((clock.now, bearer(request)))
        clock.now += 1  # 1,000 s in all: more than one 900 s token lifetime
        return httpx.Response(200)

    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as client:
        for _ in range(1000):
            client.get("https://api.nexmo.com/v1/calls")

    assert auth.signings == 2
    assert len({token for _, token in seen}) == 2
    # Every request left with a token that still had at least the renew margin to live.
    assert all(decode(token, rsa_key)["exp"] - sent_at > auth.renew_margin for sent_at, token in seen)


@pytest.mark.asyncio
async def test_fifty_concurrent_async_requests_at_expiry_sign_once(rsa_pem: bytes) -> None:
    clock = FakeClock()
    auth = VonageJWT(APP_ID, rsa_pem, clock=clock)
    seen: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(bearer(request))
        await asyncio.sleep(0)  # let the other requests run while this one is in flight
        return httpx.Response(200)

    async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(handler)) as client:
        await client.get("https://api.nexmo.com/v1/calls")
        clock.now = T0 + 900  # the token has expired
        await asyncio.gather(*(client.get("https://api.nexmo.com/v1/calls") for _ in range(50)))

    assert auth.signings == 2
    assert len(set(seen[1:])) == 1
    assert seen[1] != seen[0]


def test_threads_at_expiry_sign_once(rsa_pem: bytes) -> None:
    clock = FakeClock()
    auth = VonageJWT(APP_ID, rsa_pem, clock=clock)
    auth.token()
    clock.now = T0 + 900
    start = threading.Barrier(16)
    tokens: list[str] = []

    def worker() -> None:
        start.wait()
        tokens.append(auth.token())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert auth.signings == 2
    assert len(set(tokens)) == 1


# --- 401 ------------------------------------------------------------------------------------------------------------


def test_a_401_is_retried_once_with_a_new_token(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes) -> None:
    auth = VonageJWT(APP_ID, rsa_pem, clock=FakeClock())
    rejected = auth.token()
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(bearer(request))
        return httpx.Response(401 if bearer(request) == rejected else 200)

    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as client:
        response = client.post("https://api.nexmo.com/v1/calls", json={"to": []})

    assert response.status_code == 200
    assert len(seen) == 2
    assert decode(seen[0], rsa_key)["jti"] != decode(seen[1], rsa_key)["jti"]
    assert auth.signings == 2


def test_a_second_401_is_returned_not_retried(rsa_pem: bytes) -> None:
    auth = VonageJWT(APP_ID, rsa_pem, clock=FakeClock())
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(bearer(request))
        return httpx.Response(401, json={"title": "Unauthorized"})

    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as client:
        response = client.get("https://api.nexmo.com/v1/calls")

    assert response.status_code == 401
    assert len(seen) == 2
    assert seen[0] != seen[1]
    assert auth.signings == 2


@pytest.mark.asyncio
async def test_async_401_is_retried_once_then_returned(rsa_pem: bytes) -> None:
    auth = VonageJWT(APP_ID, rsa_pem, clock=FakeClock())
    seen: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(bearer(request))
        return httpx.Response(401)

    async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(handler)) as client:
        response = await client.get("https://api.nexmo.com/v1/calls")

    assert response.status_code == 401
    assert len(seen) == 2
    assert seen[0] != seen[1]


def test_concurrent_401s_for_one_token_sign_one_replacement(rsa_pem: bytes) -> None:
    auth = VonageJWT(APP_ID, rsa_pem, clock=FakeClock())
    flows = [auth.auth_flow(httpx.Request("GET", "https://api.nexmo.com/v1/calls")) for _ in range(3)]
    first_tokens = {bearer(next(flow)) for flow in flows}  # all three in flight with the same token
    retry_tokens = {bearer(flow.send(httpx.Response(401))) for flow in flows}

    assert len(first_tokens) == 1
    assert len(retry_tokens) == 1
    assert retry_tokens != first_tokens
    assert auth.signings == 2


class OneShotTransport(httpx.BaseTransport):
    """Consumes the request body as a network transport does, without buffering it (unlike MockTransport)."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        self.bodies.append(b"".join(request.stream))
        return httpx.Response(401)


def test_a_401_on_a_one_shot_streamed_body_is_returned_not_retried(rsa_pem: bytes) -> None:
    transport = OneShotTransport()

    def body() -> Iterator[bytes]:
        yield b'{"to": []}'

    with httpx.Client(auth=VonageJWT(APP_ID, rsa_pem), transport=transport) as client:
        response = client.post("https://api.nexmo.com/v1/calls", content=body())

    assert response.status_code == 401
    assert transport.bodies == [b'{"to": []}']


def test_repr_shows_application_id_and_ttl_only(rsa_pem: bytes) -> None:
    auth = VonageJWT(APP_ID, rsa_pem, ttl=600)
    assert repr(auth) == str(auth) == f"VonageJWT(application_id='{APP_ID}', ttl=600)"


# --- where the key comes from ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["bytes", "str", "path", "str path", "key object"])
def test_key_is_accepted_in_every_form(rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes, tmp_path: Path, form: str) -> None:
    key_file = tmp_path / "private.key"
    key_file.write_bytes(rsa_pem)
    forms: dict[str, PrivateKeyInput] = {
        "bytes": rsa_pem,
        "str": rsa_pem.decode(),
        "path": key_file,
        "str path": str(key_file),
        "key object": rsa_key,
    }

    assert decode(VonageJWT(APP_ID, forms[form]).token(), rsa_key)["application_id"] == APP_ID


@pytest.mark.parametrize("password_type", [bytes, str])
@pytest.mark.parametrize(
    "key_format", [serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL]
)
def test_encrypted_key_is_accepted_with_its_password(
    rsa_key: rsa.RSAPrivateKey,
    key_password: bytes,
    key_format: serialization.PrivateFormat,
    password_type: type[str] | type[bytes],
) -> None:
    encryption = serialization.BestAvailableEncryption(key_password)
    pem = rsa_key.private_bytes(serialization.Encoding.PEM, key_format, encryption)
    password = key_password.decode() if password_type is str else key_password

    auth = VonageJWT(APP_ID, pem, private_key_password=password)

    assert decode(auth.token(), rsa_key)["application_id"] == APP_ID


@pytest.mark.parametrize("variant", ["pem", "pem with escaped newlines", "path", "encrypted pem"])
def test_from_env(
    rsa_key: rsa.RSAPrivateKey,
    rsa_pem: bytes,
    encrypted_rsa_pem: bytes,
    key_password: bytes,
    tmp_path: Path,
    variant: str,
) -> None:
    key_file = tmp_path / "private.key"
    key_file.write_bytes(rsa_pem)
    environ = {"VONAGE_APPLICATION_ID": APP_ID}
    environ |= {
        "pem": {"VONAGE_PRIVATE_KEY": rsa_pem.decode()},
        "pem with escaped newlines": {"VONAGE_PRIVATE_KEY": rsa_pem.decode().replace("\n", "\\n")},
        "path": {"VONAGE_PRIVATE_KEY_PATH": str(key_file)},
        "encrypted pem": {
            "VONAGE_PRIVATE_KEY": encrypted_rsa_pem.decode(),
            "VONAGE_PRIVATE_KEY_PASSWORD": key_password.decode(),
        },
    }[variant]

    auth = VonageJWT.from_env(environ, ttl=120)

    assert auth.application_id == APP_ID
    assert auth.ttl == 120
    assert decode(auth.token(), rsa_key)["application_id"] == APP_ID


def test_from_env_reads_os_environ_by_default(rsa_pem: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    key_file = tmp_path / "private.key"
    key_file.write_bytes(rsa_pem)
    monkeypatch.setenv("VONAGE_APPLICATION_ID", APP_ID)
    monkeypatch.setenv("VONAGE_PRIVATE_KEY_PATH", str(key_file))
    monkeypatch.delenv("VONAGE_PRIVATE_KEY", raising=False)
    monkeypatch.delenv("VONAGE_PRIVATE_KEY_PASSWORD", raising=False)

    assert VonageJWT.from_env().application_id == APP_ID


def test_connect_with_the_key_from_the_environment_emits_no_warning(
    rsa_pem: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: CryptographyDeprecationWarning (DSA is deprecated) from the key check, on every connect()."""
    monkeypatch.setenv("VONAGE_APPLICATION_ID", APP_ID)
    monkeypatch.setenv("VONAGE_PRIVATE_KEY", rsa_pem.decode())
    for name in ("VONAGE_PRIVATE_KEY_PATH", "VONAGE_PRIVATE_KEY_PASSWORD", "VONAGE_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with connect():
            pass
    assert [str(warning.message) for warning in seen] == []


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_a_one_line_pem_is_accepted_as_the_argument_as_from_the_environment(
    rsa_key: rsa.RSAPrivateKey, rsa_pem: bytes, as_bytes: bool
) -> None:
    one_line = rsa_pem.decode().replace("\n", "\\n")  # as .env files and CI secret stores hold it
    auth = VonageJWT(APP_ID, one_line.encode() if as_bytes else one_line)
    assert decode(auth.token(), rsa_key)["application_id"] == APP_ID
