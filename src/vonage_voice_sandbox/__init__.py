"""An embedded Vonage Voice API sandbox: the patched spec's operations on loopback, with call state.

It checks JWTs like the API, validates every request against the patched spec, moves calls through their statuses
on a real or virtual clock, runs NCCOs far enough to matter, sends signed events to loopback receivers and injects
faults on demand. It never imports the client runtime or the generated package, so it can catch their mistakes.

    from vonage_voice_sandbox import create_app, running_sandbox, VirtualClock

    app = create_app(application_id=..., public_key=pem, clock=VirtualClock())  # an ASGI app, for in-process tests
    with running_sandbox() as sandbox:                                          # uvicorn on a free loopback port
        print(sandbox.base_url, sandbox.application_id, sandbox.private_key_path)

From a shell: ``python -m vonage_voice_sandbox --port 8000``. In pytest, the fixtures ``voice_sandbox`` (a
:class:`VoiceSandbox`), ``voice_client`` and ``voice_webhook_server`` (see :mod:`.pytest_plugin`). The README
beside this file lists the scenarios, the fault rules and the ``/_sandbox/`` endpoints.

The names below are imported on first use: the pytest plugin lives in this package, and a pytest session that uses
none of its fixtures must not pay for Starlette, uvicorn and openapi-core (nor fail when the extra is missing).
Type checkers see plain imports, so a misspelt name is still an error.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # ``X as X`` marks a re-export
    from .engine.clock import Clock as Clock
    from .engine.clock import RealClock as RealClock
    from .engine.clock import VirtualClock as VirtualClock
    from .engine.limits import Limits as Limits
    from .engine.scenarios import SCENARIOS as SCENARIOS
    from .engine.scenarios import Scenario as Scenario
    from .server import RunningSandbox as RunningSandbox
    from .server import generate_private_key as generate_private_key
    from .server import running_sandbox as running_sandbox
    from .spec.document import patched_spec_path as patched_spec_path
    from .testing import AppServers as AppServers
    from .testing import DeliveredCallback as DeliveredCallback
    from .testing import SandboxEvent as SandboxEvent
    from .testing import ServeApp as ServeApp
    from .testing import VoiceSandbox as VoiceSandbox
    from .testing import WebSocketSession as WebSocketSession
    from .web.app import ConnectionDropped as ConnectionDropped
    from .web.app import SandboxApp as SandboxApp
    from .web.app import create_app as create_app
    from .web.faults import FaultRule as FaultRule

_EXPORTS: dict[str, tuple[str, ...]] = {
    "web.app": ("ConnectionDropped", "SandboxApp", "create_app"),
    "engine.clock": ("Clock", "RealClock", "VirtualClock"),
    "web.faults": ("FaultRule",),
    "engine.limits": ("Limits",),
    "engine.scenarios": ("SCENARIOS", "Scenario"),
    "server": ("RunningSandbox", "generate_private_key", "running_sandbox"),
    "spec.document": ("patched_spec_path",),
    "testing": ("AppServers", "DeliveredCallback", "SandboxEvent", "ServeApp", "VoiceSandbox", "WebSocketSession"),
}
_LAZY = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_LAZY)

if not TYPE_CHECKING:  # hidden from type checkers, which would otherwise accept any name from this package

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
