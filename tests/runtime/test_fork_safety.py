"""A client used before os.fork() (gunicorn --preload) opens its own connections in the child.

Before: the child reused the parent's pooled keep-alive socket, so parent and child wrote requests to one
connection and each could read the other's answer (a call record of the other process's call).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import get_call

from tests.runtime.support import APP_ID, call_record
from vonage_voice_client import VoiceClient, connect

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")

# A keep-alive HTTP/1.1 server in its own process (no thread of it is forked with the test): it answers
# GET /v1/calls/<uuid> with that call's record, after a short pause so that concurrent requests overlap, and names
# the client port of the connection that carried the request.
SERVER = textwrap.dedent(
    """
    import json, sys, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    RECORD = json.loads(sys.argv[1])

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            time.sleep(0.02)
            body = json.dumps({**RECORD, "uuid": self.path.rsplit("/", 1)[-1]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Peer-Port", str(self.client_address[1]))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
)


@pytest.fixture
def server() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, json.dumps(call_record())], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    port = process.stdout.readline().strip()
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)
    process.stdout.close()


def calls(client: VoiceClient, count: int) -> list[tuple[str, str, str]]:
    """``count`` get_call requests, each for a fresh uuid: (asked, answered, connection's client port)."""
    seen = []
    for _ in range(count):
        asked = str(uuid.uuid4())
        response = get_call.sync_detailed(asked, client=client)
        assert response.parsed is not None
        seen.append((asked, str(response.parsed.uuid), response.headers["X-Peer-Port"]))
    return seen


def test_parent_and_child_each_use_their_own_connection(rsa_key: rsa.RSAPrivateKey, server: str) -> None:
    client = connect(application_id=APP_ID, private_key=rsa_key, base_url=server)
    ((_, _, parent_port),) = calls(client, 1)  # the parent's pooled keep-alive connection
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: report what it got, then leave without running any of pytest's teardown
        try:
            os.write(write, json.dumps(calls(client, 20)).encode())
        finally:
            os._exit(0)
    os.close(write)
    in_parent = calls(client, 20)
    with os.fdopen(read) as pipe:
        in_child = [tuple(seen) for seen in json.loads(pipe.read() or "[]")]
    os.waitpid(child, 0)
    client.close()

    assert len(in_child) == 20, "the child's calls failed"
    assert all(asked == answered for asked, answered, _ in in_parent + in_child), "an answer crossed processes"
    assert {port for _, _, port in in_parent} == {parent_port}  # the parent keeps its connection
    assert parent_port not in {port for _, _, port in in_child}  # the child opened its own
