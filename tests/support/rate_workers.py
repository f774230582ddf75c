"""Worker processes creating calls as fast as they can against ``python -m vonage_voice_sandbox --rate-limits``.

    with sandbox_cli("30,60") as sandbox, Workers(sandbox, 4) as workers:
        results = workers.run(seconds=2.0, budget={"creates_per_second": 30, "redis_url": url})

Each worker is ``python -m tests.support.rate_workers``: it imports the client, says ``ready``, then for each run
(a JSON line on its standard input) connects (no retries, so every 429 is seen and counted), says ``set``, reads
the common start time, creates calls in a loop until the time is up and prints what it saw as a JSON line. Used by
tests/runtime/test_rate_budget_workers.py and by ``make bench`` (benchmarks/bench_rate_budget.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SandboxCli:
    base_url: str
    application_id: str
    private_key_path: str


@dataclass
class WorkerResult:
    created: list[float]  # time.time() at which each call was created
    limited: list[float]  # and at which each 429 was answered
    errors: list[str]  # anything else that went wrong
    warnings: list[str]  # what the client logged at WARNING or above during the run
    started: float
    finished: float

    @property
    def attempts(self) -> list[float]:
        return sorted(self.created + self.limited)


@contextlib.contextmanager
def sandbox_cli(rate_limits: str) -> Iterator[SandboxCli]:
    """``python -m vonage_voice_sandbox --rate-limits RATES`` on a free port until the block ends."""
    command = [sys.executable, "-m", "vonage_voice_sandbox", "--port", "0", "--rate-limits", rate_limits]
    command += ["--unsigned", "--no-event-delivery", "--log-level", "warning"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    try:
        exports: dict[str, str] = {}
        while "VONAGE_BASE_URL" not in exports:
            line = child.stdout.readline()
            if not line:
                raise RuntimeError("the sandbox CLI stopped before printing its base URL")
            if line.strip().startswith("export "):
                name, _, value = line.strip().removeprefix("export ").partition("=")
                exports[name] = value
        yield SandboxCli(
            exports["VONAGE_BASE_URL"], exports["VONAGE_APPLICATION_ID"], exports["VONAGE_PRIVATE_KEY_PATH"]
        )
    finally:
        child.terminate()
        child.wait(10)
        child.stdout.close()


class Workers:
    """``count`` worker processes, started once (their imports take seconds on a busy machine) for several runs."""

    def __init__(self, sandbox: SandboxCli, count: int) -> None:
        self.sandbox = sandbox
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        command = [sys.executable, "-m", "tests.support.rate_workers"]
        self._processes = [
            subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=env,
            )
            for _ in range(count)
        ]
        for process in self._processes:
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                self.close()
                raise RuntimeError(f"a worker did not start: {process.communicate(timeout=10)[1][-2000:]}")

    def run(
        self,
        *,
        seconds: float,
        budget: Mapping[str, Any] | None,
        budget_key: str | None = None,
        during: Callable[[float], None] | None = None,
    ) -> list[WorkerResult]:
        """Every worker creates calls for ``seconds`` from a common start. ``budget``: a RateBudget's fields (None:
        no budget); ``during(start_at)`` runs in this process meanwhile."""
        command = {
            "base_url": self.sandbox.base_url,
            "application_id": self.sandbox.application_id,
            "private_key_path": self.sandbox.private_key_path,
            "budget": None if budget is None else dict(budget),
            "budget_key": budget_key,
            "seconds": seconds,
        }
        self._tell(json.dumps(command))
        for process in self._processes:  # each connects and signs its JWT, then says it is set
            assert process.stdout is not None
            if process.stdout.readline().strip() != "set":
                raise RuntimeError(f"a worker failed: {process.communicate(timeout=10)[1][-2000:]}")
        start_at = time.time() + 0.1
        self._tell(str(start_at))
        if during is not None:
            during(start_at)
        results = []
        for process in self._processes:
            assert process.stdout is not None
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(f"a worker failed: {process.communicate(timeout=10)[1][-2000:]}")
            results.append(WorkerResult(**json.loads(line)))
        return results

    def _tell(self, line: str) -> None:
        for process in self._processes:
            assert process.stdin is not None
            process.stdin.write(line + "\n")
            process.stdin.flush()

    def close(self) -> None:
        for process in self._processes:
            if process.stdin is not None:
                process.stdin.close()
        for process in self._processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Recorded(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _work(command: Mapping[str, Any]) -> dict[str, Any]:
    from vonage_voice_api.api.calls import create_call
    from vonage_voice_api.models import CreateCallRequestNcco, EndpointPhoneFrom, EndpointPhoneTo, TalkAction

    from vonage_voice_client import connect
    from vonage_voice_client.errors import RateLimitedError
    from vonage_voice_client.ratebudget import RateBudget

    budget = None if command["budget"] is None else RateBudget(**command["budget"])
    client = connect(
        application_id=command["application_id"],
        private_key=Path(command["private_key_path"]),
        base_url=command["base_url"],
        max_retries=0,
        rate_budget=budget,
        rate_budget_key=command["budget_key"],
    )
    body = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="14155550100")],
        from_=EndpointPhoneFrom(number="14155550199"),
        ncco=[TalkAction(text="hello")],
    )
    client.get_httpx_client()  # the connection pool and the JWT before the start, not in the measured time
    client.auth.token()
    recorded = _Recorded()
    logging.getLogger("vonage_voice_client").addHandler(recorded)
    print("set", flush=True)
    start_at = float(sys.stdin.readline())
    time.sleep(max(0.0, start_at - time.time()))
    created: list[float] = []
    limited: list[float] = []
    errors: list[str] = []
    end = start_at + float(command["seconds"])
    with client:
        while time.time() < end:
            try:
                create_call.sync(client=client, body=body)
            except RateLimitedError:
                limited.append(time.time())
            except Exception as error:  # reported to the parent, which decides
                errors.append(f"{type(error).__name__}: {error}")
            else:
                created.append(time.time())
    logging.getLogger("vonage_voice_client").removeHandler(recorded)
    return {
        "created": created,
        "limited": limited,
        "errors": errors[:20],
        "warnings": recorded.messages,
        "started": start_at,
        "finished": time.time(),
    }


def _serve() -> None:
    import vonage_voice_api.api.calls.create_call  # noqa: F401 - imported before "ready", not in a run's time

    import vonage_voice_client  # noqa: F401

    print("ready", flush=True)
    for line in sys.stdin:
        print(json.dumps(_work(json.loads(line))), flush=True)


if __name__ == "__main__":
    _serve()
