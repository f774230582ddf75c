"""connect(): credentials, base URLs and regions, timeouts, headers, and per-attempt logging."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_call

from tests.runtime.support import APP_ID, CALL_UUID, call_record, mock_client
from vonage_voice_client import REGIONS, ConfigurationError, __version__, connect
from vonage_voice_client.regions import DEFAULT_BASE_URL, resolve_base_url


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "https://api.nexmo.com"),
        ({"region": "na-east"}, "https://api-us-3.vonage.com"),
        ({"region": "eu-east"}, "https://api-eu-4.vonage.com"),
        ({"region": "eu-west"}, "https://api-eu-3.vonage.com"),
        ({"region": "apac-australia"}, "https://api-ap-4.vonage.com"),
        ({"region": "https://api-us-4.vonage.com"}, "https://api-us-4.vonage.com"),
        ({"base_url": "http://127.0.0.1:8000"}, "http://127.0.0.1:8000"),
        ({"base_url": "http://localhost:8000/"}, "http://localhost:8000"),
        ({"base_url": "https://api.nexmo.com/v1/calls"}, "https://api.nexmo.com"),
    ],
)
def test_base_url_resolution(kwargs: dict[str, Any], expected: str) -> None:
    assert resolve_base_url(**kwargs) == expected


def test_six_regions() -> None:
    assert set(REGIONS) == {"na-east", "na-west", "eu-east", "eu-west", "apac-sng", "apac-australia"}
    assert DEFAULT_BASE_URL == "https://api.nexmo.com"


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"region": "mars-1"}, "unknown region 'mars-1'"),
        ({"region": "eu-west", "base_url": "http://127.0.0.1:1"}, "not both"),
        ({"base_url": "http://api.example.com"}, "'api.example.com', which is not a Vonage API host or loopback"),
        ({"base_url": "http://api.nexmo.com"}, "plain http"),
        ({"base_url": "ftp://127.0.0.1"}, "not an http(s) URL"),
        ({"base_url": "https://api.nexmo.com/?x=1"}, "query"),
    ],
)
def test_bad_base_urls_are_refused_clearly(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        resolve_base_url(**kwargs)


def test_requests_carry_user_agent_jwt_and_go_to_the_base_url(rsa_key: rsa.RSAPrivateKey) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=call_record())

    with mock_client(rsa_key, handler) as client:
        get_call.sync(CALL_UUID, client=client)
    request = seen[0]
    assert str(request.url) == f"http://127.0.0.1:9/v1/calls/{CALL_UUID}"
    assert request.headers["User-Agent"].startswith(f"vonage-voice-client/{__version__}")
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, rsa_key.public_key(), algorithms=["RS256"])
    assert claims["application_id"] == APP_ID


def test_timeouts_are_bounded_by_default_and_none_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    client = connect(application_id=APP_ID, private_key=rsa_key)
    timeout = client.get_httpx_client().timeout
    assert timeout.connect == 5.0 and timeout.read == 30.0
    assert client.get_async_httpx_client().timeout == timeout
    with pytest.raises(ConfigurationError, match="wait forever"):
        connect(application_id=APP_ID, private_key=rsa_key, timeout=None)  # type: ignore[arg-type]
    assert connect(application_id=APP_ID, private_key=rsa_key, timeout=2.5).get_httpx_client().timeout.read == 2.5


def test_credentials_from_the_environment(
    rsa_key: rsa.RSAPrivateKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "private.key"
    key_file.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    monkeypatch.setenv("VONAGE_APPLICATION_ID", APP_ID)
    monkeypatch.setenv("VONAGE_PRIVATE_KEY_PATH", str(key_file))
    monkeypatch.delenv("VONAGE_PRIVATE_KEY", raising=False)
    assert connect(region="eu-west").auth.application_id == APP_ID


def test_half_given_credentials_name_what_is_missing(rsa_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(ConfigurationError, match="private_key is missing"):
        connect(application_id=APP_ID)
    with pytest.raises(ConfigurationError, match="application_id is missing"):
        connect(private_key=rsa_key)


def test_repr_shows_no_key_material(rsa_key: rsa.RSAPrivateKey) -> None:
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    client = connect(application_id=APP_ID, private_key=pem)
    text = repr(client) + repr(client.auth)
    assert "PRIVATE KEY" not in text and pem[40:80] not in text


def test_one_debug_line_per_attempt_and_never_a_token(
    rsa_key: rsa.RSAPrivateKey, caplog: pytest.LogCaptureFixture
) -> None:
    answers = iter(
        [
            httpx.Response(503, headers={"X-Nexmo-Trace-Id": "t-1"}),
            httpx.Response(200, json=call_record(), headers={"X-Nexmo-Trace-Id": "t-2"}),
        ]
    )
    tokens: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        tokens.append(request.headers["Authorization"].removeprefix("Bearer "))
        return next(answers)

    caplog.set_level(logging.DEBUG)
    with mock_client(rsa_key, handler) as client:
        get_call.sync(CALL_UUID, client=client)
    lines = [r.getMessage() for r in caplog.records if r.name == "vonage_voice_client"]
    assert len(lines) == 2
    assert f"GET /v1/calls/{CALL_UUID} -> 503" in lines[0] and "attempt 1" in lines[0] and "t-1" in lines[0]
    assert "-> 200" in lines[1] and "attempt 2" in lines[1] and "t-2" in lines[1]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert all(token not in everything and token.split(".")[2] not in everything for token in tokens)


def test_the_base_url_from_the_environment_when_neither_region_nor_base_url_is_given(
    rsa_key: rsa.RSAPrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m vonage_voice_sandbox` prints `export VONAGE_BASE_URL=...`: connect() follows it, an argument wins."""
    monkeypatch.setenv("VONAGE_BASE_URL", "http://127.0.0.1:8000/v1/calls")
    assert connect(application_id=APP_ID, private_key=rsa_key).base_url == "http://127.0.0.1:8000"
    assert connect(application_id=APP_ID, private_key=rsa_key, region="eu-west").base_url == REGIONS["eu-west"]
    explicit = connect(application_id=APP_ID, private_key=rsa_key, base_url="http://localhost:1")
    assert explicit.base_url == "http://localhost:1"
    monkeypatch.setenv("VONAGE_BASE_URL", "  ")
    assert connect(application_id=APP_ID, private_key=rsa_key).base_url == DEFAULT_BASE_URL
    monkeypatch.setenv("VONAGE_BASE_URL", "http://api.example.com")
    with pytest.raises(
        ConfigurationError, match=r"VONAGE_BASE_URL 'http://api\.example\.com' names 'api\.example\.com'"
    ):
        connect(application_id=APP_ID, private_key=rsa_key)
