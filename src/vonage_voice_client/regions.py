"""Where requests go: the default host, a region by name, an answer webhook's region_url, or a base URL.

Every choice passes the one rule of :mod:`._hosts` (the application JWT goes only to Vonage API hosts, a loopback
sandbox the caller chose, or hosts named in ``unsafe_allow_hosts``), before any request is built.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

from ._hosts import DEFAULT_HOST, REGION_HOSTS, VONAGE_ORIGINS, Origin, check_origin, is_loopback, parse_url
from .errors import ConfigurationError

__all__ = ["DEFAULT_BASE_URL", "ENV_BASE_URL", "REGIONS", "base_url_from_env", "is_loopback", "resolve_base_url"]

DEFAULT_BASE_URL: Final = f"https://{DEFAULT_HOST}"
ENV_BASE_URL: Final = "VONAGE_BASE_URL"

# Region names as the Application API and Vonage's regions guide spell them (the hosts and their sources: _hosts).
REGIONS: Final[dict[str, str]] = {name: f"https://{host}" for name, host in REGION_HOSTS.items()}

_REGIONAL_ORIGINS: Final = frozenset(Origin("https", host.encode(), None) for host in REGION_HOSTS.values())
_API_PATH: Final = "/v1/calls"


def resolve_base_url(
    *, region: str | None = None, base_url: str | None = None, unsafe_allow_hosts: frozenset[Origin] = frozenset()
) -> str:
    """The base URL (scheme and host, no path) the client sends to.

    ``region`` is a region name (``eu-west``...) or the ``region_url`` an answer webhook carries, which must name one
    of the regional hosts. ``base_url`` names a Vonage API host over https, or a loopback host (the sandbox, plain
    http allowed). Either may also name an origin of ``unsafe_allow_hosts``. A trailing ``/v1/calls`` (the URL the
    API reference shows) is accepted and dropped: operation paths carry it.
    """
    if region is not None and base_url is not None:
        raise ConfigurationError("pass region or base_url, not both")
    if region is not None:
        if region in REGIONS:
            return REGIONS[region]
        if not isinstance(region, str) or "://" not in region:
            names = ", ".join(REGIONS)
            raise ConfigurationError(f"unknown region {region!r}: use one of {names}, or a region_url")
        return _checked_url(region, "region_url", _REGIONAL_ORIGINS | unsafe_allow_hosts, loopback_ok=False)
    if base_url is not None:
        return _checked_url(base_url, "base_url", VONAGE_ORIGINS | unsafe_allow_hosts, loopback_ok=True)
    return DEFAULT_BASE_URL


def base_url_from_env(
    environ: Mapping[str, str] | None = None, *, unsafe_allow_hosts: frozenset[Origin] = frozenset()
) -> str | None:
    """``VONAGE_BASE_URL`` (what ``python -m vonage_voice_sandbox`` tells you to export), checked as ``base_url`` is;
    None when it is unset or empty. ``connect()`` reads it only when given neither ``region`` nor ``base_url``."""
    value = (os.environ if environ is None else environ).get(ENV_BASE_URL, "").strip()
    if not value:
        return None
    return _checked_url(value, ENV_BASE_URL, VONAGE_ORIGINS | unsafe_allow_hosts, loopback_ok=True)


def _checked_url(url: str, label: str, allowed: frozenset[Origin], *, loopback_ok: bool) -> str:
    parsed = parse_url(url, label)
    origin = check_origin(parsed, label, allowed=allowed, loopback_ok=loopback_ok)
    path = parsed.raw_path.decode("ascii").rstrip("/").removesuffix(_API_PATH)
    return f"{origin}{path}"
