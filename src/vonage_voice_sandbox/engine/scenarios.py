"""Destination numbers that pick how a call goes (the table in the sandbox README).

A call to any other number, or to a non-phone endpoint, rings for 3 s and is answered; its NCCO then runs and the
call completes when the NCCO ends. Timings are seconds on the sandbox clock.

Besides the fixed numbers, a test can register a number (``POST /_sandbox/scenarios``) for a named scenario plus
what the callee answers to ``input`` actions: keys pressed (``dtmf``) or words said (``speech``).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any, Final

__all__ = ["DEFAULT", "SCENARIOS", "RegistryFull", "Scenario", "ScenarioRegistry", "scenario_for"]

RINGING_AFTER: Final = 1.0  # started -> ringing
MACHINE_DETECTION_AFTER: Final = 2.0  # answered -> human/machine event, when detection was asked for
CALLEE_INPUT_AFTER: Final = 1.0  # an input action starts -> the scripted callee presses keys or starts speaking
SPEECH_CONFIDENCE: Final = "0.95"  # a string, as in the documented input events
REGISTERED_PREFIX: Final = "155510"  # registered numbers: 155510 + 5 digits, apart from the fixed ones


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    rings: bool = True  # goes through `ringing` before its outcome
    outcome: str | None = "answered"  # None: rings until ringing_timer runs out (status `timeout`)
    outcome_after: float = 3.0  # seconds after `ringing` (after `started` when it does not ring)
    detail: str | None = None  # the event's `detail` for unanswered, rejected and failed
    sip_code: int | None = None
    machine: bool = False  # a machine answers: machine detection reports `machine` instead of `human`
    callee_hangs_up_after: float | None = None  # seconds after `answered`
    holds_line: bool = False  # the callee stays on after the NCCO ends: only a hangup or length_timer end it
    dtmf: tuple[str, ...] = ()  # keys pressed at each DTMF input action in turn; later inputs time out
    speech: tuple[str, ...] = ()  # words said at each speech input action in turn

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT: Final = Scenario("answered", "rings 3 s, answered; the call completes when its NCCO ends")

SCENARIOS: Final[dict[str, Scenario]] = {
    "15550000001": Scenario("busy", "busy after 1 s, no ringing", rings=False, outcome="busy", outcome_after=1.0,
                            sip_code=486),
    "15550000002": Scenario("unanswered", "rings 30 s, then unanswered (detail unavailable)", outcome="unanswered",
                            outcome_after=30.0, detail="unavailable", sip_code=480),
    "15550000003": Scenario("timeout", "rings until ringing_timer (default 60 s), then timeout", outcome=None,
                            sip_code=487),
    "15550000004": Scenario("rejected", "rings 2 s, then rejected (detail declined)", outcome="rejected",
                            outcome_after=2.0, detail="declined", sip_code=603),
    "15550000005": Scenario("failed", "fails after 1 s, no ringing (detail cannot_route)", rings=False,
                            outcome="failed", outcome_after=1.0, detail="cannot_route", sip_code=404),
    "15550000006": Scenario("machine", "answered by a machine: machine detection reports `machine`", machine=True),
    "15550000007": Scenario("long", "answered; stays up after its NCCO ends, until hangup or length_timer",
                            holds_line=True),
    "15550000008": Scenario("callee-hangup", "answered; the callee hangs up 5 s later (disconnected_by user)",
                            callee_hangs_up_after=5.0),
}  # fmt: skip


BY_NAME: Final[dict[str, Scenario]] = {DEFAULT.name: DEFAULT, **{s.name: s for s in SCENARIOS.values()}}


def scenario_for(endpoint: dict[str, Any], registered: Mapping[str, Scenario] | None = None) -> Scenario:
    """The scenario of a call to ``endpoint`` (the first item of ``to``); registered numbers first."""
    if endpoint.get("type") == "phone":
        number = str(endpoint.get("number", ""))
        return (registered or {}).get(number) or SCENARIOS.get(number, DEFAULT)
    return DEFAULT


class RegistryFull(ValueError):
    """As many numbers are registered as the registry keeps (``Limits.max_registered_numbers``)."""


class ScenarioRegistry:
    """Numbers registered by tests, each bound to a named scenario with a scripted callee. Cleared on reset; the
    numbers themselves are never reused in a process, so a late call to an old number cannot pick up a new script."""

    _numbers = itertools.count(1)

    def __init__(self, max_numbers: int = 10_000) -> None:
        self.numbers: dict[str, Scenario] = {}
        self.audio: dict[str, tuple[bytes, int]] = {}  # number -> what its callee says into a WebSocket (PCM, rate)
        self.max_numbers = max_numbers

    def register(
        self,
        name: str,
        dtmf: tuple[str, ...] = (),
        speech: tuple[str, ...] = (),
        audio: tuple[bytes, int] | None = None,
    ) -> str:
        base = BY_NAME.get(name)
        if base is None:
            raise ValueError(f"unknown scenario {name!r}; known: {', '.join(BY_NAME)}")
        if len(self.numbers) >= self.max_numbers:
            raise RegistryFull(
                f"{len(self.numbers)} numbers are registered, the limit (Limits.max_registered_numbers): reset first"
            )
        number = f"{REGISTERED_PREFIX}{next(self._numbers) % 100_000:05d}"
        self.numbers[number] = replace(base, dtmf=dtmf, speech=speech)
        if audio is not None:
            self.audio[number] = audio
        return number

    def clear(self) -> None:
        self.numbers.clear()
        self.audio.clear()
