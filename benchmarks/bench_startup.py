"""Start-up costs: cold imports in a fresh interpreter, and the wall time of the generation pipeline.

Imports are timed inside a new ``python -c`` process each time (so nothing is cached in ``sys.modules``; the
``.pyc`` files and the OS file cache are warm, as on any second run). ``import_ms_httpx`` is the floor any httpx
client pays. ``generate_s`` times :func:`tools.generate.build`, everything ``make generate`` does (overlays,
validation, openapi-python-client, ruff) except copying the result into the checkout, into a temporary folder so
the repository is never touched.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

import vonage_voice_api

from ._common import ROOT, median, side_by_side

IMPORT_RUNS: Final = 7
GENERATE_RUNS: Final = 3
CLIENT_IMPORTS: Final = ("vonage_voice_client", "vonage_voice_api.api.calls.create_call")


def generated_modules() -> list[str]:
    """Every module of the generated package: the client, every operation and every model."""
    found = pkgutil.walk_packages(vonage_voice_api.__path__, prefix="vonage_voice_api.")
    return ["vonage_voice_api", *sorted(module.name for module in found)]


def import_ms(modules: tuple[str, ...] | list[str]) -> float:
    """Milliseconds to import ``modules`` in a fresh interpreter, timed by that interpreter around the imports."""
    script = (
        "import time, importlib\n"
        "start = time.perf_counter()\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        "print((time.perf_counter() - start) * 1000)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(result.stdout.strip().splitlines()[-1])


def generate_s() -> float:
    """Wall seconds of one run of the pipeline into a temporary folder."""
    from tools.generate import Layout, build  # the build pipeline, never needed by the shipped code

    with tempfile.TemporaryDirectory(prefix="vvc-bench-generate-") as tmp:
        start = time.perf_counter()
        build(Layout(ROOT), Path(tmp))
        return time.perf_counter() - start


def run() -> dict[str, float]:
    everything = generated_modules()
    imports = side_by_side(
        {
            "httpx": lambda: import_ms(("httpx",)),
            "client": lambda: import_ms(CLIENT_IMPORTS),
            "generated_all": lambda: import_ms(everything),
        },
        rounds=IMPORT_RUNS,
    )
    generate = side_by_side({"generate": generate_s}, rounds=GENERATE_RUNS, warmup=0)
    return {
        "import_ms_httpx": median(imports["httpx"]),
        "import_ms_client": median(imports["client"]),
        "import_ms_generated_all": median(imports["generated_all"]),
        "generated_modules": float(len(everything)),
        "generate_s": median(generate["generate"]),
    }


def main() -> None:
    for name, value in run().items():
        print(f"{name:28s} {value:10.2f}")


if __name__ == "__main__":
    main()
