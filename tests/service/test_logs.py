"""Logs: named loggers to stderr and a rotating file; a broken disk never raises and never floods stderr.

The tests run as root, for whom permissions do not stop a write: a log folder below a regular file stands for one
that cannot be created, and a stream whose write raises ENOSPC for a full disk.
"""

from __future__ import annotations

import errno
import faulthandler
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.service.logs import LogSetup, level_number, setup_logging, start_process_logs
from kiosk.settings.model import LoggingSettings, Settings


@pytest.fixture
def installed() -> Iterator[list[LogSetup]]:
    """Set-ups made by a test, taken away after it (the "kiosk" logger is shared by the whole test run)."""
    made: list[LogSetup] = []
    yield made
    for setup in made:
        setup.close()
    logging.getLogger("kiosk").setLevel(logging.NOTSET)


def test_messages_go_to_stderr_and_to_the_file(tmp_path: Path, installed) -> None:
    err = io.StringIO()
    setup = setup_logging(tmp_path / "logs", LoggingSettings(level="info"), stream=err)
    installed.append(setup)
    logging.getLogger("kiosk.qt.test").info("the exhibit shows")
    logging.getLogger("kiosk.qt.test").debug("not at info")
    setup.flush()
    assert setup.path == tmp_path / "logs" / "kiosk.log"
    text = setup.path.read_text(encoding="utf-8")
    assert "INFO kiosk.qt.test: the exhibit shows" in text and "not at info" not in text
    assert err.getvalue() == "INFO kiosk.qt.test: the exhibit shows\n"


@pytest.mark.log_warnings("it writes warnings to fill the files")
def test_the_file_rotates_at_its_size_and_keeps_the_number_of_files_asked(tmp_path: Path, installed) -> None:
    setup = setup_logging(tmp_path, LoggingSettings(file_kb=64, files=2), stream=io.StringIO())
    installed.append(setup)
    log = logging.getLogger("kiosk.test")
    for i in range(1000):
        log.warning("line %04d %s", i, "x" * 200)  # about 240 KB: more than three files' worth
    setup.flush()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    for name in names:
        assert (tmp_path / name).stat().st_size <= 64 * 1024
    assert "line 0999" in (tmp_path / "kiosk.log").read_text(encoding="utf-8")


@pytest.mark.log_warnings("the unusable folder is reported as a warning")
def test_a_log_folder_that_cannot_be_created_leaves_stderr_and_one_line(tmp_path: Path, installed) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    err = io.StringIO()
    setup = setup_logging(blocker / "logs", LoggingSettings(), stream=err)
    installed.append(setup)
    logging.getLogger("kiosk.test").warning("still told")
    assert setup.file_handler is None and setup.path is None
    lines = err.getvalue().splitlines()
    assert len(lines) == 2
    assert "cannot create the log folder" in lines[0] and str(blocker / "logs") in lines[0]
    assert lines[1] == "WARNING kiosk.test: still told"


class FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.log_warnings("it logs through a full disk on purpose")
def test_a_full_disk_says_so_once_retries_every_minute_and_says_when_it_works_again(
    tmp_path: Path, installed, monkeypatch
) -> None:
    clock, err = ManualClock(), io.StringIO()
    setup = setup_logging(tmp_path, LoggingSettings(), stream=err, clock=clock)
    installed.append(setup)
    log, handler = logging.getLogger("kiosk.test"), setup.file_handler
    assert handler is not None
    log.warning("before")
    monkeypatch.setattr(handler, "stream", FullDisk())
    for i in range(20):
        log.warning("while full %d", i)
    stderr_lines = err.getvalue().splitlines()
    notices = [line for line in stderr_lines if line.startswith("kiosk: ")]
    assert len(notices) == 1 and "No space left on device" in notices[0] and str(tmp_path) in notices[0]
    assert sum("while full" in line for line in stderr_lines) == 20  # stderr still has every message

    monkeypatch.undo()  # the disk has room again, but the file is tried only after a minute
    clock.advance(30)
    log.warning("too soon")
    clock.advance(31)
    log.warning("after a minute")
    setup.flush()
    notices = [line for line in err.getvalue().splitlines() if line.startswith("kiosk: ")]
    assert notices[1:] == [f"kiosk: the log file {tmp_path / 'kiosk.log'} works again"]
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "before" in text and "after a minute" in text
    assert "while full" not in text and "too soon" not in text


@pytest.mark.log_warnings("it logs through a full disk on purpose")
def test_a_disk_that_stays_full_gives_one_notice_per_outage_not_per_retry(
    tmp_path: Path, installed, monkeypatch
) -> None:
    clock, err = ManualClock(), io.StringIO()
    setup = setup_logging(tmp_path, LoggingSettings(), stream=err, clock=clock)
    installed.append(setup)
    assert setup.file_handler is not None
    # Every open of the file fails from now on (the folder became read-only, or the disk is gone).
    monkeypatch.setattr(setup.file_handler, "_open", lambda: FullDisk())
    for _ in range(5):
        logging.getLogger("kiosk.test").error("message")
        clock.advance(61)
    assert sum(line.startswith("kiosk: ") for line in err.getvalue().splitlines()) == 1


@pytest.mark.log_warnings("it writes warnings to a broken stream on purpose")
def test_a_broken_stderr_is_silent(tmp_path: Path, installed) -> None:
    setup = setup_logging(None, LoggingSettings(), stream=FullDisk())
    installed.append(setup)
    logging.getLogger("kiosk.test").error("nowhere to go")  # neither raises nor prints a traceback


def test_levels_are_named_like_the_settings_file() -> None:
    assert level_number("debug") == logging.DEBUG and level_number("WARNING") == logging.WARNING
    with pytest.raises(ValueError, match="debug, info, warning, error"):
        level_number("loud")


@pytest.mark.log_warnings("it writes warnings to check where they go")
def test_a_run_logs_where_its_settings_say_with_a_crash_log_beside(tmp_path: Path, installed) -> None:
    settings = Settings.model_validate(
        {"logging": {"level": "warning", "file_kb": 64, "files": 3}, "folders": {"log_dir": str(tmp_path / "logs")}}
    )
    started = start_process_logs(settings.folders.log_dir, settings.logging)
    installed.append(started.logs)
    try:
        logging.getLogger("kiosk.test").info("below the level")
        logging.getLogger("kiosk.test").warning("at the level")
        started.logs.flush()
        assert started.logs.file_handler is not None and started.logs.file_handler.maxBytes == 64 * 1024
        assert started.logs.file_handler.backupCount == 3
        text = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
        assert "at the level" in text and "below the level" not in text
        assert started.crash_log is not None and started.crash_log.path == tmp_path / "logs" / "crash.log"
        assert started.crash_log.path.read_text().startswith("=== kiosk started ")
    finally:
        if started.crash_log is not None:
            started.crash_log.close()


@pytest.mark.log_warnings("it logs through a full disk on purpose")
def test_the_crash_log_is_opened_again_when_the_file_log_works_again(
    tmp_path: Path, installed, monkeypatch, caplog
) -> None:
    clock, err = ManualClock(), io.StringIO()
    (tmp_path / "crash.log").mkdir()  # the crash log cannot be opened at start (root writes anything else)
    started = start_process_logs(tmp_path, LoggingSettings(), stream=err, clock=clock)
    installed.append(started.logs)
    try:
        assert started.crash_log is None and started.logs.file_handler is not None
        log = logging.getLogger("kiosk.test")
        monkeypatch.setattr(started.logs.file_handler, "stream", FullDisk())
        log.warning("while full")
        monkeypatch.undo()
        (tmp_path / "crash.log").rmdir()  # room again
        clock.advance(61)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="kiosk.service.logs"):
            log.warning("after a minute")
        assert started.crash_log is not None and faulthandler.is_enabled()
        reopened = [r.getMessage() for r in caplog.records if r.name == "kiosk.service.logs"]
        assert reopened == [f"the crash log {tmp_path / 'crash.log'} works again"]
        assert (tmp_path / "crash.log").read_text().startswith("=== kiosk crash log re-opened ")
        # A second outage re-opens the open crash log afresh (its old file may be gone with the disk):
        monkeypatch.setattr(started.logs.file_handler, "stream", FullDisk())
        log.warning("full again")
        monkeypatch.undo()
        clock.advance(61)
        log.warning("back again")
        assert (tmp_path / "crash.log").read_text().count("=== kiosk crash log re-opened ") == 2
    finally:
        if started.crash_log is not None:
            started.crash_log.close()
