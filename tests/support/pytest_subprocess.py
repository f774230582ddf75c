"""Run pytest in a subprocess on a throwaway folder, as a user's project would: the installed plugin comes from its
entry point, and the other installed plugins are switched off so that what is loaded, and what it costs, is ours."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

PLUGIN = "vonage_voice_sandbox"


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (folder / "pytest.ini").write_text("[pytest]\n")  # the folder is the rootdir: this project's settings stay out
    others = [ep.name for ep in importlib.metadata.entry_points(group="pytest11") if ep.name != PLUGIN]
    command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider"]
    command += [arg for name in others for arg in ("-p", f"no:{name}")]
    return subprocess.run([*command, *args], cwd=folder, capture_output=True, text=True, timeout=120, check=False)
