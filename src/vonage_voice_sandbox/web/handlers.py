"""The Voice API operations, keyed by operationId; each gets a request that already passed spec validation.

Success answers follow the spec and real responses (tests/data/real_responses.yaml). Validity is the spec's
business; the one check here is that ``to`` holds an endpoint, since the call goes to the first.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Final

from starlette.datastructures import QueryParams
from starlette.responses import JSONResponse, Response

from ..engine.state import too_many_actions
from ..spec.document import fold_operation_id
from ..spec.validation import ValidRequest
from .context import Sandbox
from .listing import list_page
from .problems import InvalidParameter, Problem

__all__ = ["HANDLERS", "Handler", "check_ncco_length"]

Handler = Callable[[Sandbox, ValidRequest, QueryParams], Awaitable[Response]]
_UPDATE_FLAGS: Final = frozenset({"mute", "unmute", "earmuff", "unearmuff"})


def check_ncco_length(body: Any, limit: int) -> None:
    """Refuse (400) an inline NCCO, of createCall or of a transfer, of more than ``limit`` actions: before the spec
    is checked, which would hold the event loop for each action."""
    if not isinstance(body, dict):
        return
    destination = body.get("destination")
    transfer = destination.get("ncco") if isinstance(destination, dict) else None
    for name, ncco in (("ncco", body.get("ncco")), ("destination.ncco", transfer)):
        if isinstance(ncco, list) and len(ncco) > limit:
            reason = too_many_actions(len(ncco), limit)
            raise Problem("bad-request", f"The request is not valid: check {name}.", [InvalidParameter(name, reason)])


async def get_calls(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    calls = list(sandbox.store.calls.values())
    return JSONResponse(list_page(calls, request.query, raw_query, sandbox.calls_path))


async def create_call(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    body = _object(request.body)
    body["to"] = [sandbox.spec.record_fields(dict(body["to"][0])), *body["to"][1:]]
    call = sandbox.store.create(body)
    answer = {
        "uuid": call.uuid,
        "status": call.status,
        "direction": "outbound",
        "conversation_uuid": call.conversation_uuid,
    }
    return JSONResponse(answer, status_code=201)


async def get_call(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    return JSONResponse(sandbox.store.get(_uuid(request)).record(sandbox.calls_path))


async def update_call(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    body = _object(request.body)
    action = body.get("action")
    store = sandbox.store
    if action == "hangup":
        store.hangup(_uuid(request))
    elif action in _UPDATE_FLAGS:
        store.set_flag(_uuid(request), str(action))
    elif action == "transfer":
        store.transfer(_uuid(request), _object(body.get("destination")))
    else:  # the spec let it through, but there is nothing to do: name it rather than pretend
        reason = "must be transfer, hangup, mute, unmute, earmuff or unearmuff"
        raise Problem("bad-request", "Unknown action.", [InvalidParameter("action", reason)])
    return Response(status_code=204)


async def start_stream(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    return _played(sandbox, request, "stream", _object(request.body), "Stream started")


async def stop_stream(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    return _played(sandbox, request, "stream", None, "Stream stopped")


async def start_talk(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    return _played(sandbox, request, "talk", _object(request.body), "Talk started")


async def stop_talk(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    return _played(sandbox, request, "talk", None, "Talk stopped")


async def start_dtmf(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    digits = _object(request.body).get("digits")
    sandbox.store.send_dtmf(_uuid(request), digits if isinstance(digits, str) else "")
    return JSONResponse({"message": "DTMF sent", "uuid": _uuid(request)})


async def subscribe_dtmf(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    urls = _object(request.body).get("event_url")
    sandbox.store.listen_dtmf(_uuid(request), [str(url) for url in urls] if isinstance(urls, list) else [])
    return Response(status_code=200)


async def unsubscribe_dtmf(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    sandbox.store.listen_dtmf(_uuid(request), None)
    return Response(status_code=200)


async def download_file(sandbox: Sandbox, request: ValidRequest, raw_query: QueryParams) -> Response:
    """A recording (encoded now, off the event loop, if its record event has not gone out yet) or a transcript."""
    file_id = request.path.get("file_id", "")
    stored = sandbox.store.files.get(file_id)
    data = None if stored is None else await asyncio.to_thread(sandbox.store.files.materialise, file_id)
    if stored is None or data is None:
        raise Problem("not-found", "No recording or transcript has this id (or the sandbox no longer keeps it).")
    return Response(data, media_type=stored.content_type)


HANDLERS: Final[dict[str, Handler]] = {
    fold_operation_id(name): handler
    for name, handler in {
        "getCalls": get_calls,
        "createCall": create_call,
        "getCall": get_call,
        "updateCall": update_call,
        "startStream": start_stream,
        "stopStream": stop_stream,
        "startTalk": start_talk,
        "stopTalk": stop_talk,
        "startDTMF": start_dtmf,
        "subscribeDTMF": subscribe_dtmf,
        "unsubscribeDTMF": unsubscribe_dtmf,
        "downloadFile": download_file,
    }.items()
}


def _played(sandbox: Sandbox, request: ValidRequest, kind: str, body: dict[str, Any] | None, message: str) -> Response:
    sandbox.store.play(_uuid(request), kind, body)
    return JSONResponse({"message": message, "uuid": _uuid(request)})


def _uuid(request: ValidRequest) -> str:
    return request.path.get("uuid") or next(iter(request.path.values()), "")


def _object(value: Any) -> dict[str, Any]:
    if value is None:
        raise Problem("bad-request", "A JSON request body is required.", [InvalidParameter("body", "is required")])
    if not isinstance(value, dict):
        raise Problem("bad-request", "The body must be a JSON object.", [InvalidParameter("body", "must be an object")])
    return value
