"""`make demo`: place a call with a talk NCCO against the embedded sandbox and follow it to completed.

Run it with ``python examples/demo.py`` (needs the ``sandbox`` extra).

Everything runs on loopback: a sandbox on a free 127.0.0.1 port with a virtual clock, the generated client through
`connect()`, and a small receiver for the signed events, each checked with `webhooks.verify_callback`.
"""

from __future__ import annotations

import json
import secrets
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.models import CreateCallRequestNcco, EndpointPhoneFrom, EndpointPhoneTo, TalkAction

from vonage_voice_client import connect
from vonage_voice_client.webhooks import WebhookVerificationError, parse_callback, verify_callback
from vonage_voice_sandbox import running_sandbox

TO, FROM = "14155550100", "14155550199"


@contextmanager
def event_receiver(secret: str) -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that verifies each event it receives; yields its URL and the lines it logged."""
    received: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                verify_callback(self.headers.get("Authorization"), body, secret)
                event = parse_callback(body)
                received.append(f"{type(event).__name__:<16} signature ok  {json.loads(body).get('status', '')}")
                self.send_response(200)
            except WebhookVerificationError as error:
                received.append(f"REFUSED: {type(error).__name__}")
                self.send_response(401)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # the demo prints its own lines
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/events", received
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    secret = secrets.token_hex(32)
    with running_sandbox(signature_secret=secret) as sandbox, event_receiver(secret) as (event_url, received):
        print(f"sandbox {sandbox.base_url}  application {sandbox.application_id}")
        client = connect(
            application_id=sandbox.application_id, private_key=sandbox.private_key_pem, base_url=sandbox.base_url
        )
        with client:
            body = CreateCallRequestNcco(
                to=[EndpointPhoneTo(number=TO)],
                from_=EndpointPhoneFrom(number=FROM),
                ncco=[TalkAction(text="Hello from the Vonage Voice API sandbox. Goodbye.")],
                event_url=[event_url],
            )
            created = create_call.sync(client=client, body=body)
            print(f"created call {created.uuid} ({created.status}), conversation {created.conversation_uuid}")
            uuid = str(created.uuid)
            for elapsed in range(2, 122, 2):
                sandbox.advance(2)
                call = get_call.sync(uuid, client=client)
                print(f"  t+{elapsed:>3}s  status {call.status}")
                if call.status == "completed":
                    break
            else:
                print("the call did not complete", file=sys.stderr)
                return 1
        print("\nevents (from /_sandbox/events):")
        for event in sandbox.events(uuid):
            payload = event.get("payload", event)
            print(f"  {payload.get('timestamp', '')}  {payload.get('status', event.get('type', ''))}")
        print("\nevents received on the loopback event_url, signatures verified:")
        for line in received:
            print(f"  {line}")
        print("\ncall record:")
        print(json.dumps(call.to_dict(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
