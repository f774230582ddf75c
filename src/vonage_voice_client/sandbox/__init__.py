"""An embedded Vonage Voice API sandbox: the patched spec's operations on loopback, with call state.

It checks JWTs like the API, validates every request against the patched spec, moves calls through their statuses
on a real or virtual clock, runs NCCOs far enough to matter, sends signed events to loopback receivers and injects
faults on demand. It never imports the client runtime or the generated package, so it can catch their mistakes.

    from vonage_voice_client.sandbox import create_app, running_sandbox, VirtualClock

    app = create_app(application_id=..., public_key=pem, clock=VirtualClock())  # an ASGI app, for in-process tests
    with running_sandbox() as sandbox:                                          # uvicorn on a free loopback port
        print(sandbox.base_url, sandbox.application_id, sandbox.private_key_path)

From a shell: ``python -m vonage_voice_client.sandbox --port 8000``. The README beside this file lists the scenario
numbers, the fault rules and the ``/_sandbox/`` endpoints.
"""

from .app import ConnectionDropped, SandboxApp, create_app
from .clock import Clock, RealClock, VirtualClock
from .faults import FaultRule
from .scenarios import SCENARIOS, Scenario
from .server import RunningSandbox, generate_private_key, running_sandbox
from .spec import patched_spec_path

__all__ = [
    "SCENARIOS",
    "Clock",
    "ConnectionDropped",
    "FaultRule",
    "RealClock",
    "RunningSandbox",
    "SandboxApp",
    "Scenario",
    "VirtualClock",
    "create_app",
    "generate_private_key",
    "patched_spec_path",
    "running_sandbox",
]
