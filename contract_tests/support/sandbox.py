"""The embedded sandbox as a target, on a virtual clock (calls progress only when a run says so): in process (ASGI),
or served on loopback by uvicorn in a thread and reached through its URL, as any API would be."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from vonage_voice_client import VonageJWT
from vonage_voice_sandbox import Clock, SandboxApp, VirtualClock, create_app
from vonage_voice_sandbox.server import serving

from . import credentials
from .targets import Target, at_url, in_process

Wrapper = Callable[[Any], Any]


def sandbox_app(auth: VonageJWT, clock: Clock) -> SandboxApp:
    """A fresh sandbox for the test application.

    Events are recorded, not delivered: generated event URLs are never loopback, and the REST contract is what
    these runs check.
    """
    return create_app(
        application_id=auth.application_id,
        public_key=credentials.test_key().public_key(),
        clock=clock,
        event_delivery=False,
    )


def sandbox_target(wrap: Wrapper | None = None, auth: VonageJWT | None = None, name: str | None = None) -> Target:
    """A fresh sandbox in process, optionally wrapped (drift tests wrap it in defects)."""
    auth = auth or credentials.test_auth()
    clock = VirtualClock()
    app = sandbox_app(auth, clock)
    served = wrap(app) if wrap is not None else app
    return in_process(served, auth, clock.advance, name=name or "sandbox (in-process)")


@contextlib.contextmanager
def served_sandbox_target(
    wrap: Wrapper | None = None, auth: VonageJWT | None = None, clock: Clock | None = None
) -> Iterator[Target]:
    """A fresh sandbox, optionally wrapped, served on 127.0.0.1 (a free port) until the block ends, as a target
    reached through its URL: probed like any URL (``/_sandbox/info`` says it is our sandbox, and on which clock: a
    virtual one, the default, is moved through ``/_sandbox/clock/advance``; on a real one, waits take real time)."""
    auth = auth or credentials.test_auth()
    app = sandbox_app(auth, clock or VirtualClock())
    with serving(wrap(app) if wrap is not None else app) as base_url:
        yield at_url(base_url, auth, environ={})
