"""getCalls: filters, order, pages and ``_links`` like the API's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import Harness, harness

BUSY = "15550000001"


@pytest.fixture
async def sandbox(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    async with harness(rsa_key) as running:
        yield running


@pytest.fixture
async def calls(sandbox: Harness) -> list[str]:
    """25 calls created one second apart (2024-04-19T01:34:18Z onwards); every fifth one is busy."""
    created = []
    for index in range(25):
        created.append((await sandbox.create(BUSY if index % 5 == 0 else "14155550100"))["uuid"])
        await sandbox.advance(1)
    await sandbox.advance(60)  # all of them ended: busy or completed
    return created


async def page(sandbox: Harness, **params: Any) -> dict[str, Any]:
    response = await sandbox.client.get("/v1/calls", params=params, headers=sandbox.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def link_params(body: dict[str, Any], name: str) -> dict[str, str]:
    href = body["_links"][name]["href"]
    assert urlsplit(href).path == "/v1/calls"
    return dict(parse_qsl(urlsplit(href).query))


async def test_the_first_page(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, page_size=10)
    assert (body["count"], body["page_size"], body["record_index"]) == (25, 10, 0)
    assert [c["uuid"] for c in body["_embedded"]["calls"]] == calls[:10]
    assert set(body["_links"]) == {"self", "first", "last", "next"}
    assert body["_links"]["self"]["href"] == "/v1/calls?page_size=10&record_index=0&order=asc"
    assert body["_links"]["next"]["href"] == "/v1/calls?page_size=10&record_index=10&order=asc"
    assert body["_links"]["last"]["href"] == "/v1/calls?page_size=10&record_index=20&order=asc"


async def test_a_middle_page_links_both_ways(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, page_size=10, record_index=10)
    assert [c["uuid"] for c in body["_embedded"]["calls"]] == calls[10:20]
    assert link_params(body, "prev")["record_index"] == "0"
    assert link_params(body, "next")["record_index"] == "20"


async def test_the_last_page_has_no_next(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, page_size=10, record_index=20)
    assert [c["uuid"] for c in body["_embedded"]["calls"]] == calls[20:]
    assert "next" not in body["_links"]
    assert link_params(body, "prev")["record_index"] == "10"


async def test_past_the_end_the_page_is_empty_and_prev_is_the_last_page(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, page_size=10, record_index=40)
    assert body["_embedded"]["calls"] == []
    assert body["count"] == 25
    assert "next" not in body["_links"]
    assert link_params(body, "prev")["record_index"] == "20"


async def test_following_next_visits_every_call_once(sandbox: Harness, calls: list[str]) -> None:
    seen: list[str] = []
    params: dict[str, Any] = {"page_size": 7}
    while True:
        body = await page(sandbox, **params)
        seen += [c["uuid"] for c in body["_embedded"]["calls"]]
        if "next" not in body["_links"]:
            break
        params = link_params(body, "next")
    assert seen == calls


async def test_descending_order(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, order="desc", page_size=3)
    assert [c["uuid"] for c in body["_embedded"]["calls"]] == calls[::-1][:3]
    assert link_params(body, "next") == {"page_size": "3", "record_index": "3", "order": "desc"}


async def test_status_filter_counts_and_keeps_the_filter_in_links(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, status="busy", page_size=2)
    assert body["count"] == 5
    assert [c["uuid"] for c in body["_embedded"]["calls"]] == [calls[0], calls[5]]
    assert {c["status"] for c in body["_embedded"]["calls"]} == {"busy"}
    assert link_params(body, "next") == {"page_size": "2", "record_index": "2", "order": "asc", "status": "busy"}
    assert link_params(body, "last")["record_index"] == "4"


async def test_date_range_filter(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, date_start="2024-04-19T01:34:20Z", date_end="2024-04-19T01:34:22Z")
    assert [c["uuid"] for c in body["_embedded"]["calls"]] == calls[2:5]
    assert link_params(body, "self")["date_start"] == "2024-04-19T01:34:20Z"
    offset = await page(sandbox, date_start="2024-04-19T03:34:40+02:00")  # an offset other than Z
    assert [c["uuid"] for c in offset["_embedded"]["calls"]] == calls[22:]


async def test_conversation_filter(sandbox: Harness, calls: list[str]) -> None:
    record = await sandbox.record(calls[3])
    body = await page(sandbox, conversation_uuid=record["conversation_uuid"])
    assert body["count"] == 1
    assert body["_embedded"]["calls"] == [record]


async def test_no_match_is_an_empty_page_with_self_first_and_last(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox, status="rejected")
    assert body["count"] == 0
    assert body["_embedded"]["calls"] == []
    assert set(body["_links"]) == {"self", "first", "last"}


async def test_defaults_come_from_the_spec(sandbox: Harness, calls: list[str]) -> None:
    body = await page(sandbox)
    assert (body["page_size"], body["record_index"]) == (10, 0)


@pytest.mark.parametrize(
    "params",
    [{"page_size": 0}, {"page_size": 101}, {"page_size": "ten"}, {"status": "sleeping"}, {"order": "up"},
     {"date_start": "yesterday"}, {"conversation_uuid": "not-a-conversation"}],
)  # fmt: skip
async def test_invalid_filters_are_named(sandbox: Harness, params: dict[str, Any]) -> None:
    response = await sandbox.client.get("/v1/calls", params=params, headers=sandbox.headers)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_parameters"]] == list(params)
