"""The IVR against every callback the Voice API spec allows, as an application's own CI would run it: the
``voice_webhook_contract`` fixture of vonage-voice-client's pytest plugin (the ``contract`` extra)."""

from __future__ import annotations

from typing import Any

from examples.ivr.app import create_app

SECRET = "the-ivr-signature-secret-for-its-contract-test"  # noqa: S105 - a test secret


def test_the_ivr_webhooks_keep_the_contract(voice_webhook_contract: Any) -> None:
    report = voice_webhook_contract(create_app(signature_secret=SECRET), secret=SECRET, examples=2)
    assert report.callbacks > 0 and not report.warnings
