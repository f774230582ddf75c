"""Validate an outgoing ``httpx.Request`` against the patched spec with openapi-core.

openapi-core ships adapters for requests, werkzeug and several frameworks but not for httpx; its request protocol is
small (host_url, path, method, body, content_type, parameters), so this module implements it directly instead of
converting through another library's request type.
"""

from __future__ import annotations

import functools
from urllib.parse import parse_qsl, urlsplit

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .spec import PATCHED_SPEC


class HttpxOpenAPIRequest:
    """An ``httpx.Request`` seen through openapi-core's ``Request`` protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        url = urlsplit(str(request.url))
        self._host_url = f"{url.scheme}://{url.netloc}"
        self._path = request.url.path  # percent-decoded, as a server's router sees it
        cookies = ImmutableMultiDict(parse_qsl(request.headers.get("cookie", "").replace("; ", "&")))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(url.query, keep_blank_values=True)),
            header=Headers(list(request.headers.multi_items())),
            cookie=cookies,
        )

    @property
    def host_url(self) -> str:
        return self._host_url

    @property
    def path(self) -> str:
        return self._path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self.request.content or None

    @property
    def content_type(self) -> str:
        return str(self.request.headers.get("content-type", "application/octet-stream")).lower()


@functools.cache
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(PATCHED_SPEC))


def request_errors(request: httpx.Request) -> list[str]:
    """Everything openapi-core finds wrong with ``request`` (server, path, method, parameters, security, body)."""
    return [_describe(error) for error in openapi().iter_request_errors(HttpxOpenAPIRequest(request))]


def _describe(error: BaseException) -> str:
    causes = []
    cause = error.__cause__
    while cause is not None:
        causes.append(f"{type(cause).__name__}: {cause}")
        inner = getattr(cause, "schema_errors", None)
        if inner:
            causes.extend(f"  - {getattr(item, 'message', item)!s}" for item in inner)
        cause = cause.__cause__
    return "\n".join([f"{type(error).__name__}: {error}", *causes])
