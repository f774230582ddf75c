"""`make demo` keeps working: the call completes and every event arrives at the receiver with a valid signature."""

from __future__ import annotations

import pytest

from examples import demo


def test_the_demo_follows_a_call_to_completed(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main() == 0
    out = capsys.readouterr().out
    assert "status completed" in out
    received = out.split("signatures verified:\n", 1)[1].split("\n\n", 1)[0].split("\n")
    assert [line.split()[-1] for line in received] == ["started", "ringing", "answered", "completed"]
    assert all("signature ok" in line for line in received)
