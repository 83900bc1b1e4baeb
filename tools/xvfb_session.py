"""A virtual X server for driving the real exhibit from outside (tools/monkey.py, the X11 and cage lock-down tests):
start one on a free display, find a process's window, read where the X server has it, wait for a condition, stop
what was started."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from kiosk.qt.bench.xvfb import start_xvfb

__all__ = ["find_window", "run_exhibit", "start_xvfb", "window_state", "x_command"]
ROOT = Path(__file__).resolve().parents[1]


def x_command(display: str, *args: str) -> str:
    """Run an X client (xdotool, xwininfo…) on ``display``; its output."""
    run = subprocess.run(args, env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=10)
    return run.stdout


def window_state(display: str, wid: str) -> tuple[bool, tuple[int, ...]]:
    """(mapped and viewable, (x, y, width, height)) of window ``wid``, as the X server sees it."""
    info = x_command(display, "xwininfo", "-id", wid)
    numbers = tuple(int(v) for v in re.findall(r"(?:Absolute upper-left [XY]|Width|Height):\s+(-?\d+)", info))
    return "IsViewable" in info, numbers


def find_window(display: str, pid: int, size: tuple[int, int], timeout_s: float = 30.0) -> str | None:
    """The window of process ``pid`` that has the screen's ``size`` (Qt makes a few small helper windows too)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for wid in x_command(display, "xdotool", "search", "--pid", str(pid)).split():
            if window_state(display, wid)[1][2:] == size:
                return wid
        time.sleep(0.2)
    return None


def wait_for(condition: Callable[[], bool], timeout_s: float, step_s: float = 0.02) -> float | None:
    """Seconds until ``condition()`` held, or None if it did not within ``timeout_s``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        if condition():
            return time.monotonic() - start
        time.sleep(step_s)
    return None


def stop_processes(processes: Iterable[subprocess.Popen[bytes]]) -> None:
    """SIGTERM each process in turn (the last started first), SIGKILL one that has not ended within 10 s."""
    for process in reversed(list(processes)):
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def run_exhibit(config: Path, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """``kiosk run`` with the settings file ``config`` and the shipped content, in ``env``, its output dropped."""
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--config", str(config), "--content", str(ROOT / "content")],
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
