"""A real ``redis-server`` (the OS package) on a free loopback port, for the tests and benchmarks of the Redis extra.

Absent locally, the tests that need it skip and say how to install it; under CI (``CI`` set) they fail instead, since
``.ci/run`` installs it and a skip there would hide that the shared budget went untested.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

_START_TIMEOUT: Final = 10.0
MISSING: Final = "redis-server is not installed (apt-get install redis-server; .ci/run installs it)"


def redis_server_path() -> str | None:
    return shutil.which("redis-server")


def must_have_redis_in_ci() -> bool:
    """Whether a missing redis-server fails the run rather than skipping (in CI)."""
    return bool(os.environ.get("CI"))


@dataclass
class RedisServer:
    url: str
    process: subprocess.Popen[bytes]

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): it accepts connections and never answers, the worst way for Redis to go."""
        self.process.send_signal(signal.SIGSTOP)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def running_redis() -> Iterator[RedisServer]:
    """A throwaway Redis (no persistence) on 127.0.0.1 until the block ends."""
    path = redis_server_path()
    if path is None:
        raise RuntimeError(MISSING)
    port = _free_port()
    command = [path, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(
        [*command, "--daemonize", "no", "--loglevel", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = RedisServer(f"redis://127.0.0.1:{port}/0", process)
    try:
        deadline = time.monotonic() + _START_TIMEOUT
        while not _answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {port}")
            time.sleep(0.02)
        yield server
    finally:
        server.stop()
