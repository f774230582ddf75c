"""What a provider run saw: per operation and check, how many cases passed and failed; per operation and per
updateCall action, how many cases were answered 2xx (the success paths); every distinct failure with a curl command
that reproduces it; what was skipped and why. Rendered as a short human summary."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import schemathesis

from .types import StCase

# Curl commands carry this instead of a token (mint one with `VonageJWT.from_env().token()`).
TOKEN_PLACEHOLDER = "Bearer $VONAGE_JWT"
SUCCESS_CHECK = "success_path_checked"
Key = tuple[str, str | None]  # (operation, updateCall action or None)


@dataclass(frozen=True)
class Mark:
    """Counts at one moment of a run (:meth:`RunResults.mark`)."""

    statuses: Counter[tuple[str, str, int]]
    actions: Counter[tuple[str, str, int]]
    attempts: Counter[tuple[Key, str]]


@dataclass(frozen=True)
class Failure:
    operation: str
    phase: str
    check: str
    title: str
    message: str
    status: int | None
    curl: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.operation, self.check, self.title, self.message.splitlines()[0] if self.message else "")


@dataclass
class RunResults:
    """Accumulates check outcomes from any number of runs (thread-safe: Schemathesis may call back from threads)."""

    target: str = ""
    cases: Counter[tuple[str, str]] = field(default_factory=Counter)  # (operation, phase) -> cases sent
    statuses: Counter[tuple[str, str, int]] = field(default_factory=Counter)  # (operation, phase, status) -> answers
    actions: Counter[tuple[str, str, int]] = field(default_factory=Counter)  # (operation, action, status) -> answers
    # Success-path attempts (cases that could be answered 2xx): (key, "sent" | "refused" | "blocked") -> count,
    # and the first reason of each refused or blocked key (the guard, or no answered call to send it to).
    attempts: Counter[tuple[Key, str]] = field(default_factory=Counter)
    reasons: dict[tuple[Key, str], str] = field(default_factory=dict)
    not_checked: dict[Key, str] = field(default_factory=dict)  # success paths the target may not be sent
    expected: list[Key] = field(default_factory=list)  # the success paths checked (set by check_success_paths)
    waits: Counter[str] = field(default_factory=Counter)  # waits for an answered call: count, answered, polls
    wait_seconds: float = 0.0
    checks: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: dict[tuple[str, str, str, str], Failure] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)
    # Invariants across answers (support/invariants.py): (name, "checked") -> times it applied. Failures are in
    # ``failures`` under the invariant's name, like any check's.
    invariants: Counter[tuple[str, str]] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def case_sent(self, operation: str, phase: str, status: int, action: str | None = None) -> None:
        with self._lock:
            self.cases[(operation, phase)] += 1
            self.statuses[(operation, phase, status)] += 1
            if action is not None:
                self.actions[(operation, action, status)] += 1

    def attempt(self, operation: str, action: str | None, outcome: str, reason: str | None = None) -> None:
        """A success-path case (one that could be answered 2xx) was ``sent``, ``refused`` (the guard, a known gap)
        or ``blocked`` (no answered call to send it to); the first reason of each is kept."""
        with self._lock:
            for name in {action, None}:  # an action's attempt is one of its operation's too
                key = ((operation, name), outcome)
                self.attempts[key] += 1
                if reason is not None:
                    self.reasons.setdefault(key, reason)

    def waited(self, answered: bool, polls: int, seconds: float) -> None:
        with self._lock:
            self.waits["waits"] += 1
            self.waits["answered"] += int(answered)
            self.waits["polls"] += polls
            self.wait_seconds += seconds

    def mark(self) -> Mark:
        """What has been answered and attempted so far: :meth:`check_success_paths` can count only what follows."""
        with self._lock:
            return Mark(Counter(self.statuses), Counter(self.actions), Counter(self.attempts))

    def answers(self, operation: str, action: str | None = None, since: Mark | None = None) -> Counter[int]:
        """Statuses answered to the cases of an operation (of one updateCall action, if given), with counts; only
        those answered after ``since``, if given."""
        found: Counter[int] = Counter()
        if action is None:
            for (op, phase, status), count in self.statuses.items():
                if op == operation:
                    found[status] += count - (since.statuses[(op, phase, status)] if since else 0)
        else:
            for (op, act, status), count in self.actions.items():
                if op == operation and act == action:
                    found[status] += count - (since.actions[(op, act, status)] if since else 0)
        return +found  # statuses answered only before ``since`` drop out

    def successes(self, operation: str, action: str | None = None, since: Mark | None = None) -> int:
        return sum(count for status, count in self.answers(operation, action, since).items() if 200 <= status < 300)

    def check_success_paths(self, keys: list[Key], since: Mark | None = None) -> None:
        """Fail every success path (operation, or updateCall action) that never answered 2xx (after ``since``, if
        given: a test checks its own cases, whatever ran before it in the process), with the reason; one whose every
        attempt the guard (or a known gap) kept back is reported as not checked instead."""
        self.expected += [key for key in keys if key not in self.expected]

        def new(key: Key, outcome: str) -> int:
            return self.attempts[(key, outcome)] - (since.attempts[(key, outcome)] if since else 0)

        for key in keys:
            if self.successes(*key, since=since):
                continue
            sent = new(key, "sent")
            blocked = self.reasons.get((key, "blocked")) if new(key, "blocked") else None
            refused = self.reasons.get((key, "refused")) if new(key, "refused") else None
            if not sent and blocked is None and refused is not None:
                self.not_checked[key] = refused
                continue
            answers = ", ".join(f"{status} x {n}" for status, n in sorted(self.answers(*key, since=since).items()))
            why = f"{sent} success-path cases sent, none answered 2xx" if sent else blocked or "no case could be sent"
            name = key[0] if key[1] is None else f"{key[0]} action={key[1]}"
            self.add_run_failure(SUCCESS_CHECK, name, f"no success path checked: {why} (answers: {answers or 'none'})")

    def check_results(
        self,
        case: StCase,
        response: schemathesis.Response,
        results: list[Any],
        phase: str,
        base_url: str,
        excuse: Callable[[StCase, schemathesis.Response, str], str | None],
    ) -> None:
        """Record the outcome of every check run on one response (the ``after_validate`` hook calls this); a
        failure that ``excuse`` explains (a known gap) counts as excused, not failed."""
        operation = case.operation.label
        for result in results:
            outcome = "passed"
            if result.failure is not None:
                outcome = "excused" if excuse(case, response, result.name) else "failed"
            with self._lock:
                self.checks[(operation, result.name)][outcome] += 1
            if outcome == "failed":
                self.add_failure(case, response, result.name, result.failure, phase, base_url)

    def add_failure(
        self,
        case: StCase,
        response: schemathesis.Response | None,
        check: str,
        failure: Any,
        phase: str,
        base_url: str,
    ) -> None:
        # The placeholder, not the real token: reports end up in CI logs.
        curl = case.as_curl_command(headers={"Authorization": TOKEN_PLACEHOLDER}, base_url=base_url)
        item = Failure(
            operation=case.operation.label,
            phase=phase,
            check=check,
            title=str(getattr(failure, "title", type(failure).__name__)),
            message=str(getattr(failure, "message", failure)),
            status=response.status_code if response is not None else None,
            curl=curl,
        )
        with self._lock:
            self.failures.setdefault(item.key, item)
            self.checks[(case.operation.label, check)]["failed"] += 0  # make sure the pair shows in the table

    def add_run_failure(self, check: str, where: str, message: str) -> None:
        """A failure found once for the whole run, not in one response (no curl reproduces it)."""
        item = Failure(operation=where, phase="run", check=check, title=check, message=message, status=None, curl="-")
        with self._lock:
            self.failures.setdefault(item.key, item)

    def invariant(self, name: str, problem: str | None, where: str) -> None:
        """An invariant checked once by the run's dedicated pass (not on one response): held, or ``problem``."""
        with self._lock:
            self.invariants[(name, "checked")] += 1
        if problem is not None:
            self.add_run_failure(name, where, problem)

    def invariants_applied(self, counts: Counter[str]) -> None:
        """Invariants applied by the checks on responses (each failure is recorded as the check's)."""
        with self._lock:
            for name, count in counts.items():
                self.invariants[(name, "checked")] += count

    def _invariant_lines(self) -> list[str]:
        names = sorted({name for name, _ in self.invariants})
        if not names:
            return []
        failing = Counter(f.check for f in self.failures.values())
        held = sum(1 for name in names if not failing[name])
        lines = ["", f"Invariants across answers: {held} of {len(names)} held (times checked, distinct failures)"]
        for name in names:
            lines.append(f"  {name:<40} {self.invariants[(name, 'checked')]:>6} {failing[name]:>5}")
        return lines

    def skip(self, reason: str, count: int = 1) -> None:
        with self._lock:
            self.skipped[reason] += count

    # --- several processes (pytest-xdist workers): each records its own results, the controller merges them ------

    def to_json(self) -> str:
        """Everything recorded, as JSON (tuple keys as lists), for :meth:`merge_json` in another process."""
        counters = {name: [[_listed(k), n] for k, n in getattr(self, name).items()] for name in _COUNTERS}
        return json.dumps(
            {
                "target": self.target,
                **counters,
                "reasons": [[_listed(k), v] for k, v in self.reasons.items()],
                "not_checked": [[list(k), v] for k, v in self.not_checked.items()],
                "expected": [list(k) for k in self.expected],
                "wait_seconds": self.wait_seconds,
                "checks": [[list(k), dict(c)] for k, c in self.checks.items()],
                "failures": [dataclasses.asdict(f) for f in self.failures.values()],
                "notes": self.notes,
            }
        )

    def merge_json(self, text: str) -> None:
        """Add what another process recorded (:meth:`to_json`): counts add up, the first failure of a key is kept."""
        data = json.loads(text)
        with self._lock:
            self.target = self.target or data["target"]
            for name in _COUNTERS:
                counter: Counter[Any] = getattr(self, name)
                for key, count in data[name]:
                    counter[_tupled(key)] += count
            for key, reason in data["reasons"]:
                self.reasons.setdefault(_tupled(key), reason)
            for key, reason in data["not_checked"]:
                self.not_checked.setdefault(_tupled(key), reason)
            self.expected += [k for k in map(_tupled, data["expected"]) if k not in self.expected]
            self.wait_seconds += data["wait_seconds"]
            for key, outcomes in data["checks"]:
                self.checks[_tupled(key)].update(outcomes)
            for raw in data["failures"]:
                failure = Failure(**raw)
                self.failures.setdefault(failure.key, failure)
            self.notes += [note for note in data["notes"] if note not in self.notes]

    # --- views ------------------------------------------------------------------------------------------------

    @property
    def failed_checks(self) -> set[str]:
        return {failure.check for failure in self.failures.values()}

    def failures_for(self, operation: str | None = None) -> list[Failure]:
        return [f for f in self.failures.values() if operation is None or f.operation == operation]

    def operations(self) -> list[str]:
        return sorted({operation for operation, _ in self.cases} | {operation for operation, _ in self.checks})

    def _actions(self, operation: str) -> list[str]:
        expected = [action for op, action in self.expected if op == operation and action is not None]
        seen = sorted({action for op, action, _ in self.actions if op == operation} - set(expected))
        return expected + seen

    def _success_lines(self) -> list[str]:
        lines = [""]
        if self.expected:
            paths = len(self.expected) - len(self.not_checked)
            missing = sum(1 for failure in self.failures.values() if failure.check == SUCCESS_CHECK)
            lines.append(f"Success paths: {paths - missing} of {paths} answered 2xx at least once (column 2xx)")
        for (operation, action), reason in self.not_checked.items():
            name = operation if action is None else f"{operation} action={action}"
            lines.append(f"  not checked: {name}: {reason}")
        if self.waits["waits"]:
            lines.append(
                f"Waits for an answered call: {self.waits['waits']} ({self.waits['answered']} answered), "
                f"{self.waits['polls']} polls, {self.wait_seconds:.1f} s asleep between them"
            )
        return lines if len(lines) > 1 else []

    def summary(self, known: Counter[str] | None = None) -> str:
        """Operations x checks x cases, then each distinct failure with its curl, then what was skipped."""
        lines = [f"Provider contract against {self.target or 'no target'}"]
        checks = sorted({check for _, check in self.checks})
        total_cases = sum(self.cases.values())
        lines.append(f"{len(self.operations())} operations x {len(checks)} checks x {total_cases} cases")
        stateful = {op: n for (op, phase), n in self.cases.items() if phase == "stateful"}
        if stateful:
            linked_ok = sorted({op for (op, phase, status) in self.statuses if phase == "stateful" and status < 300})
            lines.append(
                f"stateful: {sum(stateful.values())} steps; answered 2xx in scenarios: {len(linked_ok)} operations"
            )
        lines.append("")
        lines.append(f"{'operation':<40} {'cases':>6} {'2xx':>5} {'checks run':>10} {'failed':>6}  failing checks")
        for operation in self.operations():
            cases = sum(n for (op, _), n in self.cases.items() if op == operation)
            runs = sum(sum(c.values()) for (op, _), c in self.checks.items() if op == operation)
            failed = sorted(ch for (op, ch), c in self.checks.items() if op == operation and c["failed"])
            count = sum(c["failed"] for (op, _), c in self.checks.items() if op == operation)
            ok = self.successes(operation)
            lines.append(f"{operation:<40} {cases:>6} {ok:>5} {runs:>10} {count:>6}  {', '.join(failed)}")
            for action in self._actions(operation):
                sent = sum(self.answers(operation, action).values())
                lines.append(f"{'  action=' + action:<40} {sent:>6} {self.successes(operation, action):>5}")
        lines += self._success_lines()
        lines += self._invariant_lines()
        if self.failures:
            lines += ["", f"{len(self.failures)} distinct failures:"]
            for number, failure in enumerate(self.failures.values(), 1):
                first = failure.message.strip().splitlines()[0] if failure.message.strip() else ""
                lines += [
                    f"{number}. [{failure.check}] {failure.operation} ({failure.phase}): {failure.title}",
                    f"   {first}" if first else "",
                    f"   reproduce: {failure.curl}",
                ]
        if self.skipped:
            lines += ["", "Skipped (not sent):"]
            lines += [f"  {count:>5} x {reason}" for reason, count in self.skipped.most_common()]
        if known:
            lines += ["", "Known gaps seen in this session (excused; CONTRACT_STRICT=1 fails on them):"]
            lines += [f"  {count:>5} x {reason}" for reason, count in known.most_common()]
        lines += [f"Note: {note}" for note in self.notes]
        return "\n".join(line for line in lines if line is not None)


_COUNTERS = ("cases", "statuses", "actions", "attempts", "waits", "skipped", "invariants")


def _listed(key: Any) -> Any:
    return [_listed(part) for part in key] if isinstance(key, tuple) else key


def _tupled(key: Any) -> Any:
    return tuple(_tupled(part) for part in key) if isinstance(key, list) else key


def report(failures: list[Failure]) -> str:
    """Failures as a test's assertion message: check, title, phase, message and the curl that reproduces each."""
    return "\n\n".join(f"[{f.check}] {f.title} ({f.phase})\n{f.message}\nreproduce: {f.curl}" for f in failures)
