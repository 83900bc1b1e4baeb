"""faulthandler writes a native crash to <log_dir>/crash.log, under a header for each start."""

from __future__ import annotations

import logging
import resource
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from kiosk.service.crash_log import enable_crash_log

CRASHING = """
import sys
from pathlib import Path
from kiosk.service.crash_log import enable_crash_log
import faulthandler
assert enable_crash_log(Path(sys.argv[1])) is not None
def deep_in_the_exhibit():
    faulthandler._sigsegv()
deep_in_the_exhibit()
"""


def no_core_dump() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def test_a_segmentation_fault_leaves_its_python_stack_in_the_crash_log(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, "-c", CRASHING, str(log_dir)],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=no_core_dump,
        )
        assert run.returncode != 0
    text = (log_dir / "crash.log").read_text(encoding="utf-8")
    assert text.count("=== kiosk started ") == 2  # appended, one header per start
    assert text.count("Fatal Python error: Segmentation fault") == 2
    assert "deep_in_the_exhibit" in text


def test_the_header_names_the_start(tmp_path: Path) -> None:
    crash_log = enable_crash_log(tmp_path, now=lambda: datetime(2026, 3, 1, 9, 30))
    assert crash_log is not None
    crash_log.close()
    assert (tmp_path / "crash.log").read_text().startswith("=== kiosk started 2026-03-01T09:30:00 (pid ")


def test_an_unwritable_folder_gives_one_log_line_and_no_crash_log(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, "kiosk.service.crash_log"):
        assert enable_crash_log(blocker / "logs") is None
    assert len(caplog.records) == 1 and "crash.log" in caplog.text
