"""`make update-spec` run on copies of the repository, with real and made-up spec files.

The runs never touch this checkout: each copies what the pipeline reads (openapi/, overlays/, the version file,
CHANGELOG.md) into a temporary folder and runs the update there with ``--root``. They copy today's overlays, so
assertions stick to what the spec change itself must produce, not to names an overlay chose.

tests/data/specs/voice-v1-1.3.7.yaml is Vonage's published Voice API v1 spec 1.3.7 (from Vonage's older public spec
repository, 2021), byte for byte; the made-up next releases come from tests/pipeline/spec_fixtures.py.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.pipeline import spec_fixtures
from tools import provenance, update_spec
from tools.change_report import Change
from tools.generate import Layout, generate
from tools.overlay import load_overlays
from tools.spec_diff import diff_specs

REPO = Path(__file__).resolve().parents[2]
SPEC_137 = Path(__file__).resolve().parents[1] / "data" / "specs" / "voice-v1-1.3.7.yaml"
SHA256_137 = "32779e6bf1ad887b423042d7b5904f8a77d15c86542d38fe1dd96c26cb5f9d56"
CURRENT = REPO / "openapi" / "voice-v1.yaml"

# Real 1.3.7 -> real 1.10.0, listed by hand from a diff of the two files (descriptions, titles, examples, info and
# the order of allOf parts left out: they change no contract). EndpointApp is no new schema: 1.3.7 has it, unused.
BREAKING_137_TO_110 = [
    "- added discriminator `CreateCallRequestBase.to[]` (request): `type` picks the variant: app → EndpointApp, "
    "phone → EndpointPhoneTo, sip → EndpointSip, vbc → EndpointVBCExtension, websocket → EndpointWebsocket",
    "- changed required `EndpointSip.uri` (request and response): now required",
    "- changed shape `GetCallResponse.to` (response): $ref to → one of EndpointPhoneTo | EndpointSip | "
    "EndpointWebsocket | EndpointVBCExtension | EndpointApp",
    "- changed tag `PUT /{uuid}/dtmf`: Play DTMF → DTMF (the generated module moves)",
    '- removed enum value `UpdateCallRequestUnmute.action` (request): "mute"',
    '- changed format `end_time` (response): "timestamp" → "date-time" (the generated Python type changes)',
    '- changed format `start_time` (response): "timestamp" → "date-time" (the generated Python type changes)',
    "- removed schema `to` (response)",
]
NOT_BREAKING_137_TO_110 = [
    "- changed limit `AddressWebsocket` (request and response): maxLength 50 → none (widened)",
    '- changed format `CreateCallRequestAnswerUrl.answer_url[]` (request): none → "uri" (str either way)',
    "- added field `CreateCallRequestBase.advanced_machine_detection` (request): optional",
    "- changed limit `CreateCallRequestBase.length_timer` (request): maximum 7200 → 86400 (widened)",
    "- added variant `CreateCallRequestBase.to[]` (request): EndpointApp",
    "- added operation `DELETE /{uuid}/input/dtmf`: Unsubscribe-DTMF (Stop receiving real-time DTMF events)",
    "- changed limit `EndpointPhoneFrom.number` (request): minLength 7 → none (widened)",
    "- changed limit `EndpointPhoneFrom.number` (request): maxLength 15 → none (widened)",
    '- changed pattern `EndpointPhoneFrom.number` (request): "\\d{7,15}" → none',
    "- added field `EndpointPhoneTo.shaken` (request and response): optional",
    "- added field `EndpointSip.headers` (request and response): optional",
    "- added field `EndpointSip.standard_headers` (request and response): optional",
    "- added field `EndpointWebsocket.authorization` (request and response): optional",
    '- added enum value `EndpointWebsocket.content-type` (request and response): "audio/l16;rate=24000"',
    "- added field `GetCallsResponse._links.first` (response): optional",
    "- added field `GetCallsResponse._links.last` (response): optional",
    "- added field `GetCallsResponse._links.next` (response): optional",
    "- added field `GetCallsResponse._links.prev` (response): optional",
    "- added operation `PUT /{uuid}/input/dtmf`: Subscribe-DTMF (Subscribe to real-time DTMF events)",
    "- added field `StartTalkRequest.premium` (request): optional",
    '- added enum value `UpdateCallRequestUnmute.action` (request): "unmute"',
]
# Overlay files with an action that targets what only 1.10.0 has (the DTMF subscription, premium, AMD).
OVERLAYS_NEWER_THAN_137 = [
    "04-operation-ids.yaml",
    "05-server-and-paths.yaml",
    "06-premium-default.yaml",
    "08-shared-schemas.yaml",
    "15-dtmf.yaml",
    "24-wording.yaml",
]


def repo_copy(root: Path, spec: Path) -> Layout:
    """What the pipeline reads, copied under ``root``, with ``spec`` as the vendored upstream document."""
    layout = Layout(root)
    layout.spec.parent.mkdir(parents=True)
    shutil.copyfile(REPO / "openapi" / "generator.yaml", layout.config)
    shutil.copytree(REPO / "openapi" / "templates", layout.templates)
    shutil.copyfile(REPO / "openapi" / "README.md", update_spec.provenance_file(layout))
    shutil.copyfile(spec, layout.spec)
    shutil.copytree(REPO / "overlays", layout.overlays)
    update_spec.version_file(layout).parent.mkdir(parents=True)
    shutil.copyfile(REPO / "src" / "vonage_voice_client" / "__init__.py", update_spec.version_file(layout))
    shutil.copyfile(REPO / "CHANGELOG.md", update_spec.changelog_file(layout))
    return layout


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`make update-spec` without make: the same module and arguments, in a fresh interpreter."""
    command = [sys.executable, "-m", "tools.update_spec", *args]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False, timeout=600)


def find(changes: list[Change], what: str, where: str) -> Change:
    matches = [change for change in changes if change.what == what and change.where == where]
    assert len(matches) == 1, f"expected one {what} change at {where}, got {matches}"
    return matches[0]


# ---- the same file, and the real 1.3.7 --------------------------------------------------------------------------


def test_the_same_file_again_is_a_no_op(tmp_path: Path) -> None:
    layout = repo_copy(tmp_path / "repo", CURRENT)
    before = snapshot(layout.root)
    run = run_cli(str(CURRENT), "--root", str(layout.root))
    assert run.returncode == 0, run.stderr
    assert "Nothing changed" in run.stdout and "byte for byte" in run.stdout, run.stdout
    assert snapshot(layout.root) == before


def test_the_same_document_archived_again_keeps_the_recorded_archive_date(tmp_path: Path) -> None:
    layout = repo_copy(tmp_path / "repo", CURRENT)
    rearchived = tmp_path / "vonage-voice-openapi.yml"
    text = CURRENT.read_text(encoding="utf-8")
    rearchived.write_text(text.replace("# x-archived-on: 2026-10-08", "# x-archived-on: 2027-03-01"), "utf-8")
    before = snapshot(layout.root)
    assert update_spec.main([str(rearchived), "--root", str(layout.root)]) == 0
    assert snapshot(layout.root) == before
    assert provenance.read(update_spec.provenance_file(layout).read_text("utf-8")).archived_on == "2026-10-08"


def test_the_fixture_is_the_published_137_file() -> None:
    assert hashlib.sha256(SPEC_137.read_bytes()).hexdigest() == SHA256_137
    assert yaml.safe_load(SPEC_137.read_text(encoding="utf-8"))["info"]["version"] == "1.3.7"


def test_137_to_110_spec_changes_are_the_hand_checked_list() -> None:
    old = yaml.safe_load(SPEC_137.read_text(encoding="utf-8"))
    changes = diff_specs(old, yaml.safe_load(CURRENT.read_text(encoding="utf-8")))
    assert [c.line() for c in changes if c.breaking] == BREAKING_137_TO_110
    assert [c.line() for c in changes if not c.breaking] == NOT_BREAKING_137_TO_110


def test_going_back_to_137_stops_naming_the_overlays_and_changes_nothing(tmp_path: Path) -> None:
    layout = repo_copy(tmp_path / "repo", CURRENT)
    before = snapshot(layout.root)
    run = run_cli(str(SPEC_137), "--root", str(layout.root))
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "update stopped" in run.stderr
    assert "First failing action: overlays/04-operation-ids.yaml, action #0" in run.stderr
    for name in OVERLAYS_NEWER_THAN_137:
        assert f"overlays/{name} action #" in run.stderr, name
    assert "Nothing in the repository was changed" in run.stderr
    assert snapshot(layout.root) == before


@pytest.fixture(scope="module")
def from_137(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, update_spec.Result, str]:
    """A repository at upstream 1.3.7, without a generated package (it cannot take today's overlays), updated."""
    layout = repo_copy(tmp_path_factory.mktemp("repo137"), SPEC_137)
    old_version = update_spec.read_version(layout)
    result = update_spec.update(layout, CURRENT)
    assert isinstance(result, update_spec.Result)
    return layout, result, old_version


def test_137_to_110_reports_the_hand_checked_spec_changes(from_137: tuple[Layout, update_spec.Result, str]) -> None:
    _, result, _ = from_137
    assert [c.line() for c in result.spec_changes] == BREAKING_137_TO_110 + NOT_BREAKING_137_TO_110
    assert result.level == "major"


def test_137_to_110_reports_the_python_api_changes(from_137: tuple[Layout, update_spec.Result, str]) -> None:
    _, result, _ = from_137
    api = result.api_changes
    assert any(c.kind == "removed" and c.where == "api.play_dtmf" and c.breaking for c in api)
    assert any(c.kind == "added" and c.where.startswith("api.dtmf") and "subscribe_dtmf" in c.detail for c in api)
    assert find(api, "field", "models.EndpointSip.uri").breaking
    assert find(api, "class", "models.To").breaking  # 1.3.7's record `to` model; 1.10.0 uses the endpoint union
    assert "## Overlay actions left out of the before-state" in result.report


def test_137_to_110_installs_the_file_byte_for_byte_with_its_provenance(
    from_137: tuple[Layout, update_spec.Result, str],
) -> None:
    layout, result, old_version = from_137
    assert layout.spec.read_bytes() == CURRENT.read_bytes()
    record = provenance.read(update_spec.provenance_file(layout).read_text(encoding="utf-8"))
    assert record == provenance.read((REPO / "openapi" / "README.md").read_text(encoding="utf-8"))
    assert (record.source, record.version, record.archived_on) == ("vonage-voice-openapi.yml", "1.10.0", "2026-10-08")
    assert result.new_version == update_spec.bump(old_version, "major") == update_spec.read_version(layout)
    assert 'SPEC_VERSION = "1.10.0"' in (layout.package / "__init__.py").read_text(encoding="utf-8")
    assert layout.patched.is_file()
    assert layout.sandbox_spec.read_bytes() == layout.patched.read_bytes()
    report = layout.spec.parent / "CHANGES-1.3.7-to-1.10.0.md"
    assert report.read_text(encoding="utf-8") == result.report
    assert "- Source: `vonage-voice-openapi.yml` (info.version 1.10.0)" in result.report
    newest = update_spec.changelog_file(layout).read_text(encoding="utf-8").split("\n## ")[1]
    assert newest.startswith(f"{result.new_version} (") and "1.3.7 → 1.10.0" in newest.splitlines()[0]


# ---- made-up next releases --------------------------------------------------------------------------------------


def test_the_made_up_releases_change_only_what_they_claim() -> None:
    current = yaml.safe_load(CURRENT.read_text(encoding="utf-8"))
    breaking = diff_specs(current, yaml.safe_load(spec_fixtures.next_breaking(CURRENT.read_text("utf-8"))))
    assert [(c.kind, c.what, c.where, c.breaking) for c in breaking] == [
        ("added", "parameter", "GET / query region", True),
        ("removed", "field", "GetCallResponse.network", True),
        ("removed", "enum value", "language", True),
        ("added", "field", "GetCallResponse.sip_code", False),
    ]
    renamed = spec_fixtures.next_renamed(CURRENT.read_text("utf-8")).replace("ConversationId", "conversation_uuid")
    current["info"]["version"] = spec_fixtures.NEXT_VERSION
    assert yaml.safe_load(renamed) == current


@pytest.fixture(scope="module")
def generated_repo(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    """A repository at the vendored spec, generated as `make generate` would (the usual starting point)."""
    layout = repo_copy(tmp_path_factory.mktemp("repo110"), CURRENT)
    generate(layout)
    return layout


def test_a_breaking_release_is_reported_as_breaking_with_a_major_bump(
    generated_repo: Layout, tmp_path: Path, capsys: Any
) -> None:
    shutil.copytree(generated_repo.root, tmp_path / "repo")
    layout = Layout(tmp_path / "repo")
    old_version = update_spec.read_version(layout)
    spec = spec_fixtures.write(tmp_path, "next-breaking")
    code = update_spec.main([str(spec), "--root", str(layout.root), "--archived-on", "2027-01-15"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert update_spec.read_version(layout) == update_spec.bump(old_version, "major")
    assert "**major**" in out
    for line in (
        "- removed field `GetCallResponse.network` (response)",
        '- removed enum value `language` (request): "no-NO"',
        "- added parameter `GET / query region`: required",
    ):
        assert line in out.split("### Not breaking")[0], line
    assert "- added field `GetCallResponse.sip_code` (response): optional" in out
    api = out.split("## Python API changes")[1]
    assert ".sync(region)`" in api.split("### Not breaking")[0]
    assert ".network`" in api.split("### Not breaking")[0]
    assert layout.spec.read_bytes() == spec.read_bytes()
    record = provenance.read(update_spec.provenance_file(layout).read_text(encoding="utf-8"))
    assert (record.source, record.version, record.sha256) == (spec.name, "1.11.0", provenance.sha256(spec.read_bytes()))
    assert (record.archived_on, record.named_by_archive, record.dated_by_archive) == ("2027-01-15", False, False)


def test_a_vanished_overlay_target_stops_the_update_and_changes_nothing(
    generated_repo: Layout, tmp_path: Path, capsys: Any
) -> None:
    shutil.copytree(generated_repo.root, tmp_path / "repo")
    layout = Layout(tmp_path / "repo")
    before = snapshot(layout.root)
    code = update_spec.main([str(spec_fixtures.write(tmp_path, "next-renamed")), "--root", str(layout.root)])
    err = capsys.readouterr().err
    assert code == 1
    # The first action (in file order) that targets the renamed schema is the one to name.
    source, index = next(
        (overlay.source, index)
        for overlay in load_overlays(layout.overlays)
        for index, action in enumerate(overlay.actions)
        if "conversation_uuid" in action["target"]
    )
    assert f"First failing action: overlays/{source}, action #{index}" in err
    assert "ConversationId" in err  # what the new spec has near the target
    assert "Nothing in the repository was changed" in err
    assert snapshot(layout.root) == before
