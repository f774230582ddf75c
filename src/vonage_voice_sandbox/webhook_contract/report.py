"""What a run found: findings (each with the smallest callback that shows it and a line to replay it), warnings, and
the report as text and as JUnit XML."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from typing import Any, Final
from xml.etree import ElementTree

__all__ = ["CHECKS", "Finding", "LooseForm", "Report"]

# The checks, by the name a report gives them, and what each means.
CHECKS: Final = {
    "no-server-error": "a callback is never answered with a 5xx",
    "no-connection-error": "the application answers (the connection is not refused or dropped)",
    "answers-in-time": "the answer comes within the time Vonage waits for that webhook",
    "accepts-valid-callbacks": "a callback the spec allows, signed with the secret, is answered with a 2xx",
    "valid-ncco": "the answer webhook's reply (and any NCCO an event webhook answers) is a valid NCCO",
    "refuses-bad-signatures": "an unsigned, forged, expired or replayed callback is answered with a 4xx",
    "accepts-unlisted-values": "a callback holding a value the spec does not list yet is handled as any other",
}


@dataclass(frozen=True)
class Finding:
    """One broken check, with the callback that broke it (the smallest one found) and the application's answer."""

    check: str
    webhook: str
    callback: str  # the schema name (and variant)
    method: str
    path: str
    payload: dict[str, Any]
    signing: str
    answer: str
    detail: str
    replay: str

    def text(self) -> str:
        carried = "query" if self.method == "GET" else "body"
        return "\n".join(
            [
                f"FAILED {self.check}: {self.detail}",
                f"  callback: {self.callback} to the {self.webhook} webhook ({self.signing})",
                f"  request:  {self.method} {self.path}",
                f"  {carried}:     {json.dumps(self.payload, ensure_ascii=False, sort_keys=True)}",
                f"  answer:   {self.answer}",
                f"  replay:   {self.replay}",
            ]
        )


@dataclass(frozen=True)
class LooseForm:
    """Accepted, but looser than the spec (D32: ``"true"`` for ``true``); fine for Vonage today."""

    webhook: str
    name: str
    reason: str

    def text(self) -> str:
        return f"WARNING {self.webhook} NCCO {self.name}: {self.reason}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    warnings: list[LooseForm] = field(default_factory=list)
    passed: dict[str, int] = field(default_factory=dict)  # check name -> callbacks that passed it
    callbacks: int = 0  # callbacks sent
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # skipped parts, and why

    @property
    def ok(self) -> bool:
        return not self.findings

    def warn(self, warning: LooseForm) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)

    def text(self) -> str:
        lines = [finding.text() for finding in self.findings]
        lines += [warning.text() for warning in self.warnings]
        lines += [f"NOTE {note}" for note in self.notes]
        verdict = "passed" if self.ok else f"{len(self.findings)} finding(s)"
        lines.append(f"webhook contract: {verdict}; {self.callbacks} callbacks in {self.seconds:.1f} s")
        return "\n".join(lines)

    def junit_xml(self) -> str:
        """One test case per check, failed with each of its findings."""
        suite = ElementTree.Element(
            "testsuite", name="webhook-contract", tests=str(len(CHECKS)), failures=str(len(self.findings))
        )
        suite.set("time", f"{self.seconds:.3f}")
        for check, meaning in CHECKS.items():
            case = ElementTree.SubElement(suite, "testcase", classname="webhook_contract", name=check)
            for finding in (f for f in self.findings if f.check == check):
                failure = ElementTree.SubElement(case, "failure", message=f"{meaning}: {finding.detail}")
                failure.text = finding.text()
        return ElementTree.tostring(suite, encoding="unicode")


def replay_line(target: str, options: list[str], webhook: str, method: str, payload: Any, signing: str) -> str:
    """The command that sends this one callback again, signed afresh."""
    replay = json.dumps(
        {"webhook": webhook, "method": method, "payload": payload, "signing": signing},
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    )
    command = ["python", "-m", "vonage_voice_sandbox.webhook_contract", target, *options, "--replay", replay]
    return shlex.join(command)
