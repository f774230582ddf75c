"""Worker processes creating calls as fast as they can against ``python -m vonage_voice_sandbox --rate-limits``.

    with sandbox_cli("30,60") as sandbox:
        results = run_workers(sandbox, 4, seconds=2.0, budget={"creates_per_second": 30, "redis_url": url})

Each worker is ``python -m tests.support.rate_workers`` with its settings as JSON: it connects (no retries, so every
429 is seen and counted), says ``ready``, waits for the common start time on its standard input, creates calls in a
loop until the time is up and prints what it saw as JSON. Used by tests/runtime/test_rate_budget_workers.py and by
``make bench`` (benchmarks/bench_rate_budget.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[2]
_START_TIMEOUT: Final = 60.0


@dataclass(frozen=True)
class SandboxCli:
    base_url: str
    application_id: str
    private_key_path: str


@dataclass
class WorkerResult:
    created: list[float]  # time.time() at which each call was created
    limited: int  # answers 429
    errors: list[str]  # anything else that went wrong
    started: float
    finished: float
    stderr: str = field(default="", repr=False)

    @classmethod
    def from_json(cls, text: str, stderr: str) -> WorkerResult:
        return cls(**json.loads(text), stderr=stderr)


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


def run_workers(
    sandbox: SandboxCli,
    count: int,
    *,
    seconds: float,
    budget: Mapping[str, Any] | None,
    budget_key: str | None = None,
    timeout: float = 60.0,
    during: Any = None,
) -> list[WorkerResult]:
    """Start ``count`` workers, start them together, and return what each saw. ``budget``: the RateBudget's fields
    (None: no budget); ``during(start_at)`` runs in this process while they work."""
    settings = {
        "base_url": sandbox.base_url,
        "application_id": sandbox.application_id,
        "private_key_path": sandbox.private_key_path,
        "budget": None if budget is None else dict(budget),
        "budget_key": budget_key,
        "seconds": seconds,
    }
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.rate_workers", json.dumps(settings)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for _ in range(count)
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            if worker.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a worker did not start: {worker.communicate(timeout=10)[1][-2000:]}")
        start_at = time.time() + 0.2
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write(f"{start_at}\n")
            worker.stdin.flush()
        if during is not None:
            during(start_at)
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=timeout)
            if worker.returncode != 0:
                raise RuntimeError(f"a worker failed ({worker.returncode}): {err[-2000:]}")
            results.append(WorkerResult.from_json(out.strip().splitlines()[-1], err))
        return results
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def _work(settings: Mapping[str, Any]) -> dict[str, Any]:
    from vonage_voice_api.api.calls import create_call
    from vonage_voice_api.models import CreateCallRequestNcco, EndpointPhoneFrom, EndpointPhoneTo, TalkAction

    from vonage_voice_client import connect
    from vonage_voice_client.errors import RateLimitedError
    from vonage_voice_client.ratebudget import RateBudget

    budget = None if settings["budget"] is None else RateBudget(**settings["budget"])
    client = connect(
        application_id=settings["application_id"],
        private_key=Path(settings["private_key_path"]),
        base_url=settings["base_url"],
        max_retries=0,
        rate_budget=budget,
        rate_budget_key=settings["budget_key"],
    )
    body = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="14155550100")],
        from_=EndpointPhoneFrom(number="14155550199"),
        ncco=[TalkAction(text="hello")],
    )
    client.get_httpx_client()  # the connection pool and the JWT before the start, not in the measured time
    client.auth.token()
    print("ready", flush=True)
    start_at = float(sys.stdin.readline())
    time.sleep(max(0.0, start_at - time.time()))
    created: list[float] = []
    limited, errors = 0, []
    end = start_at + float(settings["seconds"])
    with client:
        while time.time() < end:
            try:
                create_call.sync(client=client, body=body)
            except RateLimitedError:
                limited += 1
            except Exception as error:  # noqa: BLE001 - reported to the parent, which decides
                errors.append(f"{type(error).__name__}: {error}")
            else:
                created.append(time.time())
    return {"created": created, "limited": limited, "errors": errors[:20], "started": start_at, "finished": time.time()}


if __name__ == "__main__":
    print(json.dumps(_work(json.loads(sys.argv[1]))), flush=True)
