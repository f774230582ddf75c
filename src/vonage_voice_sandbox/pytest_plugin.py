"""pytest plugin (entry point ``vonage_voice_sandbox``): a running Voice API sandbox and a client connected to it.

Registered in every pytest session of every project that installs the package, so it imports nothing but pytest
until a fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from vonage_voice_client import VoiceClient


@pytest.fixture(scope="session")
def voice_sandbox() -> Iterator[Any]:
    """A sandbox on a free loopback port, with a virtual clock; ``.base_url``, ``.application_id``, ``.app``."""
    from .server import running_sandbox

    with running_sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def voice_client(voice_sandbox: Any) -> Iterator[VoiceClient]:
    """A client connected to ``voice_sandbox`` (closed after the test)."""
    from vonage_voice_client import connect  # the sandbox's one use of the runtime (import-linter ignore_imports)

    client = connect(
        application_id=voice_sandbox.application_id,
        private_key=voice_sandbox.private_key_pem,
        base_url=voice_sandbox.base_url,
        max_retries=0,
    )
    with client:
        yield client
