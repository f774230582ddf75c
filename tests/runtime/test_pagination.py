"""iter_calls / aiter_calls walk every page and stop on the last page, an empty page, or when count is reached."""

from __future__ import annotations

import typing
import uuid
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_calls

from tests.runtime.support import call_record, mock_client
from vonage_voice_client import aiter_calls, iter_calls


class CallsServer:
    """Serves GET /v1/calls over ``total`` records the way the API pages them (next absent on the last page)."""

    def __init__(self, total: int, *, omit_next: bool = False) -> None:
        self.records = [call_record(uuid=str(uuid.UUID(int=i + 1))) for i in range(total)]
        self.omit_next = omit_next
        self.requests: list[dict[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        query = dict(request.url.params)
        self.requests.append(query)
        size, index = int(query["page_size"]), int(query["record_index"])
        page = self.records[index : index + size]

        def href(at: int) -> dict[str, str]:
            return {"href": f"/v1/calls?page_size={size}&record_index={at}"}

        links: dict[str, Any] = {"self": href(index), "first": href(0), "last": href(max(0, len(self.records) - size))}
        if index + size < len(self.records) and not self.omit_next:
            links["next"] = href(index + size)
        body = {"count": len(self.records), "page_size": size, "record_index": index, "_links": links}
        body["_embedded"] = {"calls": page}
        return httpx.Response(200, json=body)


@pytest.mark.parametrize(("total", "page_size"), [(0, 10), (1, 10), (10, 10), (250, 100), (250, 7)])
def test_each_call_exactly_once_sync(rsa_key: rsa.RSAPrivateKey, total: int, page_size: int) -> None:
    server = CallsServer(total)
    with mock_client(rsa_key, server) as client:
        seen = [str(call.uuid) for call in iter_calls(client, page_size=page_size, status="completed")]
    assert seen == [r["uuid"] for r in server.records]
    assert len(server.requests) == max(1, -(-total // page_size))
    assert all(q["status"] == "completed" for q in server.requests), "filters go with every page"


@pytest.mark.parametrize(("total", "page_size"), [(0, 10), (1, 10), (10, 10), (250, 100)])
async def test_each_call_exactly_once_async(rsa_key: rsa.RSAPrivateKey, total: int, page_size: int) -> None:
    server = CallsServer(total)
    async with mock_client(rsa_key, server) as client:
        seen = [str(call.uuid) async for call in aiter_calls(client, page_size=page_size)]
    assert seen == [r["uuid"] for r in server.records]


def test_stops_when_count_is_reached_even_if_a_next_link_lingers(rsa_key: rsa.RSAPrivateKey) -> None:
    server = CallsServer(20)
    original = server.__call__

    def always_next(request: httpx.Request) -> httpx.Response:
        response = original(request)
        body = response.json()
        body["_links"]["next"] = {"href": "/v1/calls?page_size=10&record_index=999"}
        return httpx.Response(200, json=body)

    with mock_client(rsa_key, always_next) as client:
        assert len(list(iter_calls(client, page_size=10))) == 20


def test_an_empty_page_ends_the_walk(rsa_key: rsa.RSAPrivateKey) -> None:
    links = {"self": {"href": "/v1/calls?record_index=0"}, "next": {"href": "/v1/calls?record_index=10"}}
    body = {"count": 50, "page_size": 10, "record_index": 0, "_links": links}
    requests: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(1)
        return httpx.Response(200, json=body | {"_embedded": {"calls": []}})

    with mock_client(rsa_key, handler) as client:
        assert list(iter_calls(client)) == []
    assert len(requests) == 1


def test_the_walkers_take_exactly_the_get_calls_filters_with_their_types() -> None:
    """A spec update that adds, renames or retypes a getCalls filter fails here, naming it."""
    operation = typing.get_type_hints(get_calls.sync)
    for walker in (iter_calls, aiter_calls):
        params = typing.get_type_hints(walker)
        assert set(params) == set(operation), f"{walker.__name__} and getCalls differ: {set(params) ^ set(operation)}"
        for name in set(operation) - {"client", "page_size", "record_index", "return"}:
            assert params[name] == operation[name], name


def test_a_page_without_a_next_link_is_the_last(rsa_key: rsa.RSAPrivateKey) -> None:
    """The API omits ``next`` on the last page; the walk trusts that over a ``count`` that says more remain."""
    server = CallsServer(250, omit_next=True)
    with mock_client(rsa_key, server) as client:
        seen = [str(call.uuid) for call in iter_calls(client, page_size=100)]
    assert seen == [r["uuid"] for r in server.records[:100]]
    assert [q["record_index"] for q in server.requests] == ["0"]


async def test_a_page_without_a_next_link_is_the_last_async(rsa_key: rsa.RSAPrivateKey) -> None:
    server = CallsServer(250, omit_next=True)
    async with mock_client(rsa_key, server) as client:
        seen = [str(call.uuid) async for call in aiter_calls(client, page_size=100)]
    assert seen == [r["uuid"] for r in server.records[:100]]
    assert [q["record_index"] for q in server.requests] == ["0"]
