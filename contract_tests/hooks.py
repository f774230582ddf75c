"""Schemathesis CLI hooks for the Voice API: ``SCHEMATHESIS_HOOKS=contract_tests.hooks schemathesis run ...``.

* Auth: every request carries an application JWT signed by :class:`vonage_voice_client.VonageJWT` from
  VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (or VONAGE_PRIVATE_KEY), as ``make sandbox`` prints them.
* Checks: our custom checks (``links_resolve``, ``undocumented_response_fields``,
  ``state_refusal_blames_no_parameter``) join the built-in ones.
* Safety: the CLI has no allow-list, so it sends no request that could create or change a call to anything but our
  sandbox. A base URL is our sandbox only if its host is loopback and ``GET /_sandbox/info`` says so (checked again
  on each new connection); anything else is live, loopback or not. ``before_call`` refuses such a case with the
  reason, and the same guard is enforced on the transport for every request the CLI sends, including those
  Schemathesis' checks send themselves. Use
  ``make contract BASE_URL=...`` for a live or staging API: it knows VOICE_CONTRACT_ALLOW_CALLS_TO.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.core import NotSet

from contract_tests.support import checks as _checks  # noqa: F401 - registers the custom checks
from contract_tests.support import wire
from contract_tests.support.types import StCase
from vonage_voice_client import VonageJWT

wire.enforce()  # the CLI process: every request it sends passes the guard first


@schemathesis.auth(refresh_interval=None)  # VonageJWT caches and renews the token itself
class VonageApplicationJWT:
    """Bearer application JWT for every operation (the spec's only security scheme)."""

    def __init__(self) -> None:
        self._jwt: VonageJWT | None = None

    def get(self, case: StCase, context: schemathesis.AuthContext) -> str:
        if self._jwt is None:
            self._jwt = VonageJWT.from_env()
        return self._jwt.token()

    def set(self, case: StCase, data: str, context: schemathesis.AuthContext) -> None:
        case.headers["Authorization"] = f"Bearer {data}"


class RefusedByHooks(RuntimeError):
    """A request that could create or change a call, aimed at something that is not our sandbox."""


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: StCase, kwargs: dict[str, Any]) -> None:
    base_url = str(kwargs.get("base_url") or case.operation.base_url or "")
    guard = wire.TARGETS.decide(base_url)
    if guard is None:
        return  # our sandbox: anything goes
    reason, _ = guard.admit(
        case.method,
        case.formatted_path,
        None if isinstance(case.body, NotSet) else case.body,
        negative=False,
        media_type=case.media_type,
        query=case.query if isinstance(case.query, dict) else {},
        headers=case.headers if isinstance(case.headers, dict) else {},
    )
    if reason is not None:
        raise RefusedByHooks(
            f"{case.method} {case.formatted_path} refused: {base_url} is not a vonage-voice-client sandbox "
            f"(GET /_sandbox/info), so it is treated as the live API, and the CLI has no allow-list ({reason}); "
            "use `make contract BASE_URL=...` for other hosts"
        )
