"""pytest plugin (entry point ``vonage_voice_sandbox``): the Voice API sandbox as fixtures for an application's tests.

    def test_places_a_call(voice_sandbox, voice_client):
        call = create_call.sync(client=voice_client, body=...)
        voice_sandbox.advance(10)                  # the virtual clock: ringing, answered, the NCCO runs
        assert [e.type for e in voice_sandbox.events(str(call.uuid))][:3] == ["started", "ringing", "answered"]

- ``voice_sandbox``: a :class:`~vonage_voice_sandbox.testing.VoiceSandbox` with fresh state for every test; one
  server serves the whole session. Every callback is signed with ``voice_sandbox.signature_secret``.
- ``voice_client``: ``connect()`` to it with its credentials, retries off so a test sees each answer as it is, and no
  rate budget (no pacing).
- ``voice_webhook_server``: ``voice_webhook_server(app)`` serves an ASGI app (the application's webhooks) on
  127.0.0.1 for the test and returns its base URL, for ``answer_url`` and ``event_url``.
- ``voice_webhook_contract``: ``voice_webhook_contract(app, answer="/answer", event="/event", secret=...)`` sends
  every callback the spec allows to the app and fails the test with the findings (``check=False``: returns the
  report). Needs the ``contract`` extra.

A test that used ``voice_sandbox`` fails if the sandbox hit a bug of its own during it (answered 500, listed at
``/_sandbox/errors``), even when the code under test swallowed that answer: the test proved nothing.

The plugin is registered in every pytest session of every project that installs the package, so this module imports
nothing but pytest until a fixture runs; the fixtures need the ``sandbox`` extra and say so when it is missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, Protocol, cast

import pytest

if TYPE_CHECKING:
    from vonage_voice_client import VoiceClient

    from .testing import ServeApp, VoiceSandbox
    from .webhook_contract import Report

INSTALL: str = "pip install 'vonage-voice-client[sandbox]'"
INSTALL_CONTRACT: str = "pip install 'vonage-voice-client[contract]'"
_SANDBOX_FIXTURE: str = "voice_sandbox"


def _require_extra(
    fixture: str, module: str = "vonage_voice_sandbox.testing", extra: str = "sandbox", install: str = INSTALL
) -> None:
    """Import ``module`` (by default what every fixture needs: Starlette, uvicorn, openapi-core), or fail the test
    with one line naming the extra that brings what is missing."""
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("vonage_voice"):
            raise
        missing = exc.name
    else:
        return
    # Outside the except block, so that pytest shows this one line and not the chained ImportError.
    pytest.fail(f"{fixture} needs the {extra} extra ({missing} is not installed): {install}", pytrace=False)


@pytest.fixture(scope="session")
def _vonage_voice_sandbox_session() -> Iterator[VoiceSandbox]:
    _require_extra("voice_sandbox")
    from .testing import session_sandbox

    with session_sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def voice_sandbox(_vonage_voice_sandbox_session: VoiceSandbox) -> VoiceSandbox:
    """The Voice API sandbox on 127.0.0.1, with no calls, events, faults or registered numbers from earlier tests."""
    _vonage_voice_sandbox_session.reset()
    return _vonage_voice_sandbox_session


@pytest.fixture
def voice_client(voice_sandbox: VoiceSandbox) -> Iterator[VoiceClient]:
    """A client connected to ``voice_sandbox`` (closed after the test; an async test that awaits operations uses
    ``async with voice_client:`` so its async connections close in the test's event loop)."""
    from vonage_voice_client import connect  # the sandbox's one use of the runtime (import-linter ignore_imports)

    client = connect(
        application_id=voice_sandbox.application_id,
        private_key=voice_sandbox.private_key_pem,
        base_url=voice_sandbox.base_url,
        max_retries=0,
        rate_budget=None,  # no pacing: the sandbox has no limits unless a test asks for them
    )
    with client:
        yield client


@pytest.fixture
def voice_webhook_server() -> Iterator[ServeApp]:
    """``voice_webhook_server(app) -> base URL``: serve ASGI apps on 127.0.0.1 until the test ends."""
    _require_extra("voice_webhook_server")
    from .testing import AppServers

    with AppServers() as servers:
        yield servers.serve


class WebhookContract(Protocol):
    def __call__(
        self,
        app: Any,
        *,
        secret: str,
        answer: str | None = "/answer",
        event: str | None = "/event",
        fallback: str | None = None,
        answer_method: str = "GET",
        event_method: str = "POST",
        verifies: bool = True,
        examples: int = 10,
        seed: int = 0,
        waits: dict[str, float] | None = None,
        check: bool = True,
    ) -> Report: ...


@pytest.fixture
def voice_webhook_contract() -> WebhookContract:
    """``voice_webhook_contract(app, secret=..., answer="/answer", event="/event")``: the webhook contract against
    an ASGI app in process; fails the test with its findings, or with ``check=False`` returns the report."""
    _require_extra("voice_webhook_contract", "vonage_voice_sandbox.webhook_contract", "contract", INSTALL_CONTRACT)
    from .webhook_contract import Target, check_webhooks

    def run(app: Any, *, secret: str, check: bool = True, examples: int = 10, seed: int = 0, **where: Any) -> Report:
        waits = where.pop("waits", None)
        target = Target(**where, **({"waits": waits} if waits else {}), name=f"{type(app).__module__}:APP")
        report = check_webhooks(app, secret=secret, target=target, examples=examples, seed=seed)
        if check and not report.ok:
            pytest.fail(
                f"the webhook contract found {len(report.findings)} problem(s):\n{report.text()}", pytrace=False
            )
        return report

    return cast("WebhookContract", run)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    """Fail a test that passed while the sandbox it used hit a bug of its own (each such request got a 500)."""
    outcome = yield
    funcargs = getattr(item, "funcargs", None)
    sandbox = funcargs.get(_SANDBOX_FIXTURE) if isinstance(funcargs, dict) else None
    internal_errors = getattr(sandbox, "internal_errors", None)
    if callable(internal_errors):  # ours, not a user's fixture of the same name
        errors = internal_errors()
        if errors:
            lines = [f"  {error.get('method')} {error.get('path')}: {error.get('error')}" for error in errors[:10]]
            message = (
                f"the Voice API sandbox hit {len(errors)} bug(s) of its own during this test, each answered 500 "
                "(GET /_sandbox/errors has the tracebacks):\n" + "\n".join(lines)
            )
            pytest.fail(message, pytrace=False)
    return outcome
