"""The sandbox as an ASGI app: ``create_app(...)`` returns a Starlette app that serves the patched spec's operations.

Every API request goes: fault rules and rate limits (when enabled), route (404, or 405 with ``Allow``), JWT (401),
spec validation (400), then the operation's handler. Every error is problem+json. An exception from the sandbox's
own code is recorded (``/_sandbox/errors``) and answered 500 (``#internal-error``), never as a 400 that a client
would take for its own mistake; the pytest fixtures fail the test whose request caused it. Events and NCCO fetches
go out after the answer has been sent, never to the sandbox itself (see :mod:`..delivery`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from ..delivery.addresses import ADMIN_PREFIX
from ..delivery.deliverer import Deliverer
from ..engine.clock import AdvanceableClock, Clock, RealClock
from ..engine.limits import Limits
from ..engine.state import CallStore
from ..spec.document import SpecInfo, load_spec
from ..spec.ncco import checker_for
from ..spec.validation import validator_for
from .admin import admin_mount
from .admin_rules import read_body
from .auth import AuthError, JWTVerifier
from .context import Sandbox
from .faults import FaultRule, FaultSet, RateLimits, rate_limiter
from .handlers import HANDLERS, check_ncco_length
from .problems import REFUSALS, TRACE_HEADER, Problem, new_trace_id, problem_for

__all__ = ["ConnectionDropped", "SandboxApp", "create_app"]

logger = logging.getLogger(__name__)

CREDENTIALS: Final = "You did not provide correct credentials"
BUG: Final = "The sandbox could not process this request (a sandbox bug; see /_sandbox/errors)."


class ConnectionDropped(Exception):
    """A fault rule dropped the connection.

    Served through :func:`..server.serve`, :func:`..server.running_sandbox` or the CLI, the client's connection is
    closed without an answer. An in-process client (httpx ``ASGITransport``, Starlette ``TestClient``) gets this
    exception instead, which is the nearest an in-process transport has to a closed connection.
    """


class SandboxApp(Starlette):
    """A Starlette app with the sandbox's state at ``app.sandbox``."""

    sandbox: Sandbox

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("server"):
            host, port = scope["server"][0], scope["server"][1]
            self.sandbox.deliverer.serving_on(port)  # never deliver to where we are reached
            if port is not None:  # recording URLs point here, where the application reached the sandbox
                self.sandbox.store.files_base = f"http://{f'[{host}]' if ':' in host else host}:{port}"
        # Faults act here, outside Starlette's error middleware, which would turn a raised exception into a 500.
        api_request = scope["type"] == "http" and not str(scope.get("path", "")).startswith(ADMIN_PREFIX)
        if api_request:
            try:
                if await self._gate(scope, receive, send):
                    return
            except ConnectionDropped:
                raise
            except Exception as exc:
                self.sandbox.record_internal_error(exc, str(scope["method"]), str(scope["path"]))
                await _with_trace(Problem("internal-error", BUG))(scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    async def _gate(self, scope: Scope, receive: Receive, send: Send) -> bool:
        """Apply a fault rule or a rate limit; True when that answered the request."""
        method, path = str(scope["method"]), str(scope["path"])
        rule = self.sandbox.faults.take(method, path)
        if rule is not None:
            if rule.latency:
                await self.sandbox.sleep(rule.latency)
            if rule.drop == "after":
                await super().__call__(scope, receive, _discard)  # the request takes effect; its answer is lost
            if rule.drop == "before":
                await _drain(receive)  # unread bytes would make the close a reset, and what the client sees random
            if rule.drop is not None:
                raise ConnectionDropped(f"fault rule {rule.id} dropped {method} {path}")
            if rule.status is not None:
                await _fault_response(rule)(scope, receive, send)
                return True
        limiter = self.sandbox.rate_limiter
        retry_after = None if limiter is None else limiter.check(method)
        if retry_after is not None:
            kind = "POST" if method.upper() == "POST" else "GET, PUT and DELETE"
            problem = Problem("throttled", f"Rate limit hit: too many {kind} requests per second.")
            problem.headers["Retry-After"] = str(retry_after)
            await _with_trace(problem)(scope, receive, send)
            return True
        return False


class ApiEndpoint:
    """The catch-all route: matches the request against the spec's operations and runs the handler."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        trace_id = new_trace_id()
        try:
            response = await self._respond(request)
        except REFUSALS as error:
            response = problem_for(error).response(trace_id)
        except ClientDisconnect:
            return  # nobody to answer
        except Exception as exc:
            self.sandbox.record_internal_error(exc, request.method, request.url.path)
            response = Problem("internal-error", BUG).response(trace_id)
        response.headers[TRACE_HEADER] = trace_id
        await response(scope, receive, send)
        await self.sandbox.flush()

    async def _respond(self, request: Request) -> Response:
        sandbox = self.sandbox
        operation, path_params, path_exists = sandbox.spec.match(request.method, request.scope["path"])
        if not path_exists:
            raise Problem("not-found", "No Voice API operation has this path.")
        if operation is None:
            allowed = ", ".join(sandbox.spec.allowed_methods(request.scope["path"]))
            raise Problem("wrong-verb", f"This path accepts {allowed}.", headers={"Allow": allowed})
        try:
            sandbox.verifier.verify(request.headers.get("authorization"))
        except AuthError as exc:
            raise Problem("unauthorized", f"{CREDENTIALS}: {exc}.") from None
        body = await read_body(request, sandbox.max_body_bytes)
        precheck = functools.partial(check_ncco_length, limit=sandbox.limits.max_ncco_actions)
        query, headers = request.query_params, request.headers
        valid = sandbox.validator.validate(operation, path_params, query, headers, body, precheck)
        handler = HANDLERS.get(operation.key)
        if handler is None:
            raise Problem("not-found", f"The sandbox does not implement {operation.operation_id} yet.")
        sandbox.store.tick()
        return await handler(sandbox, valid, request.query_params)


def create_app(
    *,
    application_id: str,
    public_key: bytes | str | rsa.RSAPublicKey | rsa.RSAPrivateKey,
    signature_secret: str | None = None,
    clock: Clock | None = None,
    rate_limits: bool | RateLimits = False,
    faults: Iterable[FaultRule | Mapping[str, Any]] | None = None,
    event_delivery: bool = True,
    spec_path: str | Path | None = None,
    delivery_timeout: float = 10.0,
    tick_interval: float = 0.1,
    max_body_bytes: int = 1_000_000,
    limits: Limits | None = None,
    admin_hosts: Iterable[str] = (),
) -> SandboxApp:
    """Build a sandbox for one application.

    Args:
        application_id: the ``application_id`` tokens must carry.
        public_key: the application's public key (PEM, or a key object; a private key's public half is used).
        signature_secret: sign events (HS256, ``payload_hash``) with it; unsigned when None.
        clock: call progress follows it; a :class:`VirtualClock` moves only when advanced (by the test, or
            ``POST /_sandbox/clock/advance``). Default: real time, with a background ticker while served.
        rate_limits: enforce the API's 3 POST/s and 15 other requests/s (True), or other rates: ``(posts,
            others)`` per second, as tests and benchmarks that reach the limit in less time want.
        faults: fault rules active from the start (more can be added at ``/_sandbox/faults``).
        event_delivery: POST events to loopback ``event_url`` addresses; when False they are only recorded.
        spec_path: the spec to serve; default: the patched spec shipped with the package.
        limits: how much it keeps (calls, events, callbacks, fault rules...), and how many NCCO actions a call may
            run without time passing; see :class:`Limits`.
        admin_hosts: names other than loopback that admin writes may name as ``Host``/``Origin`` (a sandbox served
            beyond loopback, reached by that name).
    """
    spec = load_spec(spec_path)
    limits = limits or Limits()
    clock = clock or RealClock()
    deliverer = Deliverer(
        application_id=application_id,
        signature_secret=signature_secret,
        enabled=event_delivery,
        timeout=delivery_timeout,
        max_answer_bytes=max_body_bytes,  # a fetched NCCO may be as large as an inline one, no larger
    )
    deliverer.sockets.paced = not isinstance(clock, AdvanceableClock)  # a real clock: each socket paces itself
    sandbox = Sandbox(
        application_id=application_id,
        spec=spec,
        validator=validator_for(spec),
        verifier=JWTVerifier(application_id, public_key),
        clock=clock,
        store=CallStore(clock, _calls_path(spec), deliverer.can_contact, limits),
        deliverer=deliverer,
        faults=FaultSet(faults or (), max_rules=limits.max_fault_rules),
        rate_limiter=rate_limiter(rate_limits),
        max_body_bytes=max_body_bytes,
        limits=limits,
        admin_hosts=frozenset(name.lower() for name in admin_hosts),
    )
    sandbox.store.ncco_checker = checker_for(spec)
    sandbox.store.record_endpoint = spec.record_fields
    _warn_unserved(spec)
    app = SandboxApp(
        routes=[admin_mount(ADMIN_PREFIX), Route("/{path:path}", ApiEndpoint(sandbox))],
        exception_handlers={HTTPException: _http_exception},
        lifespan=_lifespan(sandbox, tick_interval),
    )
    app.sandbox = sandbox
    return app


def _lifespan(sandbox: Sandbox, interval: float) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # A real clock needs someone to look at it: calls progress, and events go out, with no request coming in.
        ticker = None if isinstance(sandbox.clock, AdvanceableClock) else asyncio.create_task(_tick(sandbox, interval))
        try:
            yield
        finally:
            if ticker is not None:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker

    return lifespan


async def _tick(sandbox: Sandbox, interval: float) -> None:
    deliveries: set[asyncio.Task[None]] = set()  # strong references, or the tasks may be collected mid-flight
    while True:
        await asyncio.sleep(interval)
        try:
            sandbox.store.tick()
        except Exception as exc:
            sandbox.record_internal_error(exc, "TICK", "")
        if sandbox.store.pending:
            task = asyncio.create_task(sandbox.deliverer.run(sandbox.store))
            deliveries.add(task)
            task.add_done_callback(deliveries.discard)


async def _http_exception(request: Request, exc: Exception) -> Response:
    """Starlette's own 404/405 (for /_sandbox routes) as problem+json too."""
    status = exc.status_code if isinstance(exc, HTTPException) else 400
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
    return _with_trace(Problem.for_status(status, "No sandbox endpoint matches this request.", headers))


def _fault_response(rule: FaultRule) -> Response:
    problem = Problem.for_status(rule.status or 500, f"Injected by sandbox fault rule {rule.id}.")
    if rule.retry_after is not None and rule.status in (429, 503):
        problem.headers["Retry-After"] = str(rule.retry_after)
    return _with_trace(problem)


def _with_trace(problem: Problem) -> Response:
    return problem.response(new_trace_id())


async def _discard(message: Message) -> None:
    return None


async def _drain(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


def _calls_path(spec: SpecInfo) -> str:
    """The calls collection's path (``/v1/calls``), from the spec's list/create operation."""
    for operation in spec.operations:
        if operation.key in ("getcalls", "createcall"):
            return operation.path
    return min((operation.path for operation in spec.operations), key=len, default=spec.prefix or "/")


def _warn_unserved(spec: SpecInfo) -> None:
    missing = [operation.operation_id for operation in spec.operations if operation.key not in HANDLERS]
    if missing:
        logger.warning("the sandbox has no handler for %s; they answer 404", ", ".join(missing))
