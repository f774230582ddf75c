"""The embedded sandbox as an in-process target, on a virtual clock (calls progress only when a run says so)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vonage_voice_client import VonageJWT
from vonage_voice_sandbox import VirtualClock, create_app

from . import credentials
from .targets import Target, in_process

Wrapper = Callable[[Any], Any]


def sandbox_target(wrap: Wrapper | None = None, auth: VonageJWT | None = None, name: str | None = None) -> Target:
    """A fresh sandbox for the test application, optionally wrapped (drift tests wrap it in defects).

    Events are recorded, not delivered: generated event URLs are never loopback, and the REST contract is what
    these runs check.
    """
    auth = auth or credentials.test_auth()
    clock = VirtualClock()
    app = create_app(
        application_id=auth.application_id,
        public_key=credentials.test_key().public_key(),
        clock=clock,
        event_delivery=False,
    )
    served = wrap(app) if wrap is not None else app
    return in_process(served, auth, clock.advance, name=name or "sandbox (in-process)")
