"""Run the provider contract through a URL against the sandbox as ``make sandbox`` serves it, started and stopped here.

    python -m contract_tests.served [pytest arguments]

starts ``python -m vonage_voice_sandbox --host 127.0.0.1 --port 0`` (a free port, the real clock, a new key pair:
what ``make sandbox`` serves), reads the application id, the key's path and the base URL it prints, runs pytest
with CONTRACT_BASE_URL and those credentials (the summary goes to contract_tests/reports/summary-served.txt), and
stops the sandbox. ``make test`` runs it with the short profile, ``make contract-served`` with the long one.
Every wait is bounded: the sandbox must announce itself within 30 s and stop within 10 s of being asked.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Final

START_TIMEOUT: Final = 30.0
STOP_TIMEOUT: Final = 10.0
SUMMARY: Final = Path(__file__).parent / "reports" / "summary-served.txt"
_EXPORTS: Final = ("VONAGE_APPLICATION_ID", "VONAGE_PRIVATE_KEY_PATH", "VONAGE_BASE_URL")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv) or ["contract_tests/test_provider.py", "-q"]
    command = [sys.executable, "-m", "vonage_voice_sandbox", "--host", "127.0.0.1", "--port", "0"]
    sandbox = subprocess.Popen([*command, "--log-level", "warning"], stdout=subprocess.PIPE, text=True)
    exports: dict[str, str] = {}
    try:
        exports = _announced(sandbox)
        env = {key: value for key, value in os.environ.items() if key != "VONAGE_PRIVATE_KEY"}
        env.update(
            VONAGE_APPLICATION_ID=exports["VONAGE_APPLICATION_ID"],
            VONAGE_PRIVATE_KEY_PATH=exports["VONAGE_PRIVATE_KEY_PATH"],
            CONTRACT_BASE_URL=exports["VONAGE_BASE_URL"],
            CONTRACT_SUMMARY=str(SUMMARY),
        )
        print(f"provider contract through {exports['VONAGE_BASE_URL']} (python -m vonage_voice_sandbox)", flush=True)
        return subprocess.call([sys.executable, "-m", "pytest", *args], env=env)
    finally:
        _stop(sandbox)
        if "VONAGE_PRIVATE_KEY_PATH" in exports:  # the sandbox removes it on a clean stop; not when killed
            Path(exports["VONAGE_PRIVATE_KEY_PATH"]).unlink(missing_ok=True)


def _announced(sandbox: subprocess.Popen[str]) -> dict[str, str]:
    """The ``export NAME=value`` lines the sandbox prints on start; its later output is read and dropped."""
    lines: queue.Queue[str | None] = queue.Queue()
    assert sandbox.stdout is not None
    threading.Thread(target=_drain, args=(sandbox.stdout, lines), daemon=True).start()
    found: dict[str, str] = {}
    while not set(_EXPORTS) <= set(found):
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise RuntimeError(f"the sandbox did not announce itself within {START_TIMEOUT:.0f} s") from None
        if line is None:
            raise RuntimeError(f"the sandbox exited ({sandbox.wait()}) before announcing itself")
        name, _, value = line.strip().removeprefix("export ").partition("=")
        if name in _EXPORTS and value:
            found[name] = value
    return found


def _drain(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _stop(sandbox: subprocess.Popen[str]) -> None:
    if sandbox.poll() is not None:
        return
    sandbox.send_signal(signal.SIGINT)  # Ctrl-C: uvicorn shuts down, then the sandbox removes its key file
    try:
        sandbox.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        sandbox.kill()
        sandbox.wait(STOP_TIMEOUT)


if __name__ == "__main__":
    raise SystemExit(main())
