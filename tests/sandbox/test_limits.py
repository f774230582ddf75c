"""Everything the sandbox keeps is bounded, with limits a test can make small: calls (the oldest ended ones are
forgotten), events, callbacks, fault rules, registered numbers, the NCCO actions a call may run without time passing,
and the pages of the admin listings. What the default limits cost in memory is measured by ``make bench``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox.support import CALL, Harness, harness, receiver, token_for
from vonage_voice_sandbox import Limits, VoiceSandbox, running_sandbox

BUSY = "15550000001"  # busy after 1 s: an ended call
LONG = [{"action": "talk", "text": "x" * 600}]  # 40 s of speech: an active call


@pytest.fixture
async def small(rsa_key: rsa.RSAPrivateKey) -> AsyncIterator[Harness]:
    limits = Limits(max_calls=3, max_events=6, max_callbacks=4, max_fault_rules=2, max_registered_numbers=2,
                    max_instant_steps=5, admin_page_size=2, max_admin_page_size=3)  # fmt: skip
    async with harness(rsa_key, limits=limits) as running:
        yield running


async def get(sandbox: Harness, path: str, **params: Any) -> Any:
    response = await sandbox.client.get(path, params=params or None)  # params={} would drop the path's query
    assert response.status_code == 200, response.text
    return response.json()


# --- calls ------------------------------------------------------------------------------------------------------


async def test_ended_calls_past_the_cap_are_forgotten_oldest_first(small: Harness) -> None:
    ended = [(await small.create(BUSY))["uuid"] for _ in range(3)]
    await small.advance(2)  # all three are busy now
    newer = [(await small.create(BUSY))["uuid"] for _ in range(2)]
    assert list(small.app.sandbox.store.calls) == [ended[2], *newer]
    assert (await small.client.get(f"/v1/calls/{ended[0]}", headers=small.headers)).status_code == 404
    listed = (await small.client.get("/v1/calls", headers=small.headers)).json()
    assert listed["count"] == 3


async def test_a_new_call_is_refused_when_every_kept_call_is_active(small: Harness) -> None:
    for _ in range(3):
        await small.create(ncco=LONG)
    refused = await small.client.post("/v1/calls", json={"to": [{"type": "phone", "number": "14155550100"}],
                                                          "from": {"type": "phone", "number": "14155550101"},
                                                          "ncco": LONG}, headers=small.headers)  # fmt: skip
    assert refused.status_code == 429
    assert "max_calls" in refused.json()["detail"]
    assert len(small.app.sandbox.store.calls) == 3


async def test_timers_of_forgotten_calls_do_not_pile_up(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, limits=Limits(max_calls=10)) as sandbox:
        for _ in range(40):
            for _ in range(10):
                await sandbox.create()  # answered at 4 s, completed at 5.5 s: its length_timer (2 h) is dead
            await sandbox.advance(6)
        store = sandbox.app.sandbox.store
        assert len(store.calls) == 10
        # 400 dead length timers without compaction; at most twice the live ones (here none) plus 64 with it
        assert store.timer_count <= 2 * 8 * len(store.calls) + 64


# --- logs, rules, numbers ---------------------------------------------------------------------------------------


async def test_events_and_callbacks_keep_the_newest(small: Harness) -> None:
    with receiver() as hook:
        await small.create(BUSY, event_url=[hook.url("/event")])  # started, busy
        await small.create(BUSY, event_url=[hook.url("/event")])
        await small.create(BUSY, event_url=[hook.url("/event")])
        await small.advance(2)
    events = await all_pages(small, "/_sandbox/events", "events")
    assert [event["id"] for event in events] == [1, 2, 3, 4, 5, 6]
    callbacks = await all_pages(small, "/_sandbox/callbacks", "callbacks")
    assert [callback["id"] for callback in callbacks] == [3, 4, 5, 6]
    await small.create(BUSY)
    assert [event["id"] for event in await all_pages(small, "/_sandbox/events", "events")] == [2, 3, 4, 5, 6, 7]


async def test_fault_rules_are_capped(small: Harness) -> None:
    assert (await small.client.post("/_sandbox/faults", json={"status": 503, "path": "/a"})).status_code == 201
    three = [{"status": 503, "path": "/b"}, {"status": 503, "path": "/c"}]
    refused = await small.client.post("/_sandbox/faults", json=three)
    assert refused.status_code == 400
    assert refused.json()["invalid_parameters"][0]["name"] == "rule"
    assert "max_fault_rules" in refused.json()["invalid_parameters"][0]["reason"]
    assert len(small.app.sandbox.faults.rules()) == 1, "all or nothing"
    assert (await small.client.post("/_sandbox/faults", json=three[0])).status_code == 201


async def test_registered_numbers_are_capped(small: Harness) -> None:
    for _ in range(2):
        assert (await small.client.post("/_sandbox/scenarios", json={"dtmf": ["1"]})).status_code == 201
    refused = await small.client.post("/_sandbox/scenarios", json={"dtmf": ["1"]})
    assert refused.status_code == 400
    assert "max_registered_numbers" in refused.json()["invalid_parameters"][0]["reason"]


async def test_a_calls_own_lists_are_capped(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, limits=Limits(max_call_log=3)) as sandbox:
        call = await sandbox.create(ncco=LONG)
        await sandbox.advance(5)
        for _ in range(5):
            assert (await sandbox.put(call["uuid"], "", {"action": "mute"})).status_code == 204
        assert len((await sandbox.internals(call["uuid"]))["controls"]) == 3


@pytest.mark.parametrize(
    "limits",
    [{"max_calls": 0}, {"max_events": -1}, {"admin_page_size": 5, "max_admin_page_size": 4}, {"max_instant_steps": 0}],
)
def test_nonsense_limits_are_refused(limits: dict[str, int]) -> None:
    with pytest.raises(ValueError, match=next(iter(limits))):
        Limits(**limits)


# --- the NCCO cannot run away -----------------------------------------------------------------------------------


async def test_a_notify_answered_with_itself_ends_the_call_with_an_error(small: Harness) -> None:
    with receiver() as hook:
        loop = [{"action": "notify", "payload": {"again": True}, "eventUrl": [hook.url("/notify")]}]
        hook.replies["/notify"] = (200, loop)
        call = await small.create(ncco=loop)
        await asyncio.wait_for(small.advance(5), timeout=20)  # before the bound: never returned
    assert len(hook.on("/notify")) == 5
    assert await small.status(call["uuid"]) == "completed"
    [error] = await small.events(call["uuid"], "error")
    assert "5 NCCO actions" in error["payload"]["reason"]
    assert (await small.internals(call["uuid"]))["errors"] == [{"reason": error["payload"]["reason"],
                                                                "at": error["created_at"]}]  # fmt: skip


async def test_instant_actions_past_the_bound_end_the_call(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, limits=Limits(max_instant_steps=5)) as sandbox:
        call = await sandbox.create(ncco=[{"action": "record"}] * 6 + [{"action": "talk", "text": "never said"}])
        await sandbox.advance(5)
        kinds = [e["type"] for e in await sandbox.events(call["uuid"])]
    assert kinds == ["started", "ringing", "answered", "error", "completed"] + ["record"] * 5  # the talk never ran


async def test_a_loop_that_lets_time_pass_is_not_cut_short(rsa_key: rsa.RSAPrivateKey) -> None:
    async with harness(rsa_key, limits=Limits(max_instant_steps=5)) as sandbox:
        with receiver() as hook:
            loop = [
                {"action": "talk", "text": "x" * 15},  # 1 s
                {"action": "notify", "payload": {}, "eventUrl": [hook.url("/notify")]},
            ]
            hook.replies["/notify"] = (200, loop)
            call = await sandbox.create(ncco=loop)
            await sandbox.advance(4)  # answered: the first talk starts
            for _ in range(12):  # a second at a time: each talk ends exactly when an advance does
                await sandbox.advance(1)
        assert len(hook.on("/notify")) == 12
        assert await sandbox.status(call["uuid"]) == "answered"
        assert await sandbox.events(call["uuid"], "error") == []


# --- admin listings come in pages -------------------------------------------------------------------------------


async def all_pages(sandbox: Harness, path: str, key: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = path
    for _ in range(100):  # bounded: a listing that never ends fails here
        page = await get(sandbox, url or path)
        assert len(page[key]) <= 3
        items += page[key]
        url = page["next"]
        if url is None:
            return items
    raise AssertionError("the pages never ended")


async def test_admin_listings_are_paged(small: Harness) -> None:
    made = [(await small.create(ncco=LONG))["uuid"] for _ in range(3)]
    page = await get(small, "/_sandbox/calls")
    assert [call["record"]["uuid"] for call in page["calls"]] == made[:2]  # admin_page_size
    assert page["next"].startswith("/_sandbox/calls?")
    assert [call["record"]["uuid"] for call in await all_pages(small, "/_sandbox/calls", "calls")] == made
    events = await get(small, "/_sandbox/events", limit=3, call_uuid=made[2])
    assert [e["type"] for e in events["events"]] == ["started"] and events["next"] is None


@pytest.mark.parametrize("params", [{"limit": 4}, {"limit": 0}, {"limit": "many"}, {"after": "x"}, {"after": -1}])
@pytest.mark.parametrize("path", ["/_sandbox/calls", "/_sandbox/events", "/_sandbox/callbacks"])
async def test_a_page_beyond_the_limits_is_refused(small: Harness, path: str, params: dict[str, Any]) -> None:
    response = await small.client.get(path, params=params)
    assert response.status_code == 400
    assert response.json()["invalid_parameters"][0]["name"] == next(iter(params))


def test_the_fixtures_read_every_page(rsa_pem: bytes) -> None:
    with running_sandbox(private_key_pem=rsa_pem, limits=Limits(admin_page_size=1)) as running:
        sandbox = VoiceSandbox(running)
        try:
            sandbox.advance(0)
            assert sandbox.events() == []
            headers = token_for(running.application_id, rsa_pem)
            for _ in range(3):
                httpx.post(f"{running.base_url}/v1/calls", json=CALL, headers=headers).raise_for_status()
            sandbox.advance(60)
            assert len(sandbox.events()) == 12
            assert len(running.events()) == 12
        finally:
            sandbox.close()
