"""The webhook contract's speed: callbacks generated, signed, sent and checked per second against the IVR example,
in process (an ASGI app, no sockets), the fixture's default of 10 examples per callback schema.

Run it with ``PYTHONPATH=src:. python benchmarks/bench_webhook_contract.py``; ``make bench`` imports :func:`run`.
"""

from __future__ import annotations

import logging

from examples.ivr.app import create_app
from vonage_voice_sandbox.webhook_contract import Target, check_webhooks

SECRET = "a-signature-secret-for-the-benchmark-only"
EXAMPLES = 10


def run() -> dict[str, float]:
    logging.getLogger("examples").setLevel(logging.ERROR)  # the IVR logs every refusal the checker provokes
    report = check_webhooks(create_app(signature_secret=SECRET), secret=SECRET, target=Target(), examples=EXAMPLES)
    if not report.ok:
        raise RuntimeError(f"the IVR example broke the webhook contract:\n{report.text()}")
    return {
        "webhook_contract_callbacks_per_s": report.callbacks / report.seconds,
        "webhook_contract_callbacks": float(report.callbacks),
        "webhook_contract_s": report.seconds,
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
