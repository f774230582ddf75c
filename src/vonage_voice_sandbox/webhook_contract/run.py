"""Run the webhook contract: property-based callbacks from the spec against an application's webhooks.

For each webhook configured (answer, event, fallback) and each callback schema it receives, Schemathesis
generates payloads (optional fields present and absent, every ``oneOf`` branch, unlisted values); each is signed with
the application's secret and sent with the webhook's method. The first callback that breaks a check is made smaller,
field by field, while it still breaks it (Hypothesis's own shrinking, through Schemathesis's strategies, costs
seconds per finding). Then, unless the application is declared not to verify, one callback of each webhook
goes unsigned, forged, expired and replayed, and must be refused with a 4xx.

The whole run is bounded: each request by the time Vonage waits for its webhook (a webhook that let one callback time
out is sent nothing more), and the run by ``max_seconds``. It runs in a thread of its own with its own event loop, so
it can be called from synchronous and asynchronous tests alike.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from hypothesis import HealthCheck, Phase, Verbosity, find, given, settings
from hypothesis import seed as hypothesis_seed

from ..spec.document import SpecInfo, load_spec
from ..spec.ncco import checker_for
from .callbacks import UNLISTED, CallbackSchema, as_query, callback_schemas
from .report import Finding, LooseForm, Report, replay_line
from .strategies import Strategies
from .transport import Answer, Prepared, Sender, Signing

__all__ = ["VONAGE_WAITS", "Target", "check_webhooks"]

# Seconds Vonage waits for an answer (the troubleshooting guide: an NCCO within 5 s; the application's webhook
# timeouts: answer and fallback at most 5 s, event at most 10 s). See docs/webhook-contract.md.
VONAGE_WAITS: Final = {"answer": 5.0, "fallback": 5.0, "event": 10.0}
APPLICATION_ID: Final = "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab"
_BAD_SIGNINGS: Final[tuple[Signing, ...]] = ("unsigned", "forged", "expired")
T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """Where the application's webhooks are, and how they are configured (the Vonage application's settings)."""

    answer: str | None = "/answer"
    event: str | None = "/event"
    fallback: str | None = None
    answer_method: str = "GET"
    event_method: str = "POST"
    fallback_method: str = "POST"
    verifies: bool = True  # False: the application is declared not to verify signatures
    waits: Mapping[str, float] = field(default_factory=lambda: dict(VONAGE_WAITS))
    name: str = "MODULE:APP"  # for replay lines

    def webhooks(self) -> list[tuple[str, str, str]]:
        """(webhook, path, method) for each webhook configured."""
        found = [("answer", self.answer, self.answer_method), ("event", self.event, self.event_method)]
        found.append(("fallback", self.fallback, self.fallback_method))
        return [(name, path, method.upper()) for name, path, method in found if path]

    def options(self) -> list[str]:
        """The command-line options that describe this target (for replay lines)."""
        options = []
        for name, path, method in self.webhooks():
            options += [f"--{name}", path]
            if method != {"answer": "GET", "event": "POST", "fallback": "POST"}[name]:
                options += [f"--{name}-method", method]
        return options + ([] if self.verifies else ["--no-verify"])


def check_webhooks(
    app: Any = None,
    *,
    base_url: str | None = None,
    secret: str,
    target: Target | None = None,
    examples: int = 10,
    seed: int = 0,
    max_seconds: float = 300.0,
    spec: SpecInfo | None = None,
    replay: Mapping[str, Any] | None = None,
) -> Report:
    """Check the webhooks of ``app`` (an ASGI app) or of the application at ``base_url`` (loopback only)."""
    if not secret:
        raise ValueError("the signature secret is empty: give the secret the application verifies callbacks with")
    runner = _Runner(app, base_url, secret, target or Target(), examples, seed, max_seconds, spec or load_spec())
    return _in_worker(lambda: runner.run(replay))


def _in_worker(work: Callable[[], T]) -> T:
    with ThreadPoolExecutor(1, thread_name_prefix="webhook-contract") as pool:
        return pool.submit(work).result()


class _Found(AssertionError):
    """A broken check, raised inside Hypothesis so that it shrinks the callback."""


class _Runner:
    def __init__(
        self,
        app: Any,
        base_url: str | None,
        secret: str,
        target: Target,
        examples: int,
        seed: int,
        max_seconds: float,
        spec: SpecInfo,
    ) -> None:
        self.sender = Sender(app=app, base_url=base_url, secret=secret, application_id=APPLICATION_ID)
        self.target = target
        self.examples = max(1, examples)
        self.seed = seed
        self.spec = spec
        self.ncco = checker_for(spec)
        self.report = Report()
        self.deadline = time.monotonic() + max_seconds
        self.timed_out: set[str] = set()  # webhooks sent nothing more after a callback timed out
        self.loop = asyncio.new_event_loop()

    def run(self, replay: Mapping[str, Any] | None) -> Report:
        started = time.monotonic()
        try:
            self.loop.run_until_complete(self.sender.__aenter__())
            if replay is not None:
                self._replay(replay)
            else:
                self._all()
        finally:
            self.loop.run_until_complete(self.sender.__aexit__())
            self.loop.close()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _all(self) -> None:
        schemas = callback_schemas(self.spec)
        self.strategies = Strategies([*schemas, *map(as_query, schemas)])
        for webhook, path, method in self.target.webhooks():
            mine = [schema for schema in schemas if webhook in schema.webhooks]
            for schema in mine:
                if method not in schema.methods:
                    self.report.notes.append(f"{schema.name} is never sent to the {webhook} webhook with {method}")
                elif self._may_go_on(webhook):
                    self._explore(webhook, path, method, as_query(schema) if method == "GET" else schema)
            first = next((schema for schema in mine if schema.unlisted is None), None)
            first = as_query(first) if first is not None and method == "GET" else first
            if self.target.verifies and first is not None and self._may_go_on(webhook):
                self._signatures(webhook, path, method, first)

    def _may_go_on(self, webhook: str) -> bool:
        if time.monotonic() > self.deadline:
            note = "the run reached its time limit (max_seconds): the rest was not checked"
            if note not in self.report.notes:
                self.report.notes.append(note)
            return False
        return webhook not in self.timed_out

    # --- property-based callbacks ----------------------------------------------------------------------------------

    def _explore(self, webhook: str, path: str, method: str, schema: CallbackSchema) -> None:
        strategy = self.strategies.payloads(schema)
        first: list[tuple[dict[str, Any], Finding]] = []

        @settings(
            max_examples=self.examples,
            database=None,
            deadline=None,
            phases=(Phase.explicit, Phase.generate),  # shrinking through Schemathesis costs seconds: see _smallest
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.quiet,
            report_multiple_bugs=False,
            print_blob=False,
        )
        @hypothesis_seed(self.seed)
        @given(strategy)
        def probe(payload: dict[str, Any]) -> None:
            if not self._may_go_on(webhook):
                return
            finding = self._one(webhook, path, method, schema, payload)
            if finding is not None:
                first.append((payload, finding))
                raise _Found(finding.detail)

        try:
            probe()
        except Exception:
            if not first:
                raise
        if first:
            self.report.findings.append(self._smallest(webhook, path, method, schema, *first[0]))

    def _smallest(
        self, webhook: str, path: str, method: str, schema: CallbackSchema, payload: dict[str, Any], finding: Finding
    ) -> Finding:
        """The failing callback without each optional field whose absence still breaks the same check (one pass)."""
        required = set(schema.schema.get("required") or ())
        for name in [name for name in payload if name not in required]:
            smaller = {key: value for key, value in payload.items() if key != name}
            again = self._one(webhook, path, method, schema, smaller) if self._may_go_on(webhook) else None
            if again is not None and again.check == finding.check:
                payload, finding = smaller, again
        return finding

    def _one(
        self, webhook: str, path: str, method: str, schema: CallbackSchema, payload: dict[str, Any]
    ) -> Finding | None:
        request = self.sender.prepare(method, path, payload)
        answer = self._send(request, webhook)
        check, detail = self._judge(webhook, schema, answer)
        if check is None:
            return None
        finding = self._finding(check, detail, webhook, schema.name, request, payload, "signed", answer)
        if answer.timed_out:  # not shrunk: each attempt would cost the whole wait
            self.timed_out.add(webhook)
            self.report.findings.append(finding)
            self.report.notes.append(f"the {webhook} webhook was sent nothing more after a callback timed out")
            return None
        return finding

    def _judge(self, webhook: str, schema: CallbackSchema, answer: Answer) -> tuple[str | None, str]:
        wait = self.target.waits.get(webhook, VONAGE_WAITS[webhook])
        unlisted = f" (it holds {schema.unlisted}={json.dumps(UNLISTED)})" if schema.unlisted else ""
        if answer.timed_out or answer.elapsed > wait:
            return "answers-in-time", f"no answer within {wait:g} s, the time Vonage waits for the {webhook} webhook"
        if answer.status is None:
            return "no-connection-error", f"the callback got no answer: {answer.error}"
        if answer.status >= 500:
            check = "accepts-unlisted-values" if schema.unlisted else "no-server-error"
            return check, f"a valid signed callback was answered HTTP {answer.status}{unlisted}"
        if not 200 <= answer.status < 300:
            check = "accepts-unlisted-values" if schema.unlisted else "accepts-valid-callbacks"
            return check, f"a valid signed callback was answered HTTP {answer.status}, not a 2xx{unlisted}"
        return self._reply(webhook, schema, answer)

    def _reply(self, webhook: str, schema: CallbackSchema, answer: Answer) -> tuple[str | None, str]:
        if schema.reply == "none" or (schema.reply == "optional-ncco" and not answer.body.strip()):
            return None, ""
        if not answer.body.strip():
            return "valid-ncco", "the reply is empty: the answer webhook must answer an NCCO"
        try:
            ncco = json.loads(answer.body)
        except ValueError:
            if schema.reply == "optional-ncco":
                return None, ""
            return "valid-ncco", "the reply is not JSON: the answer webhook must answer an NCCO"
        checked = self.ncco.check(ncco)
        for loose in checked.loose:
            self.report.warn(LooseForm(webhook, loose.name, loose.reason))
        if not checked.valid:
            return "valid-ncco", f"the reply is not a valid NCCO: {checked.describe()}"
        return None, ""

    # --- signatures ------------------------------------------------------------------------------------------------

    def _signatures(self, webhook: str, path: str, method: str, schema: CallbackSchema) -> None:
        strategy = self.strategies.payloads(schema)
        quiet = settings(database=None, max_examples=1, phases=(Phase.generate, Phase.shrink))
        payload = find(strategy, lambda _: True, settings=quiet, random=random.Random(self.seed))  # noqa: S311 - reproducible test data
        for signing in _BAD_SIGNINGS:
            self._refused(webhook, schema, payload, self.sender.prepare(method, path, payload, signing), signing)
        first = self.sender.prepare(method, path, payload)
        answer = self._send(first, webhook)
        if answer.status is not None and 200 <= answer.status < 300:
            self._refused(webhook, schema, payload, first, "replayed")
        else:
            self.report.notes.append(
                f"replay not checked on the {webhook} webhook: its first copy got {answer.shown()}"
            )

    def _refused(
        self, webhook: str, schema: CallbackSchema, payload: dict[str, Any], request: Prepared, signing: Signing
    ) -> None:
        if not self._may_go_on(webhook):
            return
        answer = self._send(request, webhook)
        if answer.status is not None and 400 <= answer.status < 500:
            return
        check, detail = self._judge(webhook, schema, answer)
        if check is None or check in ("accepts-valid-callbacks", "valid-ncco"):
            check, detail = "refuses-bad-signatures", f"a callback {signing} was answered {answer.shown()[:60]}"
        if answer.timed_out:
            self.timed_out.add(webhook)
        self.report.findings.append(
            self._finding(check, detail, webhook, schema.name, request, payload, signing, answer)
        )

    # --- plumbing --------------------------------------------------------------------------------------------------

    def _send(self, request: Prepared, webhook: str) -> Answer:
        wait = self.target.waits.get(webhook, VONAGE_WAITS[webhook])
        self.report.callbacks += 1
        return self.loop.run_until_complete(self.sender.send(request, wait))

    def _finding(
        self,
        check: str,
        detail: str,
        webhook: str,
        callback: str,
        request: Prepared,
        payload: dict[str, Any],
        signing: str,
        answer: Answer,
    ) -> Finding:
        shown = request.query if request.query is not None else payload
        replay = replay_line(self.target.name, self.target.options(), webhook, request.method, payload, signing)
        return Finding(
            check, webhook, callback, request.method, request.path, dict(shown), signing, answer.shown(), detail, replay
        )

    def _replay(self, replay: Mapping[str, Any]) -> None:
        """Send one callback again (``--replay``), judged as it was the first time."""
        webhook = str(replay.get("webhook", "event"))
        paths = {name: (path, method) for name, path, method in self.target.webhooks()}
        if webhook not in paths:
            raise ValueError(f"--replay names the {webhook} webhook, but no path was given for it (--{webhook})")
        path, method = paths[webhook]
        payload = replay.get("payload")
        if not isinstance(payload, dict):
            raise ValueError("--replay needs a payload object")
        signing = str(replay.get("signing", "signed"))
        schema = _replayed_schema(self.spec, webhook, payload)
        method = str(replay.get("method", method)).upper()
        if signing == "replayed":
            self._refused(webhook, schema, payload, self.sender.prepare(method, path, payload), "replayed")
        elif signing in _BAD_SIGNINGS:
            request = self.sender.prepare(method, path, payload, signing)
            self._refused(webhook, schema, payload, request, signing)
        else:
            finding = self._one(webhook, path, method, schema, payload)
            if finding is not None:
                self.report.findings.append(finding)


def _replayed_schema(spec: SpecInfo, webhook: str, payload: dict[str, Any]) -> CallbackSchema:
    """The schema a replayed payload was made from, as far as its reply matters (answer: an NCCO)."""
    unlisted = next((name for name, value in payload.items() if value == UNLISTED), None)
    candidates = [schema for schema in callback_schemas(spec, unlisted=False) if webhook in schema.webhooks]
    reply = candidates[0].reply if webhook == "answer" and candidates else "none"
    if webhook != "answer" and candidates:
        reply = "optional-ncco" if any(schema.reply == "optional-ncco" for schema in candidates) else "none"
    return CallbackSchema("replayed callback", {}, (webhook,), ("GET", "POST"), reply, unlisted)
