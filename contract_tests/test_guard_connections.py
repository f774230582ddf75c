"""The sandbox-or-live decision is checked again on every new connection: a port that answered as our sandbox when
the run began, and serves something else now, gets no write; only a loopback peer, without a proxy, is trusted.

The "something else" is a recording server on loopback that answers ``/_sandbox/info`` like our sandbox until told
to stop: what it recorded is what the API behind a re-used port would have received.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from contract_tests.support import credentials, guard, targets, wire
from contract_tests.support.recording_server import Recorded, RecordingAPI, serving

CREATE = {"to": [{"type": "phone", "number": "447700900000"}], "ncco": [{"action": "talk", "text": "hi"}]}


@dataclass
class MimicAPI(RecordingAPI):
    """A recording API that claims to be our sandbox while ``mimic`` is true."""

    mimic: bool = True

    async def _endpoint(self, request: Request) -> Response:
        if request.url.path == wire.INFO_PATH and self.mimic:
            with self._lock:
                self.requests.append(Recorded("GET", wire.INFO_PATH, "", None))
            return JSONResponse({"sandbox": wire.SANDBOX_NAME, "clock": "real"})
        return await super()._endpoint(request)

    def probes(self) -> int:
        return sum(r.path == wire.INFO_PATH for r in self.requests)


@pytest.fixture
def mimic() -> Iterator[tuple[MimicAPI, str]]:
    api = MimicAPI()
    with serving(api) as base_url:
        yield api, base_url


def _post(base_url: str, session: requests.Session | None = None) -> requests.Response:
    headers = {"Authorization": "Bearer x"}
    return (session or requests).post(f"{base_url}/v1/calls", json=CREATE, headers=headers, timeout=10)


def test_a_port_that_stops_answering_as_the_sandbox_gets_no_write(mimic: tuple[MimicAPI, str]) -> None:
    api, base_url = mimic
    target = targets.at_url(base_url, credentials.test_auth(), environ={})
    assert target.is_sandbox
    assert _post(base_url).status_code == 201  # still our "sandbox": anything goes
    api.mimic = False  # the port now serves something else (the sandbox stopped, a tunnel took its port)
    before = len(api.writes())
    with pytest.raises(wire.TargetChanged, match="does not answer /_sandbox/info"):
        _post(base_url)
    assert len(api.writes()) == before, "a write reached what is no longer the sandbox"
    assert wire.TARGETS.decide(base_url) is not None, "still taken for the sandbox"
    with pytest.raises(guard.GuardRefused):  # from now on the guard decides, with no allow-list
        _post(base_url)
    assert len(api.writes()) == before


def test_every_new_connection_is_checked_and_only_new_ones(mimic: tuple[MimicAPI, str]) -> None:
    api, base_url = mimic
    targets.at_url(base_url, credentials.test_auth(), environ={})
    probes = api.probes()
    _post(base_url)
    _post(base_url)  # requests.post: a new session, so a new connection, each time
    assert api.probes() == probes + 2
    with requests.Session() as session:
        _post(base_url, session)
        _post(base_url, session)  # the same kept-alive connection: checked when it was opened
    assert api.probes() == probes + 3


@pytest.mark.parametrize(
    ("peer", "proxied", "reason"),
    [
        ("192.0.2.7", False, "not a loopback address"),
        (None, False, "not a loopback address"),
        ("127.0.0.1", True, "proxy"),
    ],
)
def test_a_sandbox_is_trusted_only_on_a_loopback_peer_without_a_proxy(
    peer: str | None, proxied: bool, reason: str
) -> None:
    decisions = wire.Targets(probe=lambda base: {"sandbox": wire.SANDBOX_NAME})
    decisions.register("http://localhost:9", None)
    decisions.connected("http", "localhost", 9, "::1")  # confirmed: nothing raised
    assert decisions.decide("http://localhost:9") is None
    with pytest.raises(wire.TargetChanged, match=reason):
        decisions.connected("http", "localhost", 9, peer, proxied=proxied)
    assert decisions.decide("http://localhost:9") is not None


def test_a_host_that_is_not_loopback_is_never_taken_for_the_sandbox() -> None:
    assert wire.probe_sandbox("http://sandbox.example:8000") is None  # not asked: no lookup, no connection
    assert [wire.is_loopback_host(h) for h in ("localhost", "127.0.0.2", "::1", "::ffff:127.0.0.1")] == [True] * 4
    assert [wire.is_loopback_host(h) for h in ("localhost.example", "10.0.0.1", "", None)] == [False] * 4
