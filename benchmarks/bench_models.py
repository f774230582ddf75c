"""The strict writer's cost: building a full createCall request model, checked, against the same build before it.

The model is what an IVR's createCall holds: a phone ``to`` and ``from``, an NCCO of seven actions (talk, input
with DTMF and speech settings, record, connect to a phone, notify, stream, wait), event URLs and timers, built with
the constructors as a user writes them. The baseline is the generated package of ``BASELINE`` (the last commit
before the strict writer, which checked enums only), taken out of git into a temporary folder; each side runs in an
interpreter of its own (the same one, the baseline's package first on ``sys.path``), interleaved round by round.
Without git history (a source archive) the section is unavailable.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Final

from ._common import ROOT, median, paired_ratio, side_by_side

BASELINE: Final = "eaed204"  # the generated package before the strict writer (enum checks only)
BUILDS: Final = 3000
ROUNDS: Final = 9

SCRIPT: Final = """\
import sys, time
from vonage_voice_api import models as m
assert sys.argv[1] in m.__file__, m.__file__

def build():
    return m.CreateCallRequestNcco(
        to=[m.EndpointPhoneTo(number="447700900000", dtmf_answer="p*123#")],
        from_=m.EndpointPhoneFrom(number="447700900001"),
        ncco=[
            m.TalkAction(text="Welcome to the benchmark", barge_in=True, level=0.5, loop=1),
            m.InputAction(
                type_=["dtmf", "speech"],
                dtmf=m.InputActionDtmf(max_digits=4, time_out=5, submit_on_hash=True),
                speech=m.InputActionSpeech(end_on_silence=1.5, max_duration=30),
                event_url=["https://example.com/input"],
            ),
            m.RecordAction(end_on_silence=3, time_out=60, beep_start=True, event_url=["https://example.com/rec"]),
            m.ConnectAction(
                endpoint=[m.ConnectEndpointPhone(number="447700900002")],
                from_="447700900001",
                timeout=30,
                limit=600,
                event_url=["https://example.com/connect"],
            ),
            m.NotifyAction(payload=m.NotifyActionPayload(), event_url=["https://example.com/notify"]),
            m.StreamAction(stream_url=["https://example.com/music.mp3"], level=0.2),
            m.WaitAction(timeout=1.5),
        ],
        event_url=["https://example.com/events"],
        length_timer=3600,
        ringing_timer=60,
    )

for _ in range(300):
    build()
best = float("inf")
for _ in range(3):
    start = time.process_time()
    for _ in range({builds}):
        build()
    best = min(best, time.process_time() - start)
print(best / {builds} * 1e6)
"""


def baseline_package(folder: Path) -> Path:
    """The generated package of BASELINE, extracted under ``folder``; returns the folder to put on sys.path."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", BASELINE, "generated/vonage_voice_api"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "generated"


def build_us(path: str | None, marker: str) -> float:
    """Microseconds per build in a fresh interpreter (CPU time, best of three runs of BUILDS builds)."""
    prefix = f"import sys; sys.path.insert(0, {path!r})\n" if path else ""
    script = prefix + SCRIPT.format(builds=BUILDS)
    result = subprocess.run([sys.executable, "-c", script, marker], capture_output=True, text=True, check=True)
    return float(result.stdout)


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="vvc-bench-models-") as tmp:
        old = str(baseline_package(Path(tmp)))
        results = side_by_side(
            {"checked": lambda: build_us(None, str(ROOT / "generated")), "baseline": lambda: build_us(old, old)},
            rounds=ROUNDS,
        )
    return {
        "model_build_ratio": paired_ratio(results["checked"], results["baseline"]),
        "model_build_us": median(results["checked"]),
        "model_build_baseline_us": median(results["baseline"]),
    }


if __name__ == "__main__":
    print(run())
