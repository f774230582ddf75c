"""``/_sandbox/``: the test-only endpoints to look inside the sandbox and steer it. They need no JWT; writes need
a JSON ``Content-Type`` and a loopback ``Host`` (and ``Origin``, when sent): see :mod:`.admin_rules`.

GET  /_sandbox/info                  what this server is (``{"sandbox": "vonage-voice-client", ...}``)
GET  /_sandbox/events?call_uuid=&type=&after=&limit=   the events produced, with their delivery outcome (paged)
GET  /_sandbox/callbacks?call_uuid=&type=&after=&limit=   requests sent to webhooks, with the answers (paged)
GET  /_sandbox/calls?after=&limit=, /_sandbox/calls/{uuid}   calls with their internal state (paged)
POST /_sandbox/clock/advance {"seconds": N}    move the virtual clock, then run what fell due (409 on a real clock)
GET, POST, DELETE /_sandbox/faults   list, add (one rule or a list), remove all fault rules
POST /_sandbox/scenarios {"scenario": name, "dtmf": [...], "speech": [...], "audio": {"pcm": base64, "rate": N}}
                                     a number for a scripted callee (audio: what it says into a WebSocket)
GET  /_sandbox/websockets?call_uuid=   the audio WebSocket sessions (of a call or its legs), audio as base64
PUT  /_sandbox/signature {"secret": S | null}   sign callbacks with S (null: unsigned) until the next reset
POST /_sandbox/reset                 forget calls, events, callbacks, faults, registered numbers, recorded errors;
                                     sign with the secret the sandbox started with
GET  /_sandbox/errors                sandbox bugs caught while handling requests (answered 500 problem+json)

A listing answers ``{"<items>": [...], "next": path | null}``: ``next`` is the next page (see :mod:`.admin_rules`).
"""

from __future__ import annotations

import base64
import binascii
import functools
import importlib.metadata
from collections.abc import Awaitable, Callable
from typing import Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from ..engine.callback_log import CallbackLog
from ..engine.clock import AdvanceableClock, format_time
from ..engine.event_log import EventLog
from ..engine.media import RATES
from ..engine.scenarios import DEFAULT, SCENARIOS, RegistryFull
from ..spec.validation import parse_json
from .admin_rules import check_write, page_of, read_body
from .context import Sandbox
from .problems import REFUSALS, InvalidParameter, Problem, new_trace_id, problem_for

__all__ = ["SANDBOX_NAME", "admin_mount", "package_version"]

SANDBOX_NAME: Final = "vonage-voice-client"
MAX_ADVANCE: Final = 10 * 365 * 86400.0

Endpoint = Callable[[Request], Awaitable[Response]]


def package_version() -> str:
    try:
        return importlib.metadata.version("vonage-voice-client")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def _guarded(endpoint: Callable[[Sandbox, Request], Awaitable[Response]]) -> Endpoint:
    """Writes are checked first (:func:`.admin_rules.check_write`); problems become problem+json; any other
    exception is a sandbox bug, recorded and answered 500."""

    @functools.wraps(endpoint)
    async def guarded(request: Request) -> Response:
        sandbox: Sandbox = request.app.sandbox
        try:
            check_write(request, sandbox.admin_hosts)
            return await endpoint(sandbox, request)
        except REFUSALS as error:
            return problem_for(error).response(new_trace_id())
        except Exception as exc:
            sandbox.record_internal_error(exc, request.method, request.url.path)
            detail = "The sandbox could not process this request (a sandbox bug; see /_sandbox/errors)."
            return Problem("internal-error", detail).response(new_trace_id())

    return guarded


@_guarded
async def info(sandbox: Sandbox, request: Request) -> Response:
    return JSONResponse(
        {
            "sandbox": SANDBOX_NAME,
            "version": package_version(),
            "spec_version": sandbox.spec.version,
            "spec_title": sandbox.spec.title,
            "application_id": sandbox.application_id,
            "calls_path": sandbox.calls_path,
            "operations": [operation.operation_id for operation in sandbox.spec.operations],
            "clock": "virtual" if isinstance(sandbox.clock, AdvanceableClock) else "real",
            "now": format_time(sandbox.clock.now()),
            "rate_limits": sandbox.rate_limiter is not None,
            "event_delivery": sandbox.deliverer.enabled,
            "signed_callbacks": sandbox.deliverer.signing,
            "scenarios": {"default": DEFAULT.as_dict(), **{n: s.as_dict() for n, s in SCENARIOS.items()}},
            "internal_errors": len(sandbox.internal_errors),
            "limits": sandbox.limits.as_dict(),
        }
    )


@_guarded
async def events(sandbox: Sandbox, request: Request) -> Response:
    return _listing(sandbox, request, sandbox.store.events, "events")


@_guarded
async def callbacks(sandbox: Sandbox, request: Request) -> Response:
    return _listing(sandbox, request, sandbox.store.callbacks, "callbacks")


def _listing(sandbox: Sandbox, request: Request, log: EventLog | CallbackLog, key: str) -> Response:
    """One page of a log, filtered by ``call_uuid`` and ``type``, with the link to the next page (or null)."""
    page = page_of(request, sandbox.limits)
    query = request.query_params
    found = log.query(query.get("call_uuid"), query.get("type"), after=page.after, limit=page.limit + 1)
    shown = found[: page.limit]
    following = page.next(request.url.path, request, shown[-1].id) if len(found) > page.limit else None
    return JSONResponse({key: [record.as_dict() for record in shown], "next": following})


@_guarded
async def scenarios(sandbox: Sandbox, request: Request) -> Response:
    body = parse_json(await read_body(request, sandbox.max_body_bytes))
    body = body if isinstance(body, dict) else {}
    name = body.get("scenario", DEFAULT.name)
    scripts = {key: body.get(key) or [] for key in ("dtmf", "speech")}
    for key, script in scripts.items():
        if not isinstance(script, list) or not all(isinstance(item, str) and item for item in script):
            reason = InvalidParameter(key, "a list of non-empty strings")
            raise Problem("bad-request", "Invalid callee script.", [reason])
    audio = _audio(body.get("audio"))
    try:
        number = sandbox.store.scenarios.register(str(name), tuple(scripts["dtmf"]), tuple(scripts["speech"]), audio)
    except RegistryFull as exc:
        raise Problem("bad-request", "Too many registered numbers.", [InvalidParameter("scenario", str(exc))]) from None
    except ValueError as exc:
        raise Problem("bad-request", "Unknown scenario.", [InvalidParameter("scenario", str(exc))]) from None
    return JSONResponse({"number": number}, status_code=201)


def _audio(value: object) -> tuple[bytes, int] | None:
    """``{"pcm": base64, "rate": 8000 | 16000 | 24000}``: 16-bit mono PCM a scripted callee says."""
    if value is None:
        return None
    rates = sorted(RATES.values())
    if isinstance(value, dict) and isinstance(value.get("pcm"), str) and value.get("rate") in rates:
        try:
            pcm = base64.b64decode(value["pcm"], validate=True)
        except (binascii.Error, ValueError):
            pcm = b"\x00"  # odd length: refused below
        if len(pcm) % 2 == 0:
            return pcm, int(value["rate"])
    reason = InvalidParameter("audio", f"{{'pcm': base64 of 16-bit PCM, 'rate': one of {rates}}}")
    raise Problem("bad-request", "Invalid callee audio.", [reason])


@_guarded
async def websockets(sandbox: Sandbox, request: Request) -> Response:
    sandbox.store.tick()
    now = sandbox.clock.now()
    found = sandbox.store.sessions_of(request.query_params.get("call_uuid"))
    sessions = []
    for session in found:
        record = session.as_dict(now)
        for key in ("audio_received", "audio_played"):
            record[key] = base64.b64encode(record[key]).decode("ascii")
        sessions.append(record)
    return JSONResponse({"websockets": sessions})


@_guarded
async def signature(sandbox: Sandbox, request: Request) -> Response:
    body = parse_json(await read_body(request, sandbox.max_body_bytes))
    secret = body.get("secret") if isinstance(body, dict) else None
    if not (secret is None or (isinstance(secret, str) and secret)):
        raise Problem("bad-request", 'Give {"secret": S} or null.', [InvalidParameter("secret", "a string or null")])
    sandbox.deliverer.sign_with(secret)
    return JSONResponse({"signed": sandbox.deliverer.signing})


@_guarded
async def calls(sandbox: Sandbox, request: Request) -> Response:
    page = page_of(request, sandbox.limits)
    sandbox.store.tick()
    with sandbox.store.lock:
        found = [call for call in sandbox.store.calls.values() if call.seq > page.after]
    shown = found[: page.limit]
    following = page.next(request.url.path, request, shown[-1].seq) if len(found) > page.limit else None
    return JSONResponse({"calls": [call.internals(sandbox.calls_path) for call in shown], "next": following})


@_guarded
async def call(sandbox: Sandbox, request: Request) -> Response:
    sandbox.store.tick()
    return JSONResponse(sandbox.store.get(request.path_params["uuid"]).internals(sandbox.calls_path))


@_guarded
async def advance(sandbox: Sandbox, request: Request) -> Response:
    clock = sandbox.clock
    if not isinstance(clock, AdvanceableClock):
        raise Problem("conflict", "This sandbox runs on real time; start it with a virtual clock to advance it.")
    body = parse_json(await read_body(request, sandbox.max_body_bytes))
    seconds = body.get("seconds") if isinstance(body, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 <= seconds <= MAX_ADVANCE:
        reason = f"a number of seconds from 0 to {MAX_ADVANCE:.0f}"
        raise Problem("bad-request", 'Give {"seconds": N}.', [InvalidParameter("seconds", reason)])
    clock.advance(float(seconds))
    await sandbox.flush()  # before answering: a test that advanced the clock expects the events to be out
    return JSONResponse({"now": format_time(clock.now())})


@_guarded
async def faults(sandbox: Sandbox, request: Request) -> Response:
    if request.method == "DELETE":
        removed = len(sandbox.faults.rules())
        sandbox.faults.clear()
        return JSONResponse({"removed": removed})
    if request.method == "POST":
        body = parse_json(await read_body(request, sandbox.max_body_bytes))
        rules = body if isinstance(body, list) else [body]
        try:
            added = sandbox.faults.add_all(rules)
        except ValueError as exc:
            raise Problem("bad-request", "Invalid fault rule.", [InvalidParameter("rule", str(exc)[:200])]) from None
        return JSONResponse({"rules": [rule.as_dict() for rule in added]}, status_code=201)
    return JSONResponse({"rules": [rule.as_dict() for rule in sandbox.faults.rules()]})


@_guarded
async def reset(sandbox: Sandbox, request: Request) -> Response:
    sandbox.store.reset()
    sandbox.faults.clear()
    sandbox.internal_errors.clear()
    sandbox.deliverer.sign_with(sandbox.deliverer.default_secret)
    return JSONResponse({"reset": True})


@_guarded
async def errors(sandbox: Sandbox, request: Request) -> Response:
    return JSONResponse({"errors": list(sandbox.internal_errors)})


def admin_mount(prefix: str = "/_sandbox") -> Mount:
    """The admin endpoints under ``prefix``; a Mount, so a wrong method is a 405 here, not the API's 404."""
    return Mount(
        prefix,
        routes=[
            Route("/info", info, methods=["GET"]),
            Route("/events", events, methods=["GET"]),
            Route("/callbacks", callbacks, methods=["GET"]),
            Route("/scenarios", scenarios, methods=["POST"]),
            Route("/signature", signature, methods=["PUT"]),
            Route("/websockets", websockets, methods=["GET"]),
            Route("/calls", calls, methods=["GET"]),
            Route("/calls/{uuid}", call, methods=["GET"]),
            Route("/clock/advance", advance, methods=["POST"]),
            Route("/faults", faults, methods=["GET", "POST", "DELETE"]),
            Route("/reset", reset, methods=["POST"]),
            Route("/errors", errors, methods=["GET"]),
        ],
    )
