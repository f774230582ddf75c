"""Fixtures, guards and reports for the contract suites (run as ``python -m pytest contract_tests``).

* Tests talk only to loopback: a guard refuses any connection or name lookup for another host, unless a run against
  a URL on another host was asked for (CONTRACT_BASE_URL set, as ``make contract BASE_URL=...`` does).
* The live-call guard sits on the transport for the whole session: no request that could create or change a call
  reaches anything that is not our sandbox unless the guard of its run allows it.
* The provider contract's summary (operations x checks x cases, failures with curl, skips) is printed at the end
  of the session and written to contract_tests/reports/summary.txt (or where CONTRACT_SUMMARY says), with the same
  results as JSON beside it (summary.json). Spread over pytest-xdist workers (``make contract`` does), each worker
  records its own and the controller merges them first.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from contract_tests.support import credentials, known_issues, profile, targets, wire
from contract_tests.support.results import RunResults, report
from contract_tests.support.runner import ProviderRun
from contract_tests.support.sandbox import sandbox_target
from vonage_voice_client import VonageJWT

REPORTS = Path(__file__).parent / "reports"
RESULTS = pytest.StashKey[RunResults]()
WORKER_RESULTS, WORKER_GAPS = "vvc_contract_results", "vvc_contract_known_gaps"
_LOOPBACK_NAMES = {"localhost", "testserver"}  # testserver: the Host Schemathesis' in-process ASGI client sends


def live_url() -> str:
    return os.environ.get(targets.ENV_BASE_URL, "").strip()


def _is_loopback(host: Any) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like: not the network
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="session", autouse=True)
def loopback_only() -> Iterator[None]:
    """Refuse non-loopback connections and lookups for the whole session, unless a URL on another host was given."""
    if live_url() and not _is_loopback(urlsplit(live_url()).hostname):
        yield
        return
    original_connect, original_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if not _is_loopback(host):
            raise ConnectionRefusedError(f"contract tests talk only to loopback; refused {host!r}")
        original_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(host):
            raise socket.gaierror(f"contract tests talk only to loopback; refused to resolve {host!r}")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign, assignment]
    socket.getaddrinfo = getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect = original_connect  # type: ignore[method-assign]
        socket.getaddrinfo = original_getaddrinfo


@pytest.fixture(scope="session", autouse=True)
def guarded_transport() -> Iterator[None]:
    """The live-call guard on the transport for the session (see support/wire.py), and off again after it."""
    with wire.enforced():
        yield


@pytest.fixture(scope="session")
def auth() -> VonageJWT:
    """A throwaway application's token source (loopback targets and mock transports)."""
    return credentials.test_auth()


@pytest.fixture(scope="session")
def provider(request: pytest.FixtureRequest) -> Iterator[ProviderRun]:
    """The provider run of this session (of this worker, under pytest-xdist): the in-process sandbox, or
    CONTRACT_BASE_URL with the environment's credentials (skipped, with the reason, when they are missing). The
    calls its success paths made are hung up at the end."""
    url = live_url()
    if url:
        auth = credentials.live_auth()
        if isinstance(auth, str):
            pytest.skip(f"live contract run against {url} skipped: {auth}")
        target = targets.at_url(url, auth)
    else:
        target = sandbox_target()
    current = profile.current()
    results = RunResults(target=f"{target.name} (profile {current.name}, {current.max_examples} examples per mode)")
    request.config.stash[RESULTS] = results
    run = ProviderRun(target, current, results)
    yield run
    before = set(results.failures)
    run.finish()  # the hang-ups are cases too, checked like any other: what they find fails the run here
    found = run.new_failures(before)
    if found:
        pytest.fail("hanging up the calls of the success paths found:\n\n" + report(found))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On a pytest-xdist worker: hand this worker's results (and known gaps seen) to the controller. Session
    fixtures are torn down with the last test, before this: the hang-ups are in the results."""
    results = session.config.stash.get(RESULTS, None)
    output = getattr(session.config, "workeroutput", None)
    if results is not None and output is not None:
        output[WORKER_RESULTS] = results.to_json()
        output[WORKER_GAPS] = dict(known_issues.observed)


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook, on the controller
def pytest_testnodedown(node: Any, error: Any) -> None:
    """Merge a worker's results into the controller's, so the summary covers the whole run (``make contract -n``)."""
    text = getattr(node, "workeroutput", {}).get(WORKER_RESULTS)
    config = node.config
    merged = config.stash.get(RESULTS, None)
    if text is None:
        if error is not None and merged is not None:  # pytest reports the crash; the summary says what is missing
            merged.notes.append(f"worker {node.gateway.id} stopped ({error}): its results are not in this summary")
        return
    if merged is None:
        merged = config.stash[RESULTS] = RunResults()
    merged.merge_json(text)
    known_issues.observed.update(node.workeroutput.get(WORKER_GAPS, {}))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    results = config.stash.get(RESULTS, None)
    if results is None or hasattr(config, "workeroutput"):  # a worker: the controller writes the summary
        return
    text = results.summary(known_issues.observed)
    path = Path(os.environ.get("CONTRACT_SUMMARY", "").strip() or REPORTS / "summary.txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    path.with_suffix(".json").write_text(results.to_json() + "\n", encoding="utf-8")  # the same, for programs
    terminalreporter.write_sep("=", "provider contract summary")
    terminalreporter.write_line(text)
