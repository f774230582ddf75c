"""Side by side with the official Vonage SDK (``vonage==4.9.1``), each in a clean venv of its own.

* Cold import: ``from vonage_voice_client import connect; from vonage_voice_api.api.calls import create_call,
  get_call`` against ``from vonage_voice import Voice``, each in a new interpreter, interleaved round by round.
* ``get_call`` against the same sandbox (its own process, loopback): mean latency per call over ``CALLS`` calls
  after a warm-up, ours from its clean venv, the SDK from its own.

The SDK builds every URL as ``https://{api_host}...``; the sandbox speaks plain HTTP on loopback. Its script mounts
a requests adapter that sends those ``https://`` requests as ``http://`` to the same host: the SDK's own work (a
new RS256 JWT per request, pydantic validation, requests) is all still paid, and neither side pays TLS.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

from . import _venvs
from ._common import APP_ID, median, paired_ratio, pem, rsa_key, side_by_side
from ._sandbox_process import sandbox_process

IMPORT_ROUNDS: Final = 9
CALL_ROUNDS: Final = 5
CALLS: Final = 200

IMPORT_OURS: Final = (
    "from vonage_voice_client import connect\nfrom vonage_voice_api.api.calls import create_call, get_call\n"
)
IMPORT_SDK: Final = "from vonage_voice import Voice\n"
TIMED_IMPORT: Final = "import time\nstart = time.perf_counter()\n{body}print((time.perf_counter() - start) * 1000)\n"

GET_OURS: Final = """\
import json, sys, time
from vonage_voice_client import connect
from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.models import CreateCallRequestNcco
s = json.loads(sys.stdin.read())
with connect(application_id=s["app"], private_key=s["pem"].encode(), base_url=s["url"]) as client:
    body = CreateCallRequestNcco.from_dict(s["create"])
    uuid = create_call.sync(client=client, body=body).uuid
    for _ in range(20):
        get_call.sync(uuid, client=client)
    start = time.perf_counter()
    for _ in range(s["calls"]):
        get_call.sync(uuid, client=client)
    print((time.perf_counter() - start) * 1000 / s["calls"])
"""
GET_SDK: Final = """\
import json, sys, time
import requests
from requests.adapters import HTTPAdapter
from vonage import Auth, HttpClientOptions, Vonage
s = json.loads(sys.stdin.read())

class PlainHTTP(HTTPAdapter):  # the sandbox speaks http on loopback; the SDK only builds https URLs
    def send(self, request, **kwargs):
        request.url = request.url.replace("https://", "http://", 1)
        return super().send(request, **kwargs)

host = s["url"].removeprefix("http://")
client = Vonage(Auth(application_id=s["app"], private_key=s["pem"]), HttpClientOptions(api_host=host))
client.http_client._session.mount("https://", PlainHTTP())
created = requests.post(s["url"] + "/v1/calls", json=s["create"], headers={"Authorization": "Bearer " + s["token"]})
uuid = created.json()["uuid"]
for _ in range(20):
    client.voice.get_call(uuid)
start = time.perf_counter()
for _ in range(s["calls"]):
    client.voice.get_call(uuid)
print((time.perf_counter() - start) * 1000 / s["calls"])
"""
CREATE: Final = {
    "to": [{"type": "phone", "number": "447700900000"}],
    "from": {"type": "phone", "number": "447700900001"},
    "ncco": [{"action": "talk", "text": "Hello from the benchmark"}],
}


def _import_ms(interpreter: Path, body: str) -> float:
    return float(_venvs.run_script(interpreter, TIMED_IMPORT.format(body=body)).split()[-1])


def run() -> dict[str, float]:
    ours, sdk = _venvs.ours(), _venvs.sdk()
    imports = side_by_side(
        {"ours": lambda: _import_ms(ours, IMPORT_OURS), "sdk": lambda: _import_ms(sdk, IMPORT_SDK)},
        rounds=IMPORT_ROUNDS,
    )
    key = rsa_key()
    with sandbox_process(APP_ID, pem(key)) as sandbox:
        from vonage_voice_client import VonageJWT  # a token for the SDK side's one create (the SDK has no create here)

        settings = {
            "app": APP_ID,
            "pem": pem(key).decode(),
            "url": sandbox.base_url,
            "calls": CALLS,
            "create": CREATE,
            "token": VonageJWT(APP_ID, key).token(),
        }
        stdin = json.dumps(settings)
        calls = side_by_side(
            {
                "ours": lambda: float(_venvs.run_script(ours, GET_OURS, stdin=stdin).split()[-1]),
                "sdk": lambda: float(_venvs.run_script(sdk, GET_SDK, stdin=stdin).split()[-1]),
            },
            rounds=CALL_ROUNDS,
            warmup=0,
        )
    return {
        "import_ratio_vs_sdk": paired_ratio(imports["ours"], imports["sdk"]),
        "import_ms_clean_ours": median(imports["ours"]),
        "import_ms_clean_sdk": median(imports["sdk"]),
        "get_call_speedup_vs_sdk": paired_ratio(calls["sdk"], calls["ours"]),
        "get_call_ms_ours": median(calls["ours"]),
        "get_call_ms_sdk": median(calls["sdk"]),
    }


def main() -> None:
    for name, value in run().items():
        print(f"{name:28s} {value:10.2f}")


if __name__ == "__main__":
    main()
