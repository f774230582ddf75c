"""The CLI recipe's hooks (contract_tests/hooks.py): a JWT on every request, and no request that could create or
change a call to anything but our sandbox, loopback or not. Checked in subprocesses: the hooks register themselves
globally (that is how ``SCHEMATHESIS_HOOKS`` works) and guard the process' transport, which must not leak into this
session's runs.

The "live API" is a recording server on 127.0.0.2, a stand-in for an SSH tunnel to the real API.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from contract_tests.support import credentials, wire
from contract_tests.support.recording_server import RecordingAPI, serving
from contract_tests.support.spec import PATCHED_SPEC, ROOT
from vonage_voice_sandbox import running_sandbox

TUNNEL_HOST = "127.0.0.2"  # loopback, and not our sandbox

SCRIPT = textwrap.dedent(
    """
    import sys
    import schemathesis
    from contract_tests import hooks

    sandbox, live = sys.argv[1], sys.argv[2]
    schema = schemathesis.openapi.from_path({spec!r})
    hangup = schema["/v1/calls/{{uuid}}"]["PUT"].Case(path_parameters={{"uuid": "abc"}}, body={{"action": "hangup"}})
    read = schema["/v1/calls"]["GET"].Case()
    for name, base_url in (("sandbox", sandbox), ("live", live)):
        for label, case in (("write", hangup), ("read", read)):
            try:
                hooks.before_call(None, case, {{"base_url": base_url}})
                print(f"{{name}}-{{label}}-allowed")
            except hooks.RefusedByHooks:
                print(f"{{name}}-{{label}}-refused")
    provider = hooks.VonageApplicationJWT()
    provider.set(hangup, provider.get(hangup, None), None)
    print("bearer" if hangup.headers["Authorization"].startswith("Bearer ey") else "no-token")
    """
)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    key = tmp_path / "app.key"
    pem = credentials.test_key().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key.write_bytes(pem)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "VONAGE_APPLICATION_ID": credentials.TEST_APPLICATION_ID,
        "VONAGE_PRIVATE_KEY_PATH": str(key),
        "SCHEMATHESIS_HOOKS": "contract_tests.hooks",
        "PYTHONPATH": str(ROOT),
    }


@pytest.fixture
def tunnel() -> Iterator[tuple[RecordingAPI, str]]:
    recording = RecordingAPI()
    with serving(recording, host=TUNNEL_HOST) as base_url:
        yield recording, base_url


def _probes(recording: RecordingAPI) -> int:
    return sum(r.path == wire.INFO_PATH for r in recording.requests)


def test_hooks_sign_requests_and_refuse_writes_to_anything_but_our_sandbox(
    cli_env: dict[str, str], tunnel: tuple[RecordingAPI, str]
) -> None:
    recording, live = tunnel
    with running_sandbox() as sandbox:
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT.format(spec=str(PATCHED_SPEC)), sandbox.base_url, live],
            cwd=ROOT,
            env=cli_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "sandbox-write-allowed",
        "sandbox-read-allowed",
        "live-write-refused",
        "live-read-allowed",
        "bearer",
    ]
    assert _probes(recording) == 1, "the base URL was not probed exactly once"


def test_the_cli_sends_no_write_to_an_api_that_is_not_our_sandbox(
    cli_env: dict[str, str], tunnel: tuple[RecordingAPI, str]
) -> None:
    """The whole CLI, every phase and check (``ignored_auth`` re-sends included), against the stand-in."""
    recording, live = tunnel
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        "contract_tests/schemathesis.toml",
        "run",
        str(PATCHED_SPEC),
        "--url",
        live,
        "--max-examples",
        "2",
    ]
    done = subprocess.run(command, cwd=ROOT, env=cli_env, capture_output=True, text=True, timeout=300, check=False)
    assert "Hook Error" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    reads = [r for r in recording.requests if r.path.startswith("/v1/calls")]
    assert reads, "the CLI tested nothing"
    assert recording.writes() == [], f"writes reached the API: {recording.writes()[:3]}"
    assert _probes(recording) == 1
