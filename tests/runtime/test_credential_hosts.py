"""The application JWT goes only to Vonage API hosts over https, or to the loopback origin the caller chose.

Before the host rule, `connect(region=webhook.region_url)` (the README's pattern) with a forged region_url, or a
VONAGE_BASE_URL pointing elsewhere, sent `Authorization: Bearer <JWT>` to whatever host it named.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_call
from vonage_voice_api.models import AnswerWebhook

from tests.pipeline.spec_examples import PATCHED
from tests.runtime.support import APP_ID, CALL_UUID, call_record, recording_server
from vonage_voice_client import REGIONS, ConfigurationError, VonageJWT, connect, value_or
from vonage_voice_client._hosts import VONAGE_API_HOSTS

ATTACKER_REGION_URLS = {
    "suffix": ("https://api-eu-3.vonage.com.attacker.example", "api-eu-3.vonage.com.attacker.example"),
    "userinfo": ("https://api-us-3.vonage.com@attacker.example", "attacker.example"),
    "metadata service": ("https://169.254.169.254", "169.254.169.254"),
    "loopback redis": ("http://127.0.0.1:6379", "127.0.0.1"),
    "loopback docker": ("http://localhost:2375", "localhost"),
    "plain http": ("http://api-eu-3.vonage.com", "plain http"),
    "other port": ("https://api-eu-3.vonage.com:8443", "port 8443"),
    "trailing dot": ("https://api-eu-3.vonage.com.", "trailing dot"),
    "uppercase suffix": ("HTTPS://API-EU-3.VONAGE.COM.ATTACKER.EXAMPLE", "api-eu-3.vonage.com.attacker.example"),
    "lookalike (Cyrillic a)": ("https://\u0430pi-eu-3.vonage.com", "xn--pi-eu-3-"),
    "backslash": ("https://api-eu-3.vonage.com\\@attacker.example", "attacker.example"),
    "not regional": ("https://api.nexmo.com.evil.example", "api.nexmo.com.evil.example"),
}

ATTACKER_BASE_URLS = {
    "suffix": ("https://api.nexmo.com.evil.example", "api.nexmo.com.evil.example"),
    "plain http": ("http://api.nexmo.com", "plain http"),
    "other port": ("https://api.nexmo.com:444", "port 444"),
    "trailing dot": ("https://api.nexmo.com.", "trailing dot"),
    "userinfo": ("https://api.nexmo.com@evil.example", "user info"),
    "metadata service": ("http://169.254.169.254/latest", "169.254.169.254"),
    "uppercase": ("HTTPS://API.NEXMO.COM.EVIL.EXAMPLE", "api.nexmo.com.evil.example"),
}


class Counting(httpx.MockTransport):
    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []
        super().__init__(self._answer)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return httpx.Response(200, json=call_record())


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A loopback TCP server (a Redis or Docker socket stand-in) recording what reaches it."""
    with recording_server() as found:
        yield found


def client(key: rsa.RSAPrivateKey, transport: httpx.BaseTransport | None = None, **options: Any) -> Any:
    return connect(application_id=APP_ID, private_key=key, transport=transport, max_retries=0, **options)


@pytest.mark.parametrize(("url", "named"), ATTACKER_REGION_URLS.values(), ids=ATTACKER_REGION_URLS)
def test_a_forged_region_url_is_refused_before_any_request(rsa_key: rsa.RSAPrivateKey, url: str, named: str) -> None:
    transport = Counting()
    webhook = AnswerWebhook.from_dict(answer_webhook(url))
    with pytest.raises(ConfigurationError, match="region_url") as refused:
        client(rsa_key, transport, region=value_or(webhook.region_url, None))
    assert named in str(refused.value)
    assert transport.sent == []


@pytest.mark.parametrize(("url", "named"), ATTACKER_BASE_URLS.values(), ids=ATTACKER_BASE_URLS)
def test_a_base_url_off_the_vonage_hosts_is_refused(rsa_key: rsa.RSAPrivateKey, url: str, named: str) -> None:
    with pytest.raises(ConfigurationError, match="base_url") as refused:
        client(rsa_key, Counting(), base_url=url)
    assert named in str(refused.value)


def test_vonage_base_url_from_the_environment_goes_through_the_same_rule(
    rsa_key: rsa.RSAPrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VONAGE_BASE_URL", "https://api.nexmo.com.evil.example")
    with pytest.raises(ConfigurationError, match=r"VONAGE_BASE_URL .*'api\.nexmo\.com\.evil\.example'"):
        client(rsa_key, Counting())


def test_the_readme_pattern_with_a_real_region_url_sends_there(rsa_key: rsa.RSAPrivateKey) -> None:
    transport = Counting()
    webhook = AnswerWebhook.from_dict(answer_webhook("https://api-eu-3.vonage.com"))
    with client(rsa_key, transport, region=value_or(webhook.region_url, None)) as voice:
        get_call.sync(CALL_UUID, client=voice)
    (request,) = transport.sent
    assert str(request.url) == f"https://api-eu-3.vonage.com/v1/calls/{CALL_UUID}"
    assert request.headers["Authorization"].startswith("Bearer ey")


@pytest.mark.parametrize(
    ("options", "base_url"),
    [
        ({}, "https://api.nexmo.com"),
        *(({"region": name}, url) for name, url in REGIONS.items()),
        ({"region": "HTTPS://API-AP-4.VONAGE.COM:443/v1/calls"}, "https://api-ap-4.vonage.com"),
        ({"base_url": "https://Api.Nexmo.Com/v1/calls/"}, "https://api.nexmo.com"),
        ({"base_url": "https://api-us-4.vonage.com"}, "https://api-us-4.vonage.com"),
        ({"base_url": "http://127.0.0.1:8000"}, "http://127.0.0.1:8000"),
        ({"base_url": "http://[::1]:8000"}, "http://[::1]:8000"),
        ({"base_url": "http://LOCALHOST:8000"}, "http://localhost:8000"),
    ],
)
def test_vonage_hosts_and_loopback_are_accepted(
    rsa_key: rsa.RSAPrivateKey, options: dict[str, str], base_url: str
) -> None:
    transport = Counting()
    with client(rsa_key, transport, **options) as voice:
        assert voice.base_url == base_url
        get_call.sync(CALL_UUID, client=voice)
    assert str(transport.sent[0].url).startswith(base_url)
    assert "Authorization" in transport.sent[0].headers


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/",  # another loopback origin than the base URL's: a Redis, a Docker socket
        "http://localhost:{port}/",
        "https://api-eu-3.vonage.com.attacker.example/v1/calls",
        "https://169.254.169.254/latest/meta-data",
        "http://api.nexmo.com/v1/calls",
        "https://api.nexmo.com:8443/v1/calls",
    ],
)
def test_the_jwt_signs_no_request_to_another_origin(
    rsa_key: rsa.RSAPrivateKey, listener: tuple[int, list[bytes]], url: str
) -> None:
    """A request the client is asked to send elsewhere (an absolute URL) is refused with nothing sent."""
    port, received = listener
    voice = connect(application_id=APP_ID, private_key=rsa_key, base_url="http://127.0.0.1:1", max_retries=0)
    target = url.format(port=port)
    with voice, pytest.raises(ConfigurationError, match="refusing to send the application JWT") as refused:
        voice.get_httpx_client().get(target)
    assert httpx.URL(target).host in str(refused.value)
    assert received == []


def test_a_standalone_vonage_jwt_signs_for_vonage_hosts_and_the_origins_it_is_given(rsa_pem: bytes) -> None:
    transport = Counting()
    auth = VonageJWT(APP_ID, rsa_pem, allowed_origins=["http://127.0.0.1:8000"])
    with httpx.Client(auth=auth, transport=transport) as http:
        http.get("https://api.nexmo.com/v1/calls")
        http.get("http://127.0.0.1:8000/v1/calls")
        for elsewhere in ("http://127.0.0.1:8001/v1/calls", "https://attacker.example/v1/calls"):
            with pytest.raises(ConfigurationError, match="refusing"):
                http.get(elsewhere)
    assert [str(r.url) for r in transport.sent] == ["https://api.nexmo.com/v1/calls", "http://127.0.0.1:8000/v1/calls"]
    assert "http://127.0.0.1:8000" in auth.allowed_origins and "https://api-eu-3.vonage.com" in auth.allowed_origins


def test_unsafe_allow_hosts_admits_a_gateway_of_your_own(rsa_key: rsa.RSAPrivateKey) -> None:
    transport = Counting()
    gateways = ["gateway.example.com", "https://voice-proxy.internal:8443"]
    with client(rsa_key, transport, base_url="https://gateway.example.com", unsafe_allow_hosts=gateways) as voice:
        get_call.sync(CALL_UUID, client=voice)
        voice.get_httpx_client().get("https://voice-proxy.internal:8443/v1/calls")
        with pytest.raises(ConfigurationError, match="refusing"):
            voice.get_httpx_client().get("https://voice-proxy.internal/v1/calls")  # not the port it named
    assert [r.url.host for r in transport.sent] == ["gateway.example.com", "voice-proxy.internal"]
    assert all("Authorization" in r.headers for r in transport.sent)
    region = client(rsa_key, Counting(), region="https://gateway.example.com", unsafe_allow_hosts=gateways)
    assert region.base_url == "https://gateway.example.com"


@pytest.mark.parametrize(
    ("hosts", "fragment"),
    [
        ("gateway.example.com", "not one string"),
        (["http://gateway.example.com"], "plain http"),
        (["https://gateway.example.com/path"], "without a path"),
        (["user@gateway.example.com"], "user info"),
    ],
)
def test_unsafe_allow_hosts_is_checked(rsa_key: rsa.RSAPrivateKey, hosts: Any, fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment):
        client(rsa_key, Counting(), unsafe_allow_hosts=hosts)


def test_the_host_set_is_the_servers_of_the_spec() -> None:
    spec = yaml.safe_load(PATCHED.read_text())
    assert {httpx.URL(server["url"]).host for server in spec["servers"]} == VONAGE_API_HOSTS


def answer_webhook(region_url: str) -> dict[str, Any]:
    return {
        "to": "447700900000",
        "from": "447700900001",
        "uuid": CALL_UUID,
        "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
        "region_url": region_url,
    }
