"""Where requests go: the default host, a region by name, an answer webhook's region_url, or any base URL."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from typing import Final
from urllib.parse import urlsplit

from .errors import ConfigurationError

DEFAULT_BASE_URL: Final = "https://api.nexmo.com"
ENV_BASE_URL: Final = "VONAGE_BASE_URL"

# Region names as the Application API and Vonage's regions guide spell them. The numbering is not in region order.
REGIONS: Final[dict[str, str]] = {
    "na-east": "https://api-us-3.vonage.com",
    "na-west": "https://api-us-4.vonage.com",
    "eu-east": "https://api-eu-4.vonage.com",
    "eu-west": "https://api-eu-3.vonage.com",
    "apac-sng": "https://api-ap-3.vonage.com",
    "apac-australia": "https://api-ap-4.vonage.com",
}

_API_PATH: Final = "/v1/calls"


def resolve_base_url(*, region: str | None = None, base_url: str | None = None) -> str:
    """The base URL (scheme and host, no path) the client sends to.

    ``region`` is a region name (``eu-west``...) or the ``region_url`` an answer webhook carries. ``base_url`` is any
    URL; plain http is allowed only to a loopback host (the sandbox), so a token never crosses a network in clear.
    A trailing ``/v1/calls`` (the URL the API reference shows) is accepted and dropped: operation paths carry it.
    """
    if region is not None and base_url is not None:
        raise ConfigurationError("pass region or base_url, not both")
    if region is not None:
        if region in REGIONS:
            return REGIONS[region]
        if "://" not in region:
            names = ", ".join(REGIONS)
            raise ConfigurationError(f"unknown region {region!r}: use one of {names}, or a region_url")
        return _checked_url(region, "region_url")
    if base_url is not None:
        return _checked_url(base_url, "base_url")
    return DEFAULT_BASE_URL


def base_url_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """``VONAGE_BASE_URL`` (what ``python -m vonage_voice_sandbox`` tells you to export), checked as ``base_url`` is;
    None when it is unset or empty. ``connect()`` reads it only when given neither ``region`` nor ``base_url``."""
    value = (os.environ if environ is None else environ).get(ENV_BASE_URL, "").strip()
    return _checked_url(value, ENV_BASE_URL) if value else None


def _checked_url(url: str, label: str) -> str:
    if not isinstance(url, str):
        raise ConfigurationError(f"{label} must be a string URL, not {type(url).__name__}")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(f"{label} {url!r} is not an http(s) URL with a host")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigurationError(
            f"{label} {url!r} uses plain http to a non-loopback host; the JWT would travel unencrypted. Use https."
        )
    if parts.query or parts.fragment:
        raise ConfigurationError(f"{label} {url!r} must not carry a query or fragment")
    path = parts.path.rstrip("/")
    path = path.removesuffix(_API_PATH)
    return f"{parts.scheme}://{parts.netloc}{path}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
