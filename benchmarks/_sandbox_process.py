"""The sandbox in a process of its own, so that the server's work does not share the client's CPU or GIL.

    python -m benchmarks._sandbox_process        # reads {"application_id": ..., "private_key_pem": ...} on stdin

It serves the sandbox as :func:`vonage_voice_sandbox.running_sandbox` does (``create_app``, ``bind``,
``uvicorn_server`` in a thread; event delivery off, as the benchmarks send no ``event_url``), prints its base URL on
one line, and stops when its standard input closes.

One setting differs: uvicorn's keep-alive timeout is raised from 5 s to ``KEEP_ALIVE``. At concurrency 50 some
pooled connections idle for seconds on a busy machine; uvicorn then closes them, and a client that picks one in the
instant the close is under way gets a ``ReadError`` (ours retries a GET; raw httpx does not, and the run would stop).
:func:`sandbox_process` is the parent's side.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from ._common import ROOT

_TIMEOUT: Final = 30.0
KEEP_ALIVE: Final = 120  # seconds; longer than any pause in a run


@dataclass(frozen=True)
class SandboxEndpoint:
    base_url: str
    application_id: str
    private_key_pem: bytes


@contextlib.contextmanager
def sandbox_process(application_id: str, private_key_pem: bytes) -> Iterator[SandboxEndpoint]:
    """Start the sandbox in a child process and yield where it listens; stop it when the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._sandbox_process"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdin.write(json.dumps({"application_id": application_id, "private_key_pem": private_key_pem.decode()}))
        child.stdin.write("\n")
        child.stdin.flush()
        base_url = child.stdout.readline().strip()
        if not base_url.startswith("http"):
            raise RuntimeError(f"the sandbox process did not start (it printed {base_url!r})")
        yield SandboxEndpoint(base_url, application_id, private_key_pem)
    finally:
        child.stdin.close()
        try:
            child.wait(_TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def main() -> None:
    from vonage_voice_sandbox import create_app
    from vonage_voice_sandbox.server import base_url, bind, uvicorn_server

    settings = json.loads(sys.stdin.readline())
    app = create_app(
        application_id=settings["application_id"],
        public_key=settings["private_key_pem"].encode(),  # the sandbox uses its public half
        event_delivery=False,
    )
    sock = bind("127.0.0.1", 0)
    # "error": the CLI benchmark sends malformed requests on purpose, and uvicorn would warn about each.
    server = uvicorn_server(app, timeout_keep_alive=KEEP_ALIVE, log_level="error")
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + _TIMEOUT
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    print(base_url(sock) if server.started else "not started", flush=True)
    sys.stdin.read()  # until the parent closes our standard input
    server.should_exit = True
    thread.join(_TIMEOUT)
    sock.close()


if __name__ == "__main__":
    main()
