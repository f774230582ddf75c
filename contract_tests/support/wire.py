"""Is this target our sandbox? One answer per base URL, and the live-call guard enforced below Schemathesis.

A base URL is our sandbox only if ``GET {base}/_sandbox/info`` answers ``{"sandbox": "vonage-voice-client", ...}``
(asked once per base URL and remembered); anything else is live, loopback or not (an SSH tunnel to the real API
listens on 127.0.0.x too), and gets a :class:`~.guard.Guard`: the run's own, with its allow-list, or one with no
allow-list, which lets no write through. ``make contract``, the runner and the CLI hooks all ask :data:`TARGETS`.

Schemathesis sends some requests itself, outside the runner and without the session it was given: checks such as
``ignored_auth`` re-send a case without credentials, the coverage phase probes content types, and a dropped
connection is re-sent. So the guard is enforced on the transport of ``requests`` (what Schemathesis 4 sends with):
:func:`enforce` wraps ``HTTPAdapter.send``, through which every ``requests`` session's request leaves, and every
request that could create or change a call is checked against the guard of its base URL first. In-process (ASGI)
runs use an adapter of their own that sends nothing over the network, and are not affected.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter

from .guard import CALLS_PATH, METHOD_OVERRIDES, SAFE_METHODS, Guard

SANDBOX_NAME: Final = "vonage-voice-client"
INFO_PATH: Final = "/_sandbox/info"


def probe_sandbox(base_url: str, timeout: float = 10.0) -> dict[str, Any] | None:
    """The ``/_sandbox/info`` document when ``base_url`` serves our sandbox, else None (any error counts as no)."""
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


class Targets:
    """The sandbox-or-live decision for every base URL this process talks to (None: our sandbox)."""

    def __init__(self, probe: Callable[[str], dict[str, Any] | None] = probe_sandbox) -> None:
        self._probe = probe
        self._decided: dict[str, Guard | None] = {}
        self._lock = threading.Lock()

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

    def check(self, request: requests.PreparedRequest) -> None:
        """Raise :class:`~.guard.GuardRefused` unless ``request`` may leave (see :meth:`Guard.check_wire`)."""
        method = str(request.method or "GET").upper()
        overridden = any(str(name).lower() in METHOD_OVERRIDES for name in request.headers)
        if method in SAFE_METHODS and not overridden:
            return  # a read: nothing to decide, and no probe for it
        url = str(request.url)
        guard = self.decide(url)
        if guard is not None:
            guard.check_wire(request, base_path=urlsplit(base_of(url)).path)


TARGETS: Final = Targets()

_installed: list[Callable[..., Any]] = []  # the original HTTPAdapter.send while ours is in place
_install_lock = threading.Lock()


def enforce(targets: Targets = TARGETS) -> None:
    """From now on, every request ``requests`` sends in this process passes ``targets.check`` first."""
    with _install_lock:
        if _installed:
            return
        original = HTTPAdapter.send

        def guarded_send(self: HTTPAdapter, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
            targets.check(request)
            return original(self, request, *args, **kwargs)

        _installed.append(original)
        HTTPAdapter.send = guarded_send  # type: ignore[method-assign]


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
                HTTPAdapter.send = _installed.pop()  # type: ignore[method-assign]
