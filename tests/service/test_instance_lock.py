"""One exhibit per state folder: a second lock on the same folder is refused with the holder's pid, a lock is let go
when its process ends however it ends, and ``kiosk run`` stops at once with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.service.instance_lock import AlreadyRunning, acquire_instance_lock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys
from pathlib import Path
from kiosk.service.instance_lock import acquire_instance_lock
lock = acquire_instance_lock(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_second_acquisition_on_the_same_folder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    first = acquire_instance_lock(tmp_path / "state")
    assert first.held and first.path.read_text() == f"{os.getpid()}\n"
    with pytest.raises(AlreadyRunning) as refused:
        acquire_instance_lock(tmp_path / "state")
    assert str(refused.value) == (
        f"another exhibit is already running with state folder {tmp_path / 'state'} (pid {os.getpid()})"
    )
    other = acquire_instance_lock(tmp_path / "other")  # another folder: another exhibit may run
    other.release()
    first.release()
    with acquire_instance_lock(tmp_path / "state") as again:
        assert again.held


def test_the_lock_of_a_process_that_died_is_free_again(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            with pytest.raises(AlreadyRunning) as refused:
                acquire_instance_lock(tmp_path)
            assert refused.value.pid == holder.pid
        finally:
            holder.kill()  # no clean-up runs: the operating system lets go of the lock
            holder.wait(timeout=30)
    acquire_instance_lock(tmp_path).release()


def test_kiosk_run_on_a_folder_in_use_exits_with_status_1_and_says_why(tmp_path: Path, capsys) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"folders:\n  state_dir: {tmp_path / 'state'}\n", encoding="utf-8")
    with acquire_instance_lock(tmp_path / "state"):
        assert cli.main(["run", "--windowed", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"another exhibit is already running with state folder {tmp_path / 'state'} (pid {os.getpid()})" in err
