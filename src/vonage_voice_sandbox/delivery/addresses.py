"""Which addresses are loopback, and which URLs lead back into a sandbox: what serving, delivery and the admin
endpoints decide with.

A sandbox only ever contacts ``127.0.0.1``, ``localhost`` and ``::1``; of those it refuses any URL whose path is a
``/_sandbox`` path (its own admin endpoints, or another sandbox's), read as a server would read it (percent-decoded,
slashes collapsed, dot segments resolved), and any port it is served on (see :mod:`.deliverer`).
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from typing import Final
from urllib.parse import unquote, urlsplit

__all__ = [
    "ADMIN_PREFIX",
    "CONTACTED_HOSTS",
    "host_of_header",
    "is_loopback_host",
    "is_sandbox_path",
    "url_port",
]

ADMIN_PREFIX: Final = "/_sandbox"
CONTACTED_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})  # the only hosts a sandbox sends to
_SLASHES = re.compile(r"/+")


def is_loopback_host(host: str) -> bool:
    """``localhost`` or a loopback IP literal (all of 127.0.0.0/8, ``::1``); brackets around IPv6 are allowed."""
    name = host.strip().lower().removeprefix("[").removesuffix("]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_of_header(value: str) -> str:
    """The host name of a ``Host`` header or of an ``Origin`` (port, scheme and brackets removed, lower case);
    ``""`` when there is none to read (``Origin: null``, garbage)."""
    text = value.strip()
    if "://" in text:
        try:
            return (urlsplit(text).hostname or "").lower()
        except ValueError:
            return ""
    if text.startswith("["):
        end = text.find("]")
        return text[1:end].lower() if end > 0 else ""
    return text.rsplit(":", 1)[0].lower() if text.count(":") == 1 else text.lower()


def is_sandbox_path(path: str) -> bool:
    """Whether a URL path reaches ``/_sandbox`` on a server that decodes and normalises it."""
    decoded = unquote(unquote(path))  # twice: a proxy in between may decode once more
    normalised = posixpath.normpath(_SLASHES.sub("/", "/" + decoded.replace("\\", "/")))
    return normalised.lower() == ADMIN_PREFIX or normalised.lower().startswith(ADMIN_PREFIX + "/")


def url_port(url: str) -> int | None:
    """The port a URL leads to (80 or 443 by default); None when the URL has none that can be read."""
    try:
        parts = urlsplit(url)
        return parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        return None
