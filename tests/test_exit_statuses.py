"""Every exit status the README lists, from the real ``kiosk`` command in its own process (the README's table and
``kiosk.exit_codes`` must say the same). Status 0 on SIGTERM/SIGINT of ``kiosk run`` is tests/test_run_process.py;
10 (the operator's Exit) and 70 (errors in a burst) end a running exhibit and are tests/qt/app/test_unattended.py
and tests/qt/service/test_health.py."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parents[1]


def kiosk(*args: str, code: str | None = None, **options) -> subprocess.CompletedProcess[str]:
    """``python -m kiosk ARGS`` (or, with ``code``, Python that runs ``kiosk.cli.main(ARGS)`` after it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "kiosk", *args]
    if code is not None:
        command = [sys.executable, "-c", f"import sys; import kiosk.cli as c; {code}; sys.exit(c.main(sys.argv[1:]))"]
        command += args
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False, **options)


def test_the_readme_lists_every_exit_status_and_no_other() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"Exit statuses \(`src/kiosk/exit_codes.py`\):(.*?)\n\n", readme, re.S)
    assert line is not None
    text = " " + " ".join(line.group(1).split())
    listed = {int(n) for n in re.findall(r"(?:^ |, )(\d+) ", text)}  # "0 done, …, 1 bad content, …"
    assert listed == {int(code) for code in ExitCode}


def test_0_content_without_errors() -> None:
    assert kiosk("validate", str(ROOT / "content")).returncode == ExitCode.OK


def test_1_broken_content_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "exhibit.yaml").write_text("title: [\n", encoding="utf-8")
    result = kiosk("validate", str(tmp_path))
    assert result.returncode == ExitCode.INVALID
    assert re.search(r"exhibit\.yaml:\d+:\d+: ", result.stdout + result.stderr)


@pytest.mark.parametrize(
    "args",
    [("run", "--rotate", "45"), ("render", "--out", "x", "--size", "big"), ("frobnicate",), ("bundle",)],
    ids=["bad value", "bad size", "unknown command", "missing subcommand"],
)
def test_1_bad_arguments_say_what_is_wrong(args: tuple[str, ...]) -> None:
    """argparse's own status would be 2, which the README keeps for errors in the program."""
    result = kiosk(*args)
    assert result.returncode == ExitCode.INVALID, result.stderr
    assert "error:" in result.stderr and "Traceback" not in result.stderr


def test_0_for_the_help() -> None:
    result = kiosk("--help")
    assert result.returncode == ExitCode.OK and "validate" in result.stdout


def test_2_an_error_in_the_program_is_a_message_not_a_traceback() -> None:
    result = kiosk("validate", code="c.load_content = lambda *a, **k: 1 / 0")
    assert result.returncode == ExitCode.INTERNAL
    assert "kiosk: internal error: ZeroDivisionError" in result.stderr


def test_130_a_command_stopped_with_ctrl_c() -> None:
    """set-pin waits for the PIN on its input; Ctrl+C (SIGINT) ends it with 130, as a shell reports it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "set-pin", "--pin-stdin", "--config", os.devnull + "-not-used"],
        env=env,
        stdin=subprocess.PIPE,  # never written: the command waits for the PIN
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell's background job starts with SIGINT ignored, and Python then leaves it so: as at a terminal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    wchan = Path(f"/proc/{process.pid}/wchan")
    try:
        # Only once it waits on its input has Python's own SIGINT handler long been set (a loaded machine may take
        # many seconds to import): then Ctrl+C is a KeyboardInterrupt in the command.
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "pipe" not in (wchan.read_text() if wchan.exists() else "pipe"):
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        _out, err = process.communicate()  # (it has ended: this reads what it wrote and closes the pipes)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == ExitCode.INTERRUPTED, err
