"""Where the application JWT may go: one rule for requests, regions and recording downloads.

The JWT is good for the whole application for its lifetime, so it is sent only to
* an ``https`` Vonage API host of :data:`VONAGE_API_HOSTS`, on the default port, or
* the loopback origin (scheme, host and port, exactly) the caller chose as ``base_url`` for a sandbox, or
* a host or origin the caller named in ``unsafe_allow_hosts`` (their own gateway).

Hosts are compared as httpx connects to them: IDNA-encoded and lowercased, with no user info (``https://vonage-host@evil``
connects to ``evil``), no trailing dot and the scheme's default port unless an origin names another. Parsing with
httpx rather than ``urllib`` matters: the two disagree on some URLs (``https://a\\@b``), and only what httpx connects
to counts.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Final, NamedTuple

import httpx

from .errors import ConfigurationError

DEFAULT_HOST: Final = "api.nexmo.com"
"""The spec's server (``openapi/voice-v1.yaml``; overlays/05-server-and-paths.yaml makes it host-only)."""

REGION_HOSTS: Final[dict[str, str]] = {
    # Region names and hosts as the Application API's VoiceRegion and the regions guide give them, and the spec's
    # servers (overlays/21-regional-servers.yaml). The numbering is not in region order.
    "na-east": "api-us-3.vonage.com",
    "na-west": "api-us-4.vonage.com",
    "eu-east": "api-eu-4.vonage.com",
    "eu-west": "api-eu-3.vonage.com",
    "apac-sng": "api-ap-3.vonage.com",
    "apac-australia": "api-ap-4.vonage.com",
}

VONAGE_API_HOSTS: Final = frozenset({DEFAULT_HOST, *REGION_HOSTS.values()})
"""Every host of the patched spec's ``servers``; ``tests/runtime/test_credential_hosts.py`` keeps them equal."""


class Origin(NamedTuple):
    """Scheme, ASCII host (IDNA, lowercase) and port (None: the scheme's default), as ``httpx.URL`` gives them."""

    scheme: str
    host: bytes
    port: int | None

    def __str__(self) -> str:
        host = self.host.decode("ascii")
        host = f"[{host}]" if ":" in host else host
        return f"{self.scheme}://{host}" + (f":{self.port}" if self.port is not None else "")


VONAGE_ORIGINS: Final = frozenset(Origin("https", host.encode(), None) for host in VONAGE_API_HOSTS)


_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


def origin_of(url: httpx.URL) -> Origin:
    """The origin a request to ``url`` connects to (the key of an allowed-origins set).

    httpx drops a default port it is given (``:443``), except after an uppercase scheme; so is it dropped here.
    """
    port = url.port
    return Origin(url.scheme, url.raw_host, None if port == _DEFAULT_PORTS.get(url.scheme) else port)


def parse_url(url: object, label: str, *, query_ok: bool = False) -> httpx.URL:
    """``url`` parsed as httpx will send to it; refused when it carries what a base URL never needs (a query or a
    fragment, unless ``query_ok``: a file's URL may have one)."""
    if not isinstance(url, str):
        raise ConfigurationError(f"{label} must be a string URL, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as error:
        raise ConfigurationError(f"{label} {url!r} is not a valid URL: {error}") from None
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        raise ConfigurationError(f"{label} {url!r} is not an http(s) URL with a host")
    if parsed.userinfo:
        raise ConfigurationError(f"{label} {url!r} carries user info: requests would go to {_host(parsed)!r}")
    if (parsed.query or parsed.fragment) and not query_ok:
        raise ConfigurationError(f"{label} {url!r} must not carry a query or fragment")
    if parsed.raw_host.endswith(b"."):
        raise ConfigurationError(f"{label} {url!r}: write the host without its trailing dot")
    return parsed


def check_origin(url: httpx.URL, label: str, *, allowed: frozenset[Origin], loopback_ok: bool) -> Origin:
    """The origin of ``url`` when the JWT may go there; otherwise a ConfigurationError naming the host.

    ``allowed`` is :data:`VONAGE_ORIGINS` (or a part of it) with the caller's ``unsafe_allow_hosts``; a loopback
    origin is accepted when ``loopback_ok`` (a ``base_url`` the caller typed, not a webhook's ``region_url``).
    """
    origin = origin_of(url)
    if origin in allowed:
        return origin
    host = _host(url)
    if loopback_ok and is_loopback(host):
        return origin
    if origin.scheme == "http" and Origin("https", origin.host, origin.port) in allowed:
        reason = "uses plain http; the JWT would travel unencrypted. Use https"
    elif origin.port is not None and Origin(origin.scheme, origin.host, None) in allowed:
        reason = f"names port {origin.port}; the API is on the default https port"
    else:
        kind = "a Vonage API host or loopback" if loopback_ok else "a regional Vonage API host"
        reason = f"names {host!r}, which is not {kind}"
    raise ConfigurationError(
        f"{label} {str(url)!r} {reason}: the application JWT goes nowhere else "
        "(connect(unsafe_allow_hosts=...) names a gateway of your own)"
    )


def parse_origins(hosts: Iterable[str | Origin] | str | None, label: str) -> frozenset[Origin]:
    """Host names (https, default port) or origins (``https://gw:8443``, ``http://127.0.0.1:8000``), as origins.

    Plain http is accepted for a loopback host only: the JWT never crosses a network in clear.
    """
    if hosts is None:
        return frozenset()
    if isinstance(hosts, str):
        raise ConfigurationError(f"{label} must be a list of host names or origins, not one string")
    origins = set()
    for entry in hosts:
        if isinstance(entry, Origin):
            origins.add(entry)
            continue
        url = parse_url(entry if "://" in str(entry) else f"https://{entry}", f"{label} entry")
        if url.raw_path not in (b"", b"/"):
            raise ConfigurationError(f"{label} entry {entry!r} must be a host or an origin, without a path")
        if url.scheme == "http" and not is_loopback(_host(url)):
            raise ConfigurationError(
                f"{label} entry {entry!r} uses plain http to a non-loopback host; "
                "the JWT would travel unencrypted. Use https."
            )
        origins.add(origin_of(url))
    return frozenset(origins)


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback IP address (127.0.0.0/8, ::1), as httpx writes the host."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host(url: httpx.URL) -> str:
    return url.raw_host.decode("ascii")
