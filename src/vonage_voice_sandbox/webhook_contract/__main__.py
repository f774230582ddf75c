"""``python -m vonage_voice_sandbox.webhook_contract module:app --answer /answer --event /event``: the webhook
contract in CI. Exit status 0 when every check passed, 1 on a finding, 2 on a usage error."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .run import Target, check_webhooks

SECRET_VARIABLE = "VONAGE_SIGNATURE_SECRET"  # noqa: S105 - the name of a variable, not a secret


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    secret = args.secret or os.environ.get(SECRET_VARIABLE, "")
    if not secret:
        parser.error(f"give the signature secret the application verifies with: --secret or {SECRET_VARIABLE}")
    if (args.app is None) == (args.base_url is None):
        parser.error("name the application as module:attr, or give --base-url (a loopback URL), not both")
    target = Target(
        answer=args.answer,
        event=args.event,
        fallback=args.fallback,
        answer_method=args.answer_method,
        event_method=args.event_method,
        fallback_method=args.fallback_method,
        verifies=not args.no_verify,
        name=args.app or args.base_url,
    )
    try:
        app = _load(args.app, factory=args.factory) if args.app is not None else None
        replay = json.loads(args.replay) if args.replay is not None else None
        report = check_webhooks(
            app,
            base_url=args.base_url,
            secret=secret,
            target=target,
            examples=args.examples,
            seed=args.seed,
            max_seconds=args.max_seconds,
            replay=replay,
        )
    except (ValueError, ImportError, AttributeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.text())
    if args.junit_xml:
        Path(args.junit_xml).write_text(report.junit_xml(), encoding="utf-8")
    return 0 if report.ok else 1


def _load(spec: str, *, factory: bool) -> Any:
    """``module:attr`` (``attr`` may be dotted); with ``factory``, the result of calling it."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"{spec!r} is not module:attr")
    sys.path.insert(0, os.getcwd())  # as uvicorn does: the application is found from where the command runs
    value: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        value = getattr(value, part)
    return value() if factory else value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m vonage_voice_sandbox.webhook_contract",
        description="Send every callback the Voice API spec allows to an application's webhooks and check the answers.",
    )
    parser.add_argument("app", nargs="?", help="module:attr naming an ASGI app (or, with --factory, a callable)")
    parser.add_argument("--factory", action="store_true", help="call module:attr to get the app")
    parser.add_argument("--base-url", help="check a running application on loopback instead of an app in process")
    parser.add_argument("--answer", default="/answer", help="path of the answer webhook (default /answer)")
    parser.add_argument("--event", default="/event", help="path of the event webhook (default /event)")
    parser.add_argument("--fallback", help="path of the fallback answer webhook, if the application has one")
    parser.add_argument("--answer-method", default="GET", choices=["GET", "POST"], help="answer_method (GET)")
    parser.add_argument("--event-method", default="POST", choices=["GET", "POST"], help="event_method (POST)")
    parser.add_argument("--fallback-method", default="POST", choices=["GET", "POST"], help="fallback method (POST)")
    parser.add_argument("--secret", help=f"the signature secret (default: ${SECRET_VARIABLE})")
    parser.add_argument("--no-verify", action="store_true", help="the app is declared not to verify signatures")
    parser.add_argument("--examples", type=int, default=10, help="callbacks generated per schema (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="the generation seed (fixed: runs are reproducible)")
    parser.add_argument("--max-seconds", type=float, default=300.0, help="bound on the whole run (default 300)")
    parser.add_argument("--junit-xml", metavar="PATH", help="write a JUnit XML report")
    parser.add_argument("--replay", metavar="JSON", help="send one callback again (the replay line of a finding)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
