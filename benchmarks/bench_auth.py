"""Auth cost per request: VonageJWT's cached token vs signing a new token for every request.

The official Python SDK signs a fresh JWT for every request with ``jwt.encode(claims, pem_string, "RS256")``, so PyJWT
parses the PEM each time. VonageJWT parses the key once and reuses one token until it nears expiry. This measures
both, per request, and the number of tokens signed over 1,000 requests.

Run it with ``PYTHONPATH=src python benchmarks/bench_auth.py``; ``make bench`` imports :func:`run`.
"""

from __future__ import annotations

import contextlib
import math
import time
import uuid
from collections.abc import Callable

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_client.auth import VonageJWT

APP_ID = "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f"
URL = "https://api.nexmo.com/v1/calls"
CACHED_ROUNDS = 20_000
SIGNING_ROUNDS = 20
REPEATS = 3


def _pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _best_us(operation: Callable[[], object], rounds: int) -> float:
    """Microseconds per call, best of REPEATS runs (the least disturbed by other work on the machine)."""
    best = math.inf
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(rounds):
            operation()
        best = min(best, (time.perf_counter() - start) / rounds)
    return best * 1e6


def _cached_request(auth: VonageJWT) -> Callable[[], object]:
    """One pass of VonageJWT's auth flow for a request that succeeds: what httpx runs per request."""
    request = httpx.Request("GET", URL)
    ok = httpx.Response(200)

    def once() -> None:
        flow = auth.auth_flow(request)
        next(flow)
        with contextlib.suppress(StopIteration):  # the flow ends: a 200 needs no retry
            flow.send(ok)

    return once


def _signing_request(pem: str) -> Callable[[], object]:
    """What the official SDK does per request: new claims, PyJWT encode with the PEM string, set the header."""
    request = httpx.Request("GET", URL)

    def once() -> None:
        iat = int(time.time())
        claims = {"application_id": APP_ID, "iat": iat, "jti": str(uuid.uuid4()), "exp": iat + 900}
        request.headers["Authorization"] = f"Bearer {jwt.encode(claims, pem, algorithm='RS256')}"

    return once


def _signings_per_1000(pem: str) -> int:
    """Tokens signed for 1,000 requests through one client (real clock: one token; two if it crosses a renewal)."""
    auth = VonageJWT(APP_ID, pem)
    with httpx.Client(auth=auth, transport=httpx.MockTransport(lambda request: httpx.Response(200))) as client:
        for _ in range(1000):
            client.get(URL)
    return auth.signings


def run() -> dict[str, float]:
    """Measure and return the figures.

    ``auth_cached_vs_signing_ratio`` is ``auth_signing_us / auth_cached_us``: how many times more a request costs
    when a token is signed for it than when the cached token is used.
    """
    pem = _pem()
    cached = _best_us(_cached_request(VonageJWT(APP_ID, pem)), CACHED_ROUNDS)
    signing = _best_us(_signing_request(pem), SIGNING_ROUNDS)
    return {
        "auth_cached_us": cached,
        "auth_signing_us": signing,
        "auth_cached_vs_signing_ratio": signing / cached,
        "signings_per_1000": float(_signings_per_1000(pem)),
    }


def main() -> None:
    results = run()
    print(f"auth per request, cached token (VonageJWT):        {results['auth_cached_us']:10.1f} us")
    print(f"auth per request, signing with the PEM (SDK way):  {results['auth_signing_us']:10.1f} us")
    print(f"signing every request costs {results['auth_cached_vs_signing_ratio']:,.0f}x the cached token")
    print(f"tokens signed for 1,000 requests:                  {results['signings_per_1000']:10.0f}")


if __name__ == "__main__":
    main()
