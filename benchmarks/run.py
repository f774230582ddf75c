"""``make bench``: every figure side by side in one run; writes benchmarks/results.json and the README's table.

    python -m benchmarks.run                    # everything (about 8 minutes)
    python -m benchmarks.run --only overhead    # some sections, printed only (results.json and README untouched)

A section that cannot run (the sandbox missing, say) leaves its figures ``null`` with the reason under
``"unavailable"``; the others still run. No figure is asserted anywhere: these are measurements, not tests.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from ._common import machine

HERE: Final = Path(__file__).resolve().parent
RESULTS: Final = HERE / "results.json"
README: Final = HERE / "README.md"
BEGIN: Final = "<!-- results:begin (written by python -m benchmarks.run) -->"
END: Final = "<!-- results:end -->"


@dataclass(frozen=True)
class Section:
    name: str
    module: str  # benchmarks.<module>.run() -> dict[str, float]
    keys: tuple[str, ...]  # figures it must return (null when the section cannot run)


SECTIONS: Final = (
    Section(
        "overhead",
        "bench_overhead",
        (
            "overhead_ratio_get_inmemory",
            "inmemory_get_ours_us",
            "inmemory_get_raw_us",
            "inmemory_get_runtime_us",
            "overhead_ratio_post_inmemory",
            "inmemory_post_ours_us",
            "inmemory_post_raw_us",
        ),
    ),
    Section("models", "bench_models", ("model_build_ratio", "model_build_us", "model_build_baseline_us")),
    Section(
        "auth", "bench_auth", ("signings_per_1000", "auth_cached_vs_signing_ratio", "auth_cached_us", "auth_signing_us")
    ),
    Section(
        "loopback",
        "bench_loopback",
        (
            "loopback_ratio_get",
            "loopback_get_ours_us",
            "loopback_get_raw_us",
            "async_throughput_ratio",
            "async_rps_ours",
            "async_rps_raw",
            "async_cpu_us_ours",
            "async_cpu_us_raw",
        ),
    ),
    Section("sandbox", "bench_sandbox", ("sandbox_rps_get", "sandbox_rps_post")),
    Section(
        "rate_budget",
        "bench_rate_budget",
        (
            "rate_budget_ratio_4",
            "rate_budget_429_4",
            "rate_budget_errors_4",
            "rate_alone_ratio_4",
            "rate_alone_429_4",
            "rate_budget_ratio_8",
            "rate_budget_429_8",
            "rate_budget_errors_8",
            "rate_alone_ratio_8",
            "rate_alone_429_8",
            "rate_budget_limit",
        ),
    ),
    Section(
        "sandbox_memory",
        "bench_sandbox_memory",
        (
            "sandbox_rss_growth_mb",
            "sandbox_rss_growth_half_mb",
            "sandbox_rss_baseline_mb",
            "sandbox_memory_calls",
            "sandbox_memory_calls_per_s",
            "sandbox_calls_kept",
            "sandbox_max_calls",
            "sandbox_admin_calls_page_kb",
            "sandbox_admin_events_page_kb",
            "sandbox_admin_page_size",
        ),
    ),
    Section(
        "contract",
        "bench_contract",
        (
            "contract_ratio_vs_cli",
            "contract_cases_per_s",
            "contract_cases",
            "contract_s",
            "contract_cli_cases_per_s",
            "contract_cli_cases",
            "contract_cli_s",
            "contract_suite_s",
        ),
    ),
    Section(
        "websockets",
        "bench_websockets",
        (
            "ws_real_p99_interval_ms",
            "ws_real_sessions",
            "ws_real_in_order_sessions",
            "ws_real_frames_per_s_min",
            "ws_real_frames_per_s_median",
            "ws_virtual_wall_s",
            "ws_virtual_sessions",
        ),
    ),
    Section(
        "sdk",
        "bench_sdk",
        (
            "import_ratio_vs_sdk",
            "import_ms_clean_ours",
            "import_ms_clean_sdk",
            "get_call_speedup_vs_sdk",
            "get_call_ms_ours",
            "get_call_ms_sdk",
        ),
    ),
    Section(
        "recording_download",
        "bench_recording_download",
        (
            "recording_rss_growth_mb",
            "recording_rss_growth_raw_mb",
            "recording_rss_baseline_mb",
            "recording_download_ratio",
            "recording_mb_per_s_ours",
            "recording_mb_per_s_raw",
            "recording_size_mb",
        ),
    ),
    Section(
        "webhook_contract",
        "bench_webhook_contract",
        ("webhook_contract_callbacks_per_s", "webhook_contract_callbacks", "webhook_contract_s"),
    ),
    Section(
        "startup",
        "bench_startup",
        ("import_ms_client", "import_ms_generated_all", "import_ms_httpx", "generated_modules", "generate_s"),
    ),
)

Figures = dict[str, float | None]


@dataclass(frozen=True)
class Row:
    """One line of the table: a headline figure, its goal, and the absolute figures behind it."""

    key: str
    unit: str
    goal: str = ""
    met: Callable[[float], bool] | None = None
    detail: str | Callable[[Figures], str] = ""  # a str.format() template over the figures, or a function of them


ROWS: Final = (
    Row(
        "overhead_ratio_get_inmemory",
        "x",
        "≤ 1.25",
        lambda v: v <= 1.25,
        "{inmemory_get_ours_us:.1f} µs ours / {inmemory_get_raw_us:.1f} µs raw httpx per GET "
        "(our runtime without the generated operation: {inmemory_get_runtime_us:.1f} µs)",
    ),
    Row(
        "overhead_ratio_post_inmemory",
        "x",
        "≤ 1.25",
        lambda v: v <= 1.25,
        "{inmemory_post_ours_us:.1f} µs ours / {inmemory_post_raw_us:.1f} µs raw httpx per POST",
    ),
    Row(
        "model_build_ratio",
        "x",
        "≤ 1.5",
        lambda v: v <= 1.5,
        "{model_build_us:.1f} µs / {model_build_baseline_us:.1f} µs to build a full createCall request model (13 "
        "models), checked / before the strict writer (enum checks only)",
    ),
    Row("loopback_ratio_get", "x", "", None, "{loopback_get_ours_us:.0f} µs ours / {loopback_get_raw_us:.0f} µs raw"),
    Row(
        "async_throughput_ratio",
        "x",
        "≥ 0.85",
        lambda v: v >= 0.85,
        "{async_rps_ours:.0f} / {async_rps_raw:.0f} req/s; client CPU {async_cpu_us_ours:.0f} / "
        "{async_cpu_us_raw:.0f} µs per request",
    ),
    Row("signings_per_1000", "", "", None, "RS256 tokens signed for 1,000 requests on one client"),
    Row(
        "auth_cached_vs_signing_ratio",
        "x",
        "",
        None,
        "{auth_signing_us:.0f} µs signing per request (the SDK way) / {auth_cached_us:.2f} µs cached token",
    ),
    Row(
        "import_ratio_vs_sdk",
        "x",
        "≤ 0.5",
        lambda v: v <= 0.5,
        "{import_ms_clean_ours:.0f} ms ours / {import_ms_clean_sdk:.0f} ms official SDK (`vonage==4.9.1`), cold "
        "import, each in a clean venv built by the benchmark (runtime dependencies only)",
    ),
    Row(
        "get_call_speedup_vs_sdk",
        "x",
        "≥ 20",
        lambda v: v >= 20,
        "{get_call_ms_sdk:.1f} ms official SDK / {get_call_ms_ours:.2f} ms ours per get_call, same sandbox process",
    ),
    Row("import_ms_client", "ms", "", None, "vonage_voice_client + create_call; httpx alone {import_ms_httpx:.0f} ms"),
    Row("import_ms_generated_all", "ms", "", None, "all {generated_modules:.0f} modules of vonage_voice_api"),
    Row("generate_s", "s", "", None, "overlays, validation, openapi-python-client and ruff, into a temporary folder"),
    Row(
        "contract_ratio_vs_cli",
        "x",
        "≥ 1.0",
        lambda v: v >= 1.0,
        "{contract_cases_per_s:.0f} cases/s ours ({contract_cases:.0f} cases in {contract_s:.1f} s: the provider "
        "contract, long profile, in process, on every core) / {contract_cli_cases_per_s:.0f} cases/s plain "
        "Schemathesis CLI against the sandbox over HTTP ({contract_cli_cases:.0f} cases in {contract_cli_s:.1f} s)",
    ),
    Row(
        "contract_suite_s",
        "s",
        "≤ 120",
        lambda v: v <= 120,
        "`make contract`: every contract suite (provider, client, drift, guards), long profile",
    ),
    Row(
        "ws_real_p99_interval_ms",
        "ms",
        "≤ 30",
        lambda v: v <= 30,
        "p99 between caller frames: {ws_real_in_order_sessions:.0f}/{ws_real_sessions:.0f} concurrent 16 kHz "
        "WebSocket sessions in order on the real clock, {ws_real_frames_per_s_min:.1f} frames/s at the slowest "
        "(median {ws_real_frames_per_s_median:.1f}); receivers in another process",
    ),
    Row(
        "ws_virtual_wall_s",
        "s",
        "≤ 2",
        lambda v: v <= 2,
        "wall time for advance(60) on the virtual clock: 60 s of 16 kHz audio to each of "
        "{ws_virtual_sessions:.0f} WebSocket sessions, every frame received in order",
    ),
    Row(
        "webhook_contract_callbacks_per_s",
        "callbacks/s",
        "",
        None,
        "the webhook contract against the IVR example in process: {webhook_contract_callbacks:.0f} callbacks "
        "generated, signed, sent and checked in {webhook_contract_s:.1f} s",
    ),
    Row(
        "recording_rss_growth_mb",
        "MB",
        "≤ 10",
        lambda v: v <= 10,
        "peak RSS rise of a process downloading a {recording_size_mb:.0f} MB recording (`download_recording` to a "
        "path) from a loopback server, over its RSS just before; raw httpx streaming to a file: "
        "{recording_rss_growth_raw_mb:.2f} MB",
    ),
    Row(
        "recording_download_ratio",
        "x",
        "≥ 0.9",
        lambda v: v >= 0.9,
        "{recording_mb_per_s_ours:.0f} MB/s `download_recording` / {recording_mb_per_s_raw:.0f} MB/s raw httpx "
        "streaming to a file, {recording_size_mb:.0f} MB from a loopback server",
    ),
    Row("sandbox_rps_get", "req/s", "≥ 1,000", lambda v: v >= 1000, "getCall, one uvicorn worker, loopback"),
    Row(
        "rate_budget_ratio_4",
        "x",
        "≥ 0.9",
        lambda v: v >= 0.9,
        "4 processes creating calls through the budget shared on Redis, over the sandbox's {rate_budget_limit:.0f} "
        "creates/s; without it: {rate_alone_ratio_4:.2f} x",
    ),
    Row(
        "rate_budget_429_4",
        "",
        "= 0",
        lambda v: v == 0,
        "429s drawn by the 4 processes through the shared budget ({rate_budget_errors_4:.0f} other errors); "
        "without it: {rate_alone_429_4:.0f}",
    ),
    Row(
        "rate_budget_ratio_8",
        "x",
        "≥ 0.9",
        lambda v: v >= 0.9,
        "8 processes creating calls through the budget shared on Redis, over the sandbox's {rate_budget_limit:.0f} "
        "creates/s; without it: {rate_alone_ratio_8:.2f} x",
    ),
    Row(
        "rate_budget_429_8",
        "",
        "= 0",
        lambda v: v == 0,
        "429s drawn by the 8 processes through the shared budget ({rate_budget_errors_8:.0f} other errors); "
        "without it: {rate_alone_429_8:.0f}",
    ),
    Row("sandbox_rps_post", "req/s", "≥ 800", lambda v: v >= 800, "createCall, one uvicorn worker, loopback"),
    Row(
        "sandbox_rss_growth_mb",
        "MB",
        "",
        None,
        "sandbox RSS after {sandbox_memory_calls:.0f} calls ({sandbox_memory_calls_per_s:.0f}/s) over "
        "{sandbox_rss_baseline_mb:.0f} MB after a warm-up; {sandbox_rss_growth_half_mb:.0f} MB halfway; "
        "{sandbox_calls_kept:.0f} calls kept (max_calls {sandbox_max_calls:.0f})",
    ),
    Row(
        "sandbox_admin_calls_page_kb",
        "KB",
        "",
        None,
        "GET /_sandbox/calls, first page of {sandbox_admin_page_size:.0f}; /_sandbox/events: "
        "{sandbox_admin_events_page_kb:.0f} KB",
    ),
)


def run_section(section: Section) -> tuple[Figures, str | None]:
    """Run one section; on failure return its figures as None and the reason."""
    try:
        module = importlib.import_module(f"{__package__}.{section.module}")
        figures: dict[str, Any] = module.run()
    except Exception as exc:  # any failure of one section is reported, and the others still run
        traceback.print_exc(file=sys.stderr)
        reason = f"{type(exc).__name__}: {exc}".strip()
        return dict.fromkeys(section.keys), reason
    result: Figures = {key: _number(value) for key, value in figures.items()}
    missing = [key for key in section.keys if key not in result]
    for key in missing:
        result[key] = None
    return result, f"{section.module}.run() did not return {', '.join(missing)}" if missing else None


def _number(value: Any) -> float | None:
    # Four decimals: far below the run-to-run noise, and results.json stays readable.
    return round(float(value), 4) if isinstance(value, int | float) and math.isfinite(value) else None


def measure(names: Sequence[str]) -> tuple[Figures, dict[str, str], dict[str, float]]:
    figures: Figures = {}
    unavailable: dict[str, str] = {}
    durations: dict[str, float] = {}
    for section in SECTIONS:
        if section.name not in names:
            continue
        print(f"[bench] {section.name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        result, reason = run_section(section)
        durations[section.name] = round(time.perf_counter() - start, 1)
        figures |= result
        if reason:
            unavailable[section.name] = reason
            print(f"[bench] {section.name}: {reason}", file=sys.stderr, flush=True)
    return figures, unavailable, durations


def table(figures: Figures) -> str:
    lines = ["| figure | value | goal | met | behind it |", "|---|---:|---|---|---|"]
    for row in ROWS:
        if row.key not in figures:
            continue
        value = figures[row.key]
        shown = "n/a" if value is None else f"{_format(value)} {row.unit}".rstrip()
        met = "" if row.met is None or value is None else ("yes" if row.met(value) else "**no**")
        lines.append(f"| `{row.key}` | {shown} | {row.goal} | {met} | {_detail(row.detail, figures)} |")
    return "\n".join(lines)


def _format(value: float) -> str:
    if value >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.2f}"


def _detail(template: str | Callable[[Figures], str], figures: Figures) -> str:
    if not isinstance(template, str):
        template = template(figures)
    try:
        return template.format(**figures)
    except (KeyError, TypeError, ValueError):  # a figure behind it is missing (None)
        return "n/a"


def readme_block(figures: Figures, unavailable: dict[str, str], document: dict[str, Any]) -> str:
    box = document["machine"]
    lines = [
        BEGIN,
        f"Measured {document['measured_at']} in {document['duration_s']:.0f} s on {box['cpu']} "
        f"({box['cpus']} CPUs), {box['os']}, {box['python']}, httpx {box['httpx']}, uvicorn {box['uvicorn']}.",
        "",
        table(figures),
    ]
    if unavailable:
        lines += ["", "Not measured in this run:", ""]
        lines += [f"- {name}: {reason}" for name, reason in unavailable.items()]
    lines.append(END)
    return "\n".join(lines)


def update_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated sections: " + ", ".join(s.name for s in SECTIONS))
    args = parser.parse_args(argv)
    names = [s.name for s in SECTIONS] if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = sorted(set(names) - {s.name for s in SECTIONS})
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    start = time.perf_counter()
    figures, unavailable, durations = measure(names)
    document: dict[str, Any] = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "duration_s": round(time.perf_counter() - start, 1),
        "section_seconds": durations,
        "machine": machine(),
        "goals": {row.key: row.goal for row in ROWS if row.goal},
        **figures,
        "unavailable": unavailable,
    }
    print(table(figures))
    for name, reason in unavailable.items():
        print(f"not measured: {name}: {reason}")
    if args.only:
        return 0
    RESULTS.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    update_readme(readme_block(figures, unavailable, document))
    print(f"wrote {RESULTS.relative_to(HERE.parent)} and {README.relative_to(HERE.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
