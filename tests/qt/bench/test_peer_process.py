"""The web kiosk's Chromium is ended with every process it started: one left behind went on writing into its profile
while the bench removed the folder, and the run stopped with "Directory not empty"."""

from __future__ import annotations

import time
from pathlib import Path

from kiosk.qt.bench.peer import _run


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(") ", 1)[1][0] != "Z"  # a zombie has ended, only its parent has not looked
    except (FileNotFoundError, IndexError):
        return False


def test_a_run_that_times_out_ends_what_it_started_and_keeps_what_it_printed(tmp_path: Path) -> None:
    pid_file = tmp_path / "child"
    script = f"sleep 37 & echo $! > {pid_file}; echo PEER frames 3 p50 16.7 ms; wait"
    started = time.monotonic()
    output = _run(["sh", "-c", script], timeout_s=1.0)
    assert time.monotonic() - started < 10
    assert "PEER frames 3 p50 16.7 ms" in output
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def test_a_run_that_ends_by_itself_returns_at_once_with_its_output(tmp_path: Path) -> None:
    started = time.monotonic()
    assert _run(["sh", "-c", "echo out; echo err >&2"], timeout_s=30).split() == ["out", "err"]
    assert time.monotonic() - started < 5
