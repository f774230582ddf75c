"""Schemathesis CLI hooks for the Voice API: ``SCHEMATHESIS_HOOKS=contract_tests.hooks schemathesis run ...``.

* Auth: every request carries an application JWT signed by :class:`vonage_voice_client.VonageJWT` from
  VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (or VONAGE_PRIVATE_KEY), as ``make sandbox`` prints them.
* Checks: our custom checks (``links_resolve``, ``undocumented_response_fields``,
  ``state_refusal_blames_no_parameter``) join the built-in ones.
* Safety: the CLI has no live-call guard of its own, so any request that could create or change a call is refused
  before it leaves unless it goes to a loopback host (a local sandbox). Use ``make contract BASE_URL=...`` for a
  live or staging API: it knows VOICE_CONTRACT_ALLOW_CALLS_TO.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

import schemathesis

from contract_tests.support import checks as _checks  # noqa: F401 - registers the custom checks
from contract_tests.support.guard import SAFE_METHODS
from contract_tests.support.types import StCase
from vonage_voice_client import VonageJWT


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
    """A request that could create or change a call, aimed at a host that is not loopback."""


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: StCase, kwargs: dict[str, Any]) -> None:
    if case.method.upper() in SAFE_METHODS:
        return
    base_url = kwargs.get("base_url") or case.operation.base_url or ""
    host = urlsplit(str(base_url)).hostname or ""
    if host not in ("localhost", "testserver") and not _is_loopback(host):
        raise RefusedByHooks(
            f"{case.method} {case.formatted_path} refused: only a loopback sandbox may receive requests that could "
            "create or change a call from the CLI; use `make contract BASE_URL=...` for other hosts"
        )


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
