"""`make generate` is reproducible and `make check-generated` catches what was not regenerated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.generate import Layout, PipelineError, build, differences, generate, tree_files

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the pipeline reads and writes, copied from this checkout (as committed or as last generated)."""
    root = tmp_path_factory.mktemp("repo")
    for folder in ("openapi", "overlays", "generated"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    rules = Layout(REPO).retry_rules
    (root / rules.relative_to(REPO)).parent.mkdir(parents=True)
    shutil.copyfile(rules, root / rules.relative_to(REPO))
    sandbox_spec = Layout(root).sandbox_spec
    sandbox_spec.parent.mkdir(parents=True)
    shutil.copyfile(Layout(REPO).sandbox_spec, sandbox_spec)
    return root


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Layout:
    shutil.copytree(pristine, tmp_path / "repo")
    return Layout(tmp_path / "repo")


def test_generating_twice_is_byte_identical(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first_spec, first = build(Layout(REPO), tmp_path / "one")
    second_spec, second = build(Layout(REPO), tmp_path / "two")
    assert first_spec.read_bytes() == second_spec.read_bytes()
    assert tree_files(first) == tree_files(second)


def test_the_committed_output_is_in_sync(repo: Layout) -> None:
    assert differences(repo) == []


def test_a_hand_edit_of_generated_code_is_caught(repo: Layout) -> None:
    module = repo.package / "api" / "calls" / "get_call.py"
    module.write_text(module.read_text() + "\nHAND_EDIT = True\n")
    diff = "".join(differences(repo))
    assert "generated/vonage_voice_api/api/calls/get_call.py" in diff and "HAND_EDIT" in diff


def test_a_stray_file_in_generated_is_caught(repo: Layout) -> None:
    (repo.package / "models" / "extra.py").write_text("X = 1\n")
    assert "models/extra.py" in "".join(differences(repo))


def test_an_overlay_change_not_regenerated_is_caught(repo: Layout) -> None:
    overlay = repo.overlays / "03-call-times.yaml"
    overlay.write_text(overlay.read_text().replace("Start time", "When it began"))
    diff = "".join(differences(repo))
    assert "openapi/voice-v1.patched.yaml" in diff and "When it began" in diff


def test_a_retry_rule_changed_in_an_overlay_but_not_regenerated_is_caught(repo: Layout) -> None:
    overlay = repo.overlays / "29-retry-rules.yaml"
    text = overlay.read_text()
    overlay.write_text(text.replace("update: {x-vvc-retry: once}", "update: {x-vvc-retry: repeatable}", 1))
    diff = "".join(differences(repo))
    assert "src/vonage_voice_client/_retry_rules.py" in diff and '"POST", "/v1/calls$", "repeatable"' in diff


def test_a_retry_rule_that_is_not_a_rule_stops_generation(repo: Layout, tmp_path: Path) -> None:
    overlay = repo.overlays / "29-retry-rules.yaml"
    overlay.write_text(overlay.read_text().replace("update: {x-vvc-retry: once}", "update: {x-vvc-retry: maybe}", 1))
    with pytest.raises(PipelineError, match=r"POST /v1/calls: x-vvc-retry is 'maybe'"):
        build(repo, tmp_path)


def test_a_rate_class_that_is_not_a_class_stops_generation(repo: Layout, tmp_path: Path) -> None:
    overlay = repo.overlays / "30-rate-classes.yaml"
    overlay.write_text(overlay.read_text().replace("update: {x-vvc-rate: create}", "update: {x-vvc-rate: creat}"))
    with pytest.raises(PipelineError, match=r"POST /v1/calls: x-vvc-rate is 'creat'; use one of create"):
        build(repo, tmp_path)


def test_a_stale_sandbox_copy_of_the_patched_spec_is_caught(repo: Layout) -> None:
    # The sandbox serves its own copy; a copy left behind by a spec change would serve the old contract.
    repo.sandbox_spec.write_text(repo.sandbox_spec.read_text().replace("Start time", "When it began"))
    diff = "".join(differences(repo))
    assert "src/vonage_voice_sandbox/_spec/voice-v1.patched.yaml" in diff and "When it began" in diff


def test_generate_writes_the_sandbox_copy(repo: Layout) -> None:
    repo.sandbox_spec.unlink()
    generate(repo)
    assert repo.sandbox_spec.read_bytes() == repo.patched.read_bytes()
