"""What the ``/_sandbox/`` endpoints demand of a request: who may write, and how listings are paged.

Writes (POST, PUT, DELETE) change what every test sees, so they must come from this machine, on purpose:

- POST and PUT need a JSON ``Content-Type`` (``application/json`` or ``…+json``), even with no body, else **415**.
  A web page can send a cross-site POST without asking only as ``text/plain``, a form or multipart; a JSON body
  needs a CORS preflight, which the sandbox never grants (nor may a page send DELETE without one).
- ``Host`` must be loopback (``localhost``, 127.0.0.0/8, ``::1``, any port) or a name given with ``admin_hosts``,
  else **403**: a page on a domain re-pointed at 127.0.0.1 (DNS rebinding) sends its own domain as the Host.
- ``Origin``, when sent (browsers send it), must be loopback or such a name too, else **403** (``null`` included).

Reads stay open to any Host: ``GET /_sandbox/info`` is how a client tells our sandbox from a live API.

Listings (``/_sandbox/calls``, ``/events``, ``/callbacks``) come in pages: ``limit`` (default
``Limits.admin_page_size``, at most ``Limits.max_admin_page_size``) items whose id is above ``after``; the answer's
``next`` is the path of the next page, or null.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

from starlette.requests import Request

from ..delivery.addresses import host_of_header, is_loopback_host
from ..engine.limits import Limits
from ..spec.validation import is_json_type
from .problems import InvalidParameter, Problem

__all__ = ["Page", "check_write", "page_of", "read_body"]

READS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
WITH_BODY: Final = frozenset({"POST", "PUT", "PATCH"})  # what a page could send cross-site without a preflight


def check_write(request: Request, admin_hosts: Iterable[str] = ()) -> None:
    """Raise a 415 or 403 problem unless ``request`` may change the sandbox."""
    method = request.method.upper()
    if method in READS:
        return
    allowed = {name.lower() for name in admin_hosts}

    def local(name: str) -> bool:
        return bool(name) and (is_loopback_host(name) or name in allowed)

    content_type = request.headers.get("content-type") or ""
    if method in WITH_BODY and not is_json_type(content_type):
        shown = content_type[:100] or "none"
        reason = f"must be application/json (was {shown}): admin writes take JSON only"
        parameter = InvalidParameter("Content-Type", reason)
        raise Problem("unsupported-media-type", "Send admin writes as JSON.", [parameter])
    for header in ("Host", "Origin"):
        value = request.headers.get(header)
        if value is not None and not local(host_of_header(value)):
            reason = f"{value[:100]!r} is not loopback: admin writes are taken from this machine only"
            raise Problem("forbidden", f"Admin writes need a loopback {header}.", [InvalidParameter(header, reason)])


async def read_body(request: Request, limit: int) -> bytes:
    """The body, read as it arrives: a 413 problem as soon as it is larger than ``limit`` bytes (API requests and
    admin writes alike)."""
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem("payload-too-large", f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class Page:
    after: int
    limit: int

    def next(self, path: str, request: Request, last_id: int) -> str:
        kept = [(name, value) for name, value in request.query_params.multi_items() if name not in ("after", "limit")]
        return f"{path}?{urlencode([*kept, ('after', str(last_id)), ('limit', str(self.limit))])}"


def page_of(request: Request, limits: Limits) -> Page:
    """The page asked for; a 400 problem naming ``limit`` or ``after`` when it is not a page the sandbox serves."""
    limit = _integer(request, "limit", limits.admin_page_size, 1, limits.max_admin_page_size)
    after = _integer(request, "after", 0, 0, None)
    return Page(after, limit)


def _integer(request: Request, name: str, default: int, low: int, high: int | None) -> int:
    text = request.query_params.get(name)
    if text is None:
        return default
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
    if value is None or value < low or (high is not None and value > high):
        span = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise Problem("bad-request", f"Invalid {name}.", [InvalidParameter(name, f"must be an integer {span}")])
    return value
