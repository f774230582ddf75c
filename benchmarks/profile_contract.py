"""Where the provider contract's time goes, in process: ``.venv/bin/python -m benchmarks.profile_contract``.

Runs the per-operation phases of the long profile (examples, coverage, cases on a call, positive and negative
fuzzing; the scenarios are left out) through the suite's own ``ProviderRun`` on a fresh in-process sandbox, with wall
clock timers around each layer: the whole of one case (``ProviderRun.execute``), sending it (``Case.call``, which
includes the sandbox), the checks (``Case.validate_response``, which includes the requests some checks re-send), the
sandbox's handling of every request (the ASGI app), its openapi-core pass and its JWT check, and the polls of waits.
Generation is what is left: the run's wall time minus the cases' time. The timers are wrappers installed here; no
code of the suite or the sandbox is changed. Figures are in contract_tests/README.md ("Where the time goes").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from schemathesis import GenerationMode
from schemathesis.generation.case import Case

from vonage_voice_sandbox.spec import validation
from vonage_voice_sandbox.web import auth

SECONDS: dict[str, float] = {}
CALLS: dict[str, int] = {}


def _add(key: str, seconds: float) -> None:
    SECONDS[key] = SECONDS.get(key, 0.0) + seconds
    CALLS[key] = CALLS.get(key, 0) + 1


def _timed(owner: Any, name: str, key: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _add(key, time.perf_counter() - started)

    setattr(owner, name, wrapper)


def _timed_app(app: Any) -> Any:
    async def timed(scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        try:
            await app(scope, receive, send)
        finally:
            if scope["type"] == "http":
                _add("sandbox: whole request", time.perf_counter() - started)

    return timed


def main() -> None:
    from contract_tests.support import profile, runner, sandbox, targets

    _timed(runner.ProviderRun, "execute", "one case, all of it")
    _timed(Case, "call", "sending (incl. the sandbox)")
    _timed(Case, "validate_response", "checks (incl. their re-sends)")
    _timed(validation.RequestValidator, "validate", "sandbox: openapi-core")
    _timed(auth.JWTVerifier, "verify", "sandbox: JWT check")
    _timed(targets.Target, "api_get", "polls of waits")
    target = sandbox.sandbox_target()
    target.app = _timed_app(target.app)
    run = runner.ProviderRun(target, profile.LONG)
    started = time.perf_counter()
    for operation in run.operations():
        run.examples(operation)
        run.coverage(operation)
        run.on_a_call(operation)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run.fuzz(operation, mode)
    total = time.perf_counter() - started
    cases = sum(run.results.cases.values())
    generation = total - SECONDS.get("one case, all of it", 0.0) - SECONDS.get("polls of waits", 0.0)
    print(f"{cases} cases in {total:.1f} s ({cases / total:.1f} cases/s); generation (the rest) {generation:.1f} s")
    for key, seconds in sorted(SECONDS.items(), key=lambda item: -item[1]):
        share = 100 * seconds / total
        print(f"  {key:32s} {seconds:7.2f} s {share:5.1f} %  {CALLS[key]:6d} x {1000 * seconds / CALLS[key]:.2f} ms")


if __name__ == "__main__":
    main()
