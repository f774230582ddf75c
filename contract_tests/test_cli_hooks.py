"""The CLI recipe's hooks (contract_tests/hooks.py): a JWT on every request, and no request that could create or
change a call to anything but loopback. Checked in a subprocess: the hooks register themselves globally (that is how
``SCHEMATHESIS_HOOKS`` works) and must not leak into this session's runs.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from contract_tests.support import credentials
from contract_tests.support.spec import PATCHED_SPEC, ROOT

SCRIPT = textwrap.dedent(
    """
    import schemathesis
    from contract_tests import hooks

    schema = schemathesis.openapi.from_path({spec!r})
    operation = schema["/v1/calls/{{uuid}}"]["PUT"]
    case = operation.Case(path_parameters={{"uuid": "abc"}}, body={{"action": "hangup"}})
    try:
        hooks.before_call(None, case, {{"base_url": "https://api.nexmo.com"}})
    except hooks.RefusedByHooks:
        print("refused-remote")
    hooks.before_call(None, case, {{"base_url": "http://127.0.0.1:8000"}})
    print("allowed-loopback")
    provider = hooks.VonageApplicationJWT()
    provider.set(case, provider.get(case, None), None)
    print("bearer" if case.headers["Authorization"].startswith("Bearer ey") else "no-token")
    """
)


def test_hooks_sign_requests_and_refuse_remote_writes(tmp_path: Path) -> None:
    key = tmp_path / "app.key"
    pem = credentials.test_key().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key.write_bytes(pem)
    env = {"VONAGE_APPLICATION_ID": credentials.TEST_APPLICATION_ID, "VONAGE_PRIVATE_KEY_PATH": str(key)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(spec=str(PATCHED_SPEC))],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["refused-remote", "allowed-loopback", "bearer"]
