"""What call control needs from a provider run, as a protocol: :mod:`.call_control` types against it and
:class:`~.runner.ProviderRun` satisfies it, so the runner can import call control without call control importing the
runner back (the support modules import each other without cycles: pyproject's import contracts)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

import schemathesis

from .profile import Profile
from .results import RunResults
from .targets import Target
from .types import StCase, StOperation


class SendingRun(Protocol):
    """A run that sends cases through its guard and checks, and records what they got in ``results``."""

    @property
    def target(self) -> Target: ...

    @property
    def profile(self) -> Profile: ...

    @property
    def results(self) -> RunResults: ...

    @property
    def last_skip(self) -> str | None:
        """Why :meth:`execute` did not send its last case (None: it was sent)."""
        ...

    def operation(self, label: str) -> StOperation:
        """The operation of the patched spec with this label or operationId."""
        ...

    def execute(self, case: StCase) -> schemathesis.Response | None:
        """Send ``case`` (unless the guard or a known issue says not to) and run every check on the answer."""
        ...

    def success_path(self) -> AbstractContextManager[None]:
        """Cases executed in this block are success-path attempts."""
        ...
