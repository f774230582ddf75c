"""Per-request overhead in memory: our client (generated operation + runtime + auth) over raw httpx.

Both sides send through one :class:`~benchmarks._common.CannedTransport` class, so no network is involved and what
is left is the client code. The floor is what a user of bare httpx writes: ``client.get``/``client.post`` on an
``httpx.Client`` with the URL built by hand, a ready bearer token in the headers, and ``json.loads`` of the body.
Ours is ``get_call.sync`` / ``create_call.sync`` on :func:`vonage_voice_client.connect`: request building by the
generated operation, VonageJWT (cached token), the retry transport, typed-error checks and the parsed model.
The request model for POST is built once, outside the timing, as the floor's dict is.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Final

import httpx
from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.models import CreateCallRequestNcco

from vonage_voice_client import VoiceClient, connect

from ._common import (
    APP_ID,
    CALL_UUID,
    CREATE_CALL_REQUEST,
    CannedTransport,
    median,
    paired_ratio,
    per_call_us,
    rsa_key,
    side_by_side,
)

BASE_URL: Final = "http://127.0.0.1:9"
REQUESTS_PER_ROUND: Final = 500
ROUNDS: Final = 25


def our_client() -> VoiceClient:
    return connect(application_id=APP_ID, private_key=rsa_key(), base_url=BASE_URL, transport=CannedTransport())


def raw_client() -> httpx.Client:
    return httpx.Client(base_url=BASE_URL, transport=CannedTransport())


def operations(ours: VoiceClient, raw: httpx.Client) -> dict[str, Callable[[], object]]:
    """One request of each kind, ours and the floor's; each returns the parsed body."""
    auth = {"Authorization": f"Bearer {ours.auth.token()}"}
    body = CreateCallRequestNcco.from_dict(CREATE_CALL_REQUEST)
    raw_body = body.to_dict()  # the same JSON on both sides
    http = ours.get_httpx_client()

    def ours_get() -> object:
        return get_call.sync(CALL_UUID, client=ours)

    def runtime_get() -> object:  # our httpx client (auth, retries, error check) without the generated operation
        return json.loads(http.get(f"/v1/calls/{CALL_UUID}").content)

    def raw_get() -> object:
        return json.loads(raw.get(f"/v1/calls/{CALL_UUID}", headers=auth).content)

    def ours_post() -> object:
        return create_call.sync(client=ours, body=body)

    def raw_post() -> object:
        return json.loads(raw.post("/v1/calls", json=raw_body, headers=auth).content)

    return {
        "ours_get": ours_get,
        "runtime_get": runtime_get,
        "raw_get": raw_get,
        "ours_post": ours_post,
        "raw_post": raw_post,
    }


def run() -> dict[str, float]:
    """Microseconds per request on each side, and ``overhead_ratio_*`` = ours / floor (median of paired rounds).

    ``inmemory_get_runtime_us`` is a GET through our httpx client alone (VonageJWT, retry transport, error check),
    without the generated operation: it splits the overhead between the runtime and the generated code.
    """
    with our_client() as ours, raw_client() as raw:
        calls = operations(ours, raw)
        times = side_by_side({name: _timer(call) for name, call in calls.items()}, rounds=ROUNDS)
    return {
        "inmemory_get_ours_us": median(times["ours_get"]),
        "inmemory_get_raw_us": median(times["raw_get"]),
        "overhead_ratio_get_inmemory": paired_ratio(times["ours_get"], times["raw_get"]),
        "inmemory_get_runtime_us": median(times["runtime_get"]),
        "inmemory_post_ours_us": median(times["ours_post"]),
        "inmemory_post_raw_us": median(times["raw_post"]),
        "overhead_ratio_post_inmemory": paired_ratio(times["ours_post"], times["raw_post"]),
    }


def _timer(call: Callable[[], object]) -> Callable[[], float]:
    # CPU time of this process: nothing here waits, and other processes' load does not count against either side.
    return lambda: per_call_us(call, REQUESTS_PER_ROUND, time.process_time)


def main() -> None:
    for name, value in run().items():
        print(f"{name:32s} {value:10.2f}")


if __name__ == "__main__":
    main()
