"""Downloading a 100 MB recording from a loopback server: memory and speed of ``download_recording``.

* ``recording_rss_growth_mb``: how far the downloading process's resident memory rises above where it stood just
  before the download (its peak, VmHWM, reset first: Linux only), in a fresh process warmed up by a 1 MB download.
  The same figure for raw httpx streaming to a file is kept beside it.
* ``recording_download_ratio``: throughput of ``download_recording(client, url, path)`` (JWT, host rule, retries,
  an atomic write through a temporary file) over raw httpx streaming the same URL to a file
  (``client.stream("GET", ...)``, ``iter_bytes()``, ``file.write``), interleaved rounds, each to a new file;
  higher is better.

The server is a bare ASGI app under uvicorn in a process of its own (it sends one 1 MiB block over and over, so it
costs next to nothing), on 127.0.0.1: the client's ``base_url`` origin, where the host rule lets the JWT go.

    python -m benchmarks.bench_recording_download     # prints the figures; ``make bench`` imports :func:`run`
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

import httpx

from vonage_voice_client import connect, download_recording

from ._common import ROOT, median, paired_ratio, pem, rsa_key, side_by_side

SIZE_MB: Final = 100
BLOCK: Final = 1024 * 1024
WARM_UP_MB: Final = 1
ROUNDS: Final = 9  # a 100 MB download takes a fraction of a second: more rounds steady the median
_START_TIMEOUT: Final = 30.0
_MIB: Final = 1024 * 1024


async def file_app(scope: dict[str, Any], receive: Callable[[], Any], send: Callable[[Any], Any]) -> None:
    """``GET /v1/files/<n>mb``: n MiB of audio/mpeg (any token accepted: the benchmark measures the client)."""
    if scope["type"] != "http":
        return
    name = str(scope["path"]).rsplit("/", 1)[-1]
    blocks = int(name[:-2]) if name.endswith("mb") and name[:-2].isdigit() else 0
    headers = [(b"content-type", b"audio/mpeg"), (b"content-length", str(blocks * BLOCK).encode())]
    await send({"type": "http.response.start", "status": 200 if blocks else 404, "headers": headers})
    block = b"\xff" * BLOCK
    for index in range(blocks):
        await send({"type": "http.response.body", "body": block, "more_body": index < blocks - 1})
    if not blocks:
        await send({"type": "http.response.body", "body": b""})


@contextlib.contextmanager
def file_server() -> Iterator[str]:
    """uvicorn serving :func:`file_app` in a child process; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = "benchmarks.bench_recording_download:file_app"
    command = [sys.executable, "-m", "uvicorn", app, "--port", str(port), "--log-level", "warning"]
    child = subprocess.Popen(command, cwd=ROOT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + _START_TIMEOUT
        while True:
            try:
                httpx.get(f"{base_url}/v1/files/0mb", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or child.poll() is not None:
                    raise RuntimeError("the file server did not start") from None
                time.sleep(0.1)
        yield base_url
    finally:
        child.terminate()
        child.wait(timeout=10)


def _ours(base_url: str, key: bytes) -> Callable[[str, Path], int]:
    client = connect(application_id=str(uuid.uuid4()), private_key=key, base_url=base_url)
    return lambda url, target: download_recording(client, url, target)


def _raw(base_url: str) -> Callable[[str, Path], int]:
    http = httpx.Client(headers={"Authorization": "Bearer benchmark"})

    def download(url: str, target: Path) -> int:
        written = 0
        with http.stream("GET", url) as response, target.open("wb") as file:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                written += file.write(chunk)
        return written

    return download


def _download(variant: str, base_url: str, key: bytes) -> Callable[[str, Path], int]:
    return _ours(base_url, key) if variant == "ours" else _raw(base_url)


def child(variant: str, base_url: str) -> dict[str, float]:
    """In a fresh process: warm up with a small download, reset the peak, download the large file, report the rise."""
    download = _download(variant, base_url, pem(rsa_key()))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "recording.mp3"
        download(f"{base_url}/v1/files/{WARM_UP_MB}mb", target)
        before = _status_kb("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) restarts from the current RSS
        size = download(f"{base_url}/v1/files/{SIZE_MB}mb", target)
        peak = _status_kb("VmHWM")
    if size != SIZE_MB * _MIB:
        raise RuntimeError(f"{variant}: downloaded {size} bytes, not {SIZE_MB * _MIB}")
    return {"growth_mb": (peak - before) / 1024, "baseline_mb": before / 1024}


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field}")


def _in_child(variant: str, base_url: str) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_recording_download", "--child", variant, base_url]
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def run() -> dict[str, float]:
    figures: dict[str, float] = {"recording_size_mb": SIZE_MB}
    with file_server() as base_url:
        ours_memory, raw_memory = _in_child("ours", base_url), _in_child("raw", base_url)
        figures["recording_rss_growth_mb"] = ours_memory["growth_mb"]
        figures["recording_rss_baseline_mb"] = ours_memory["baseline_mb"]
        figures["recording_rss_growth_raw_mb"] = raw_memory["growth_mb"]
        key = pem(rsa_key())
        url = f"{base_url}/v1/files/{SIZE_MB}mb"
        with tempfile.TemporaryDirectory() as folder:
            ours, raw = _ours(base_url, key), _raw(base_url)

            def timed(download: Callable[[str, Path], int], name: str) -> Callable[[], float]:
                def once() -> float:
                    target = Path(folder) / name
                    target.unlink(missing_ok=True)  # a new file each time, its predecessor freed untimed
                    start = time.perf_counter()
                    download(url, target)
                    return time.perf_counter() - start

                return once

            seconds = side_by_side({"ours": timed(ours, "ours.mp3"), "raw": timed(raw, "raw.mp3")}, rounds=ROUNDS)
    figures["recording_download_ratio"] = paired_ratio(seconds["raw"], seconds["ours"])
    figures["recording_mb_per_s_ours"] = SIZE_MB / median(seconds["ours"])
    figures["recording_mb_per_s_raw"] = SIZE_MB / median(seconds["raw"])
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(sys.argv[2], sys.argv[3])))
    else:
        for name, value in run().items():
            print(f"{name}: {value:g}")
