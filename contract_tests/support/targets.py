"""What a provider run talks to: the sandbox in-process (ASGI), or a URL (a served sandbox, staging, production).

A URL counts as a sandbox only if ``GET /_sandbox/info`` says so; anything else gets the live-call guard, enforced on
the transport for the rest of the process (:mod:`.wire`), whatever sends the request.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

import requests

from vonage_voice_client import VonageJWT

from .guard import Guard, allowed_numbers
from .in_process import in_thread_client
from .wire import SANDBOX_NAME, TARGETS, enforce, probe_sandbox

__all__ = ["ENV_BASE_URL", "LOCAL_SANDBOX_URL", "SANDBOX_NAME", "Target", "at_url", "in_process", "probe_sandbox"]

ENV_BASE_URL: Final = "CONTRACT_BASE_URL"
# Where `make sandbox` serves by default: reproducing curl commands of in-process runs point here.
LOCAL_SANDBOX_URL: Final = "http://127.0.0.1:8000"


@dataclass
class Target:
    """Where requests go, with which credentials, under which guard (None: anything may be sent)."""

    name: str
    auth: VonageJWT
    app: Any | None = None
    base_url: str | None = None
    is_sandbox: bool = False
    guard: Guard | None = None
    # Connection reuse only: the guard does not depend on it (Schemathesis re-sends some requests without it).
    session: requests.Session | None = field(default=None, repr=False)
    # Moves a sandbox's virtual clock (None: real time, or not a sandbox): waits for a call's status use it.
    advance: Callable[[float], object] | None = field(default=None, repr=False)
    _plain: requests.Session | None = field(default=None, init=False, repr=False)
    _asgi: requests.Session | None = field(default=None, init=False, repr=False)

    def call_kwargs(self) -> dict[str, Any]:
        """Transport arguments for ``Case.call`` (and for checks that re-send a request).

        In process, one client for the whole run that runs the app in this thread (:mod:`.in_process`; Schemathesis
        would build a new ``requests`` session, with its adapters and pools, for every request); it keeps no
        cookies, so each request stands alone."""
        if self.app is not None:
            return {"app": self.app, "session": self._in_process()}
        kwargs: dict[str, Any] = {"base_url": self.base_url, "timeout": 30}
        if self.session is not None:
            kwargs["session"] = self.session
        return kwargs

    def _in_process(self) -> requests.Session:
        if self._asgi is None:
            self._asgi = in_thread_client(self.app)
        return self._asgi

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.auth.token()}"}

    def api_get(self, path: str) -> tuple[int, dict[str, str], Any]:
        """An authorised GET outside the run's cases (polling a call's status): status, headers, JSON (or None).

        Not a case: no check runs on it and the summary does not count it."""
        if self.app is not None:
            response = self._in_process().get(path, headers=self.headers(), timeout=30)
        else:
            self._plain = self._plain or requests.Session()
            response = self._plain.get(f"{self.base_url}{path}", headers=self.headers(), timeout=30)
        try:
            payload = response.json()
        except ValueError:
            payload = None
        return response.status_code, dict(response.headers), payload

    @property
    def wait_budget(self) -> float:
        """Seconds (real time) a wait for a call's status may take: a sandbox answers in 4 s of its clock; a live
        call needs someone (or a voicemail) to pick up."""
        return 20.0 if self.is_sandbox else 90.0

    def admin_get(self, path: str) -> dict[str, Any]:
        """GET a sandbox's ``/_sandbox/...`` endpoint (no credentials needed) and return its JSON object."""
        if self.app is not None:
            response = self._in_process().get(path, timeout=10)
        else:
            response = requests.get(f"{self.base_url}{path}", timeout=10)
        response.raise_for_status()
        payload = response.json()
        return payload if isinstance(payload, dict) else {}

    @property
    def curl_base_url(self) -> str:
        return self.base_url or LOCAL_SANDBOX_URL


def in_process(
    app: Any, auth: VonageJWT, advance: Callable[[float], object] | None = None, name: str = "sandbox (in-process)"
) -> Target:
    return Target(name=name, auth=auth, app=app, is_sandbox=True, advance=advance)


def at_url(base_url: str, auth: VonageJWT, *, environ: dict[str, str] | None = None) -> Target:
    """A target at ``base_url``: unguarded if it is our sandbox, else guarded by the allow-list in the environment.

    Probes ``base_url`` afresh (a new run: a port may now serve something else) and records the decision for the
    transport-level guard, which it turns on for the rest of the process.
    """
    base_url = base_url.rstrip("/")
    enforce()
    info = probe_sandbox(base_url)
    if info is not None:
        TARGETS.register(base_url, None)
        advance = _remote_advance(base_url) if info.get("clock") == "virtual" else None
        return Target(name=f"sandbox at {base_url}", auth=auth, base_url=base_url, is_sandbox=True, advance=advance)
    guard = Guard(allowed_numbers(environ if environ is not None else dict(os.environ)))
    TARGETS.register(base_url, guard)
    return Target(name=base_url, auth=auth, base_url=base_url, guard=guard, session=requests.Session())


def _remote_advance(base_url: str) -> Callable[[float], None]:
    def advance(seconds: float) -> None:
        requests.post(f"{base_url}/_sandbox/clock/advance", json={"seconds": seconds}, timeout=10).raise_for_status()

    return advance
