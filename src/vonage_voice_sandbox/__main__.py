"""``python -m vonage_voice_sandbox``: serve the sandbox on loopback until interrupted.

Without ``--public-key`` it makes a key pair, writes the private key to a 0600 temporary file (removed on exit)
and prints what a client needs: the application id, the key's path, the secret callbacks are signed with and the
base URL, as shell exports. Callbacks are signed as Vonage signs them, with ``--signature-secret``, else
``$VONAGE_SIGNATURE_SECRET``, else a new random secret; ``--unsigned`` sends them unsigned. A ``--host`` that is not
loopback is refused unless ``--allow-non-loopback`` says it is meant.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shlex
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from .engine.clock import Clock, VirtualClock
from .server import base_url, bind, generate_private_key, refuse_non_loopback, uvicorn_server, write_private_key
from .web.admin import package_version
from .web.app import create_app
from .web.faults import API_RATE_LIMITS, parse_rate_limits


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.public_key is not None and args.application_id is None:
        print(
            "--public-key needs --application-id: tokens must name the application the key belongs to", file=sys.stderr
        )
        return 2
    try:
        refuse_non_loopback(args.host, args.allow_non_loopback, "--allow-non-loopback")
    except ValueError as exc:
        print(f"--host {args.host}: {exc}", file=sys.stderr)
        return 2
    application_id = args.application_id or str(uuid.uuid4())
    signature_secret = _signature_secret(args)
    key_path: Path | None = None
    if args.public_key is not None:
        public_key = Path(args.public_key).read_bytes()
    else:
        public_key = generate_private_key()  # the sandbox uses its public half; the client signs with it
        key_path = write_private_key(public_key)
    clock: Clock | None = VirtualClock() if args.virtual_clock else None
    app = create_app(
        application_id=application_id,
        public_key=public_key,
        signature_secret=signature_secret,
        clock=clock,
        rate_limits=args.rate_limits,
        event_delivery=not args.no_event_delivery,
        spec_path=args.spec,
        admin_hosts=args.admin_host,
    )
    sock = bind(args.host, args.port)
    app.sandbox.deliverer.serving_on(sock.getsockname()[1])
    _announce(base_url(sock), application_id, key_path, signature_secret, app.sandbox.spec.version)
    try:
        uvicorn_server(app, log_level=args.log_level).run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn has shut down cleanly and re-raised the Ctrl-C: the way to stop the sandbox, not an error
    finally:
        sock.close()
        if key_path is not None:
            key_path.unlink(missing_ok=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m vonage_voice_sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; loopback only)")
    parser.add_argument(
        "--allow-non-loopback",
        action="store_true",
        help="serve on a --host that is not loopback: anyone who reaches it can use the test key's JWTs and read it",
    )
    parser.add_argument(
        "--admin-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also take admin writes whose Host/Origin is NAME (repeatable; loopback names always are)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--application-id", help="the application id tokens must carry (default: a new UUID)")
    parser.add_argument("--public-key", help="PEM file of the application's public key (default: a new key pair)")
    signing = parser.add_mutually_exclusive_group()
    signing.add_argument(
        "--signature-secret",
        help="sign callbacks with this secret (HS256), as Vonage does (default: $VONAGE_SIGNATURE_SECRET, else new)",
    )
    signing.add_argument("--unsigned", action="store_true", help="send callbacks unsigned (Vonage always signs them)")
    parser.add_argument("--virtual-clock", action="store_true", help="calls move only on POST /_sandbox/clock/advance")
    parser.add_argument(
        "--rate-limits",
        nargs="?",
        const=API_RATE_LIMITS,
        default=False,
        type=_rates,
        metavar="CREATES,OTHERS",
        help="answer 429 past these POST and other requests per second (the bare flag: the API's 3,15)",
    )
    parser.add_argument("--no-event-delivery", action="store_true", help="record events without sending them")
    parser.add_argument("--spec", help="serve this spec instead of the packaged patched spec")
    parser.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    parser.add_argument("--version", action="version", version=package_version())
    return parser


def _rates(text: str) -> tuple[int, int]:
    try:
        return parse_rate_limits(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _signature_secret(args: argparse.Namespace) -> str | None:
    if args.unsigned:
        return None
    given: str | None = args.signature_secret or os.environ.get("VONAGE_SIGNATURE_SECRET")
    # A webhook app verifying signatures (the README's) answers 401 to unsigned callbacks: sign unless told not to.
    return given or secrets.token_urlsafe(32)


def _announce(
    url: str, application_id: str, key_path: Path | None, signature_secret: str | None, spec_version: str
) -> None:
    lines = [f"Vonage Voice API sandbox (spec {spec_version}) on {url}", f"  application id: {application_id}"]
    if key_path is not None:
        lines.append(f"  private key:    {key_path}")
    lines.append("  callbacks:      " + ("signed (HS256)" if signature_secret else "unsigned (--unsigned)"))
    lines += ["", "  export VONAGE_APPLICATION_ID=" + application_id]
    if key_path is not None:
        lines.append(f"  export VONAGE_PRIVATE_KEY_PATH={key_path}")
    if signature_secret:
        lines.append(f"  export VONAGE_SIGNATURE_SECRET={shlex.quote(signature_secret)}")
    lines += [
        f"  export VONAGE_BASE_URL={url}",
        "",
        f"  {url}/_sandbox/info is test-only and needs no JWT; Ctrl-C stops the sandbox.",
    ]
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
