"""Is this target our sandbox? One answer per base URL, and the live-call guard enforced below Schemathesis.

A base URL is our sandbox only if its host is loopback (``localhost`` or a loopback address) and
``GET {base}/_sandbox/info`` answers ``{"sandbox": "vonage-voice-client", ...}``; anything else is live, loopback or
not (an SSH tunnel to the real API listens on 127.0.0.x too), and gets a :class:`~.guard.Guard`: the run's own, with
its allow-list, or one with no allow-list, which lets no write through. ``make contract``, the runner and the CLI
hooks all ask :data:`TARGETS`.

The answer is not trusted for the rest of the run: every new connection to a base URL taken for our sandbox is
checked again before a byte is sent on it (:meth:`Targets.connected`, from urllib3's ``_new_conn``): its peer
address must be loopback, it must not go through a proxy, and ``/_sandbox/info`` must still answer as our sandbox.
If not, the base URL is live from then on and the request is refused (:class:`TargetChanged`): a port that a
sandbox served earlier in the run and something else serves now gets no write. What it cannot tell apart is in
contract_tests/README.md ("What the guard can tell apart").

Schemathesis sends some requests itself, outside the runner and without the session it was given: checks such as
``ignored_auth`` re-send a case without credentials, the coverage phase probes content types, and a dropped
connection is re-sent. So the guard is enforced on the transport of ``requests`` (what Schemathesis 4 sends with):
:func:`enforce` wraps ``HTTPAdapter.send``, through which every ``requests`` session's request leaves, and every
request that could create or change a call is checked against the guard of its base URL first. In-process (ASGI)
runs use an adapter of their own that sends nothing over the network, and are not affected.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from requests.utils import select_proxy
from urllib3.connection import HTTPConnection, HTTPSConnection

from .guard import CALLS_PATH, METHOD_OVERRIDES, SAFE_METHODS, Guard

SANDBOX_NAME: Final = "vonage-voice-client"
INFO_PATH: Final = "/_sandbox/info"


class TargetChanged(RuntimeError):
    """A new connection to a base URL taken for our sandbox could not be confirmed as one: nothing was sent on it,
    and the base URL is treated as live from now on. (Not an ``OSError``: urllib3 would retry it as a network error.)
    """


_checking = threading.local()  # set while a connection check probes: its own connection is not checked again


def is_loopback_host(host: str | None) -> bool:
    """``localhost`` or a loopback address literal (127.0.0.0/8, ::1, an IPv4-mapped loopback)."""
    name = (host or "").strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return (mapped or address).is_loopback


def probe_sandbox(base_url: str, timeout: float = 10.0) -> dict[str, Any] | None:
    """The ``/_sandbox/info`` document when ``base_url`` serves our sandbox on a loopback host, else None (any error
    counts as no; a host that is not loopback is not asked)."""
    if not is_loopback_host(urlsplit(base_url).hostname):
        return None
    try:
        response = requests.get(f"{base_url.rstrip('/')}{INFO_PATH}", timeout=timeout, allow_redirects=False)
        info = response.json() if response.status_code == 200 else None
    except (requests.RequestException, ValueError):
        return None
    return info if isinstance(info, dict) and info.get("sandbox") == SANDBOX_NAME else None


def base_of(url: str) -> str:
    """A URL's API base: scheme, host and port, and the path before ``/v1/calls`` (a proxy's prefix)."""
    parts = urlsplit(url)
    path = parts.path
    at = path.find(CALLS_PATH)
    while at >= 0 and path[at + len(CALLS_PATH) : at + len(CALLS_PATH) + 1] not in ("", "/"):
        at = path.find(CALLS_PATH, at + 1)
    prefix = path[:at] if at >= 0 else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), prefix.rstrip("/"), "", ""))


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


class Targets:
    """The sandbox-or-live decision for every base URL this process talks to (None: our sandbox)."""

    def __init__(self, probe: Callable[[str], dict[str, Any] | None] = probe_sandbox) -> None:
        self._probe = probe
        self._decided: dict[str, Guard | None] = {}
        self._lock = threading.RLock()  # decide() probes under it, and the probe's connection is checked

    def register(self, base_url: str, guard: Guard | None) -> None:
        """Record a decision a run made (its own probe): its guard, or None for our sandbox."""
        with self._lock:
            self._decided[base_of(base_url)] = guard

    def decide(self, base_url: str) -> Guard | None:
        """None if ``base_url`` is our sandbox; else its guard (one with no allow-list unless a run registered it)."""
        base = base_of(base_url)
        with self._lock:
            if base not in self._decided:
                self._decided[base] = None if self._probe(base) is not None else Guard(())
            return self._decided[base]

    def check(self, request: requests.PreparedRequest, *, proxied: bool = False) -> None:
        """Raise :class:`~.guard.GuardRefused` unless ``request`` may leave (see :meth:`Guard.check_wire`).

        ``proxied``: it goes through a proxy, which hides where the connection leads: not to be trusted as our
        sandbox, so it gets a guard with no allow-list."""
        method = str(request.method or "GET").upper()
        overridden = any(str(name).lower() in METHOD_OVERRIDES for name in request.headers)
        if method in SAFE_METHODS and not overridden:
            return  # a read: nothing to decide, and no probe for it
        url = str(request.url)
        guard = self.decide(url)
        if guard is None and proxied:
            guard = Guard(())
        if guard is not None:
            guard.check_wire(request, base_path=urlsplit(base_of(url)).path)

    def connected(self, scheme: str, host: str, port: int, peer: str | None, *, proxied: bool = False) -> None:
        """A new connection to ``scheme://host:port`` was opened (``peer``: the address it reached). Raise
        :class:`TargetChanged`, and take its base URLs for live from now on, when it serves a base URL taken for our
        sandbox and is not confirmed as one: a peer that is not loopback, a proxy, or ``/_sandbox/info`` no longer
        answering as our sandbox."""
        if getattr(_checking, "active", False):
            return  # the probe's own connection
        origin = (scheme.lower(), host.strip("[]").lower(), port)
        with self._lock:
            bases = [base for base, guard in self._decided.items() if guard is None and _origin(base) == origin]
        for base in bases:
            reason = self._doubt(base, peer, proxied)
            if reason is not None:
                with self._lock:
                    self._decided[base] = Guard(())
                raise TargetChanged(f"{base} was taken for our sandbox, but a new connection to it {reason}: not sent")

    def _doubt(self, base: str, peer: str | None, proxied: bool) -> str | None:
        if proxied:
            return "goes through a proxy"
        if not is_loopback_host(peer):
            return f"reached {peer}, which is not a loopback address"
        _checking.active = True
        try:
            info = self._probe(base)
        finally:
            _checking.active = False
        return None if info is not None else f"does not answer {INFO_PATH} as our sandbox any more"


TARGETS: Final = Targets()

# The originals of HTTPAdapter.send and HTTPConnection._new_conn while ours are in place.
_installed: list[tuple[Callable[..., Any], Callable[..., Any]]] = []
_install_lock = threading.Lock()


def enforce(targets: Targets = TARGETS) -> None:
    """From now on, every request ``requests`` sends in this process passes ``targets.check`` first, and every new
    connection urllib3 opens (``requests`` sends through it) passes ``targets.connected``."""
    with _install_lock:
        if _installed:
            return
        original_send, original_new_conn = HTTPAdapter.send, HTTPConnection._new_conn

        def guarded_send(self: HTTPAdapter, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
            proxies = kwargs.get("proxies", args[4] if len(args) > 4 else None)
            targets.check(request, proxied=bool(proxies and select_proxy(str(request.url), proxies)))
            return original_send(self, request, *args, **kwargs)

        def checked_new_conn(self: HTTPConnection) -> socket.socket:
            sock = original_new_conn(self)
            try:
                peer = sock.getpeername()[0] if sock.family in (socket.AF_INET, socket.AF_INET6) else None
                scheme = "https" if isinstance(self, HTTPSConnection) else "http"
                target = self._tunnel_host or self.host  # through a CONNECT proxy, host is the proxy
                port = self._tunnel_port or self.port or (443 if scheme == "https" else 80)
                targets.connected(scheme, target, port, peer, proxied=bool(self.proxy))
            except BaseException:
                sock.close()
                raise
            return sock

        _installed.append((original_send, original_new_conn))
        HTTPAdapter.send = guarded_send  # type: ignore[method-assign]
        HTTPConnection._new_conn = checked_new_conn  # type: ignore[method-assign]


@contextlib.contextmanager
def enforced(targets: Targets = TARGETS) -> Iterator[None]:
    """:func:`enforce` for the duration of a block (a test session), then the transport as it was."""
    already = bool(_installed)
    enforce(targets)
    try:
        yield
    finally:
        if not already:
            with _install_lock:
                HTTPAdapter.send, HTTPConnection._new_conn = _installed.pop()  # type: ignore[method-assign]
