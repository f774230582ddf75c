"""The webhook contract: an application's answer, event and fallback webhooks against every callback the spec allows.

    report = check_webhooks(app, secret=SECRET, target=Target(answer="/answer", event="/event"))
    assert report.ok, report.text()

Callbacks are generated from the spec's callback schemas (``x-vvc-callback``, overlay 41) and signed as the sandbox
signs its own; the answers are checked against Vonage's rules (no 5xx, in time, a valid NCCO from the answer webhook,
bad signatures refused, unlisted values handled). In pytest: the ``voice_webhook_contract`` fixture; in CI:
``python -m vonage_voice_sandbox.webhook_contract module:app --answer /answer --event /event``. Needs the
``contract`` extra (Schemathesis, Hypothesis). See docs/webhook-contract.md.
"""

from __future__ import annotations

from .report import CHECKS, Finding, LooseForm, Report
from .run import VONAGE_WAITS, Target, check_webhooks

__all__ = ["CHECKS", "VONAGE_WAITS", "Finding", "LooseForm", "Report", "Target", "check_webhooks"]
