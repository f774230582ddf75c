"""pytest plugin (entry point ``vonage_voice_sandbox``): a running Voice API sandbox and a client connected to it.

    def test_places_a_call(voice_sandbox, voice_client):
        call = create_call.sync(client=voice_client, body=...)
        voice_sandbox.advance(30)                 # the virtual clock: ringing, answered, talk, completed
        assert get_call.sync(str(call.uuid), client=voice_client).status == "completed"

``voice_sandbox`` serves on 127.0.0.1 for the whole session (one uvicorn thread); ``voice_client`` is
``connect(base_url=...)`` with the sandbox's credentials, retries off so tests see each answer as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .client import VoiceClient, connect


@pytest.fixture(scope="session")
def voice_sandbox() -> Iterator[Any]:
    """A sandbox on a free loopback port, with a virtual clock; ``.base_url``, ``.application_id``, ``.app``."""
    from .sandbox import running_sandbox  # imported here: the sandbox extra is optional

    with running_sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def voice_client(voice_sandbox: Any) -> Iterator[VoiceClient]:
    """A client connected to ``voice_sandbox`` (closed after the test)."""
    client = connect(
        application_id=voice_sandbox.application_id,
        private_key=voice_sandbox.private_key_pem,
        base_url=voice_sandbox.base_url,
        max_retries=0,
    )
    with client:
        yield client
