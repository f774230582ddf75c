"""The parts of one sandbox, bundled: what the handlers, the admin endpoints and tests reach through ``app.sandbox``."""

from __future__ import annotations

import asyncio
import threading
import traceback
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from ..delivery.deliverer import Deliverer
from ..engine.clock import Clock, format_time
from ..engine.limits import Limits
from ..engine.state import CallStore
from ..spec.document import SpecInfo
from ..spec.validation import RequestValidator
from .auth import JWTVerifier
from .faults import FaultSet, RateLimiter

__all__ = ["Sandbox"]


@dataclass
class Sandbox:
    application_id: str
    spec: SpecInfo
    validator: RequestValidator
    verifier: JWTVerifier
    clock: Clock
    store: CallStore
    deliverer: Deliverer
    faults: FaultSet
    rate_limiter: RateLimiter | None
    max_body_bytes: int
    limits: Limits = field(default_factory=Limits)
    admin_hosts: frozenset[str] = frozenset()  # names besides loopback that admin writes may come through
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep  # a fault rule's latency (tests watch it)
    internal_errors: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=100))
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _deliveries: set[asyncio.Task[None]] = field(default_factory=set, repr=False)  # strong references

    def __post_init__(self) -> None:
        self.deliverer.report = self.record_internal_error
        self.deliverer.sockets.after_close = self._deliver_soon

    def _deliver_soon(self, store: CallStore) -> None:
        """Deliver, in the background, the events an application closing its WebSocket produced."""
        task = asyncio.create_task(self.flush_events())
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)

    async def flush_events(self) -> None:
        try:
            await self.deliverer.run(self.store)
        except Exception as exc:
            self.record_internal_error(exc, "DELIVER", "")

    @property
    def calls_path(self) -> str:
        """The path of the calls collection (``/v1/calls``), taken from the spec's getCalls/createCall."""
        return self.store.prefix

    def record_internal_error(self, exc: BaseException, method: str, path: str) -> None:
        """A sandbox bug (the request that hit it was answered 500): tests look here (``/_sandbox/errors``), and the
        pytest fixtures fail the test that caused it."""
        entry = {
            "at": format_time(self.clock.now()),
            "method": method,
            "path": path[:200],
            "error": f"{type(exc).__name__}: {str(exc)[:500]}",
            "traceback": traceback.format_exception(exc)[-6:],
        }
        with self._lock:
            self.internal_errors.append(entry)

    async def flush(self) -> None:
        """Let time catch up, then deliver whatever events and NCCO fetches are due; never raises."""
        try:
            self.store.tick()
        except Exception as exc:
            self.record_internal_error(exc, "TICK", "")
        await self.deliverer.run(self.store)
        if self.store.sessions:  # audio WebSockets: frames and notifies due on a virtual clock, then their answers
            try:
                await self.deliverer.sockets.pump(self.store)
            except Exception as exc:
                self.record_internal_error(exc, "WEBSOCKET", "")
            await self.deliverer.run(self.store)
