"""``python -m vonage_voice_sandbox`` (``make sandbox``) signs its callbacks and prints the secret among its exports.

With those exports, the README's Starlette webhook app, served by uvicorn in its own process as a user runs it,
accepts the callbacks of a call placed through the sandbox: 200 and 204, not 401.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from vonage_voice_api.api.calls import create_call
from vonage_voice_api.models import CreateCallRequestAnswerUrl, EndpointPhoneTo

from vonage_voice_client import connect

README = Path(__file__).resolve().parents[2] / "README.md"
FENCE = re.compile(r"^```python\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
SECRET = "VONAGE_SIGNATURE_SECRET"


def readme_starlette_app() -> str:
    """The README's Starlette example: the block that reads the secret from the environment and serves an app."""
    found = [
        code
        for code in FENCE.findall(README.read_text(encoding="utf-8"))
        if "import event_from_request" in code and f'os.environ["{SECRET}"]' in code
    ]
    assert len(found) == 1, "README.md should have one Starlette app reading VONAGE_SIGNATURE_SECRET"
    return str(found[0])


@contextmanager
def cli_sandbox(*options: str, env: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """Run the CLI on a free port with a virtual clock; yield the variables it says to export."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("VONAGE_")}
    environment |= {"PYTHONUNBUFFERED": "1", **(env or {})}
    command = [sys.executable, "-m", "vonage_voice_sandbox", "--port", "0", "--virtual-clock", "--log-level", "warning"]
    process = subprocess.Popen(
        [*command, *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    try:
        yield read_exports(process)
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)


def read_exports(process: subprocess.Popen[str]) -> dict[str, str]:
    assert process.stdout is not None
    exports: dict[str, str] = {}
    deadline = time.monotonic() + 30
    while "VONAGE_BASE_URL" not in exports and time.monotonic() < deadline:  # the last export printed
        line = process.stdout.readline()
        if not line:
            break
        if line.strip().startswith("export "):
            name, _, value = line.strip().removeprefix("export ").partition("=")
            exports[name] = value
    assert "VONAGE_BASE_URL" in exports, f"the sandbox printed no exports: {exports}"
    return exports


@contextmanager
def uvicorn_app(directory: Path, module: str, env: dict[str, str]) -> Iterator[str]:
    """Serve ``module:app`` with uvicorn in its own process, with ``env`` exported, on a free loopback port."""
    listener = socket.create_server(("127.0.0.1", 0))  # listening already: requests wait until uvicorn accepts
    base, fd = f"http://127.0.0.1:{listener.getsockname()[1]}", listener.fileno()
    command = [sys.executable, "-m", "uvicorn", f"{module}:app", "--fd", str(fd), "--log-level", "warning"]
    process = subprocess.Popen(
        command,
        cwd=directory,
        env={**os.environ, **env},
        pass_fds=[fd],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    listener.close()  # uvicorn holds the only copy: if it dies, requests are refused instead of waiting
    try:
        try:
            httpx.get(f"{base}/answer", timeout=30)  # an unsigned request: any answer says the app is up
        except httpx.HTTPError as exc:
            process.kill()
            raise AssertionError(f"the README's app did not start: {exc}\n{process.communicate()[0]}") from exc
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=10)


def call_through(exports: dict[str, str], app: str) -> list[dict[str, Any]]:
    """Place a call whose answer and event URLs are ``app``'s, let it end; the callbacks the sandbox sent."""
    with connect(
        application_id=exports["VONAGE_APPLICATION_ID"],
        private_key=Path(exports["VONAGE_PRIVATE_KEY_PATH"]),
        base_url=exports["VONAGE_BASE_URL"],
        max_retries=0,
    ) as client:
        body = CreateCallRequestAnswerUrl(
            to=[EndpointPhoneTo(number="14155550100")],
            random_from_number=True,
            answer_url=[f"{app}/answer"],
            event_url=[f"{app}/event"],
        )
        uuid = create_call.sync(client=client, body=body).uuid
    with httpx.Client(base_url=f"{exports['VONAGE_BASE_URL']}/_sandbox", timeout=60) as admin:
        admin.post("/clock/advance", json={"seconds": 60}).raise_for_status()  # events are delivered before it answers
        page = admin.get("/callbacks", params={"call_uuid": str(uuid)}).json()
    assert page["next"] is None
    return list(page["callbacks"])


def test_the_readme_app_accepts_the_signed_callbacks_of_make_sandbox(tmp_path: Path) -> None:
    (tmp_path / "webhooks.py").write_text(readme_starlette_app(), encoding="utf-8")
    with cli_sandbox() as exports:
        assert len(exports.get(SECRET, "")) >= 32  # a new random secret, given to the app below
        with uvicorn_app(tmp_path, "webhooks", exports) as app:
            callbacks = call_through(exports, app)
    answered = [(c["type"], c["signed"], c["status_code"]) for c in callbacks]
    assert answered == [
        ("started", True, 204),
        ("ringing", True, 204),
        ("answered", True, 204),
        ("answer", True, 200),  # the answer URL is fetched once the callee answers
        ("completed", True, 204),
    ]
    [answer] = [c["answer"] for c in callbacks if c["type"] == "answer"]
    assert "Hello, caller from" in answer[0]["text"]  # the app's NCCO, which the call then ran


def test_the_secret_comes_from_the_environment_when_one_is_exported() -> None:
    with cli_sandbox(env={SECRET: "a secret the application already uses"}) as exports:
        assert exports[SECRET] == "'a secret the application already uses'"  # quoted for the shell


def test_unsigned_callbacks_are_refused_by_the_readme_app(tmp_path: Path) -> None:
    (tmp_path / "webhooks.py").write_text(readme_starlette_app(), encoding="utf-8")
    with cli_sandbox("--unsigned") as exports:
        assert SECRET not in exports
        with uvicorn_app(tmp_path, "webhooks", {**exports, SECRET: "s" * 32}) as app:
            callbacks = call_through(exports, app)
    assert callbacks
    assert {(c["signed"], c["status_code"]) for c in callbacks} == {(False, 401)}
