"""The package's public names, and what importing its parts loads."""

from __future__ import annotations

import subprocess
import sys

import vonage_voice_client


def test_every_public_name_resolves() -> None:
    for name in vonage_voice_client.__all__:
        assert getattr(vonage_voice_client, name) is not None, name


def test_importing_the_sandbox_loads_neither_the_runtime_nor_the_generated_package() -> None:
    probe = (
        "import sys, vonage_voice_client.sandbox;"
        "loaded = [m for m in ('vonage_voice_api', 'vonage_voice_client.client', 'vonage_voice_client.auth')"
        " if m in sys.modules]; print(','.join(loaded))"
    )
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == ""
