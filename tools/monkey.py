"""A long, seeded, random-input run of the real exhibit: ``kiosk run`` in its kiosk mode on a virtual X server (Xvfb),
driven with real X input (xdotool: taps, drags, swipes, long presses, corner touches, closing keys) for a given
time. It prints what a week in the hall would show: crashes, tracebacks in the log, escapes from full screen,
gaps in the systemd watchdog pings, and the resident memory over time.

    python tools/monkey.py [--seconds 120] [--seed 1] [--size 1920x1080] [--window-manager openbox]

Exit status 1 when the exhibit died, logged a traceback, left full screen for longer than a second, or went more
than 5 s without a watchdog ping. CI runs two minutes of it (.ci/run). Needs Xvfb, xdotool and xwininfo.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from xvfb_session import find_window, run_exhibit, start_xvfb, stop_processes, window_state  # noqa: E402  (a sibling tool)

KEYS = ["alt+F4", "ctrl+q", "ctrl+w", "Escape", "F11", "alt+Tab", "super", "ctrl+alt+Delete"]
WATCHDOG_USEC = 2_000_000  # the exhibit pings every half of it: once a second
MAX_PING_GAP_S = 5.0


class Monkey:
    def __init__(self, display: str, wid: str, size: tuple[int, int], rng: random.Random):
        self.display, self.wid, self.size, self.rng = display, wid, size, rng
        self.gestures = 0

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, timeout=10, check=False)

    def point(self) -> tuple[str, str]:
        return str(self.rng.randrange(self.size[0])), str(self.rng.randrange(self.size[1]))

    def act(self) -> None:
        self.gestures += 1
        kind = self.rng.choices(["tap", "drag", "long", "corners", "key", "double"], [50, 25, 8, 3, 6, 8])[0]
        if kind == "tap":
            self.xdotool("mousemove", *self.point(), "click", "1")
        elif kind == "double":
            self.xdotool("mousemove", *self.point(), "click", "--repeat", "2", "--delay", "80", "1")
        elif kind == "drag":
            x0, y0 = self.point()
            steps = [arg for _ in range(6) for arg in ("mousemove_relative", "--", *self._step())]
            self.xdotool("mousemove", x0, y0, "mousedown", "1", *steps, "mouseup", "1")
        elif kind == "long":
            self.xdotool("mousemove", *self.point(), "mousedown", "1", "sleep", "0.9", "mouseup", "1")
        elif kind == "corners":
            w, h = self.size[0] - 5, self.size[1] - 5
            for x, y in ((5, 5), (w, 5), (w, h), (5, h)):
                self.xdotool("mousemove", str(x), str(y), "click", "1")
        else:
            self.xdotool("key", self.rng.choice(KEYS))

    def _step(self) -> tuple[str, str]:
        return str(self.rng.randint(-120, 120)), str(self.rng.randint(-40, 40))


def rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--window-manager", default=None, help="e.g. openbox (default: a bare X server)")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("Xvfb", "xdotool", "xwininfo") if shutil.which(tool) is None]
    if missing:
        print(f"monkey: needs {', '.join(missing)} (apt-get install xvfb xdotool x11-utils)", file=sys.stderr)
        return 2
    size = tuple(int(n) for n in args.size.split("x"))
    assert len(size) == 2
    work = Path(tempfile.mkdtemp(prefix="kiosk-monkey-"))
    server, display = start_xvfb(size)  # type: ignore[arg-type]
    processes: list[subprocess.Popen[bytes]] = [server]
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT / "src")}
    if args.window_manager:
        processes.append(subprocess.Popen([args.window_manager], env=env, stderr=subprocess.DEVNULL))
        time.sleep(0.5)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(work / "notify"))
    notify.setblocking(False)
    env |= {"NOTIFY_SOCKET": str(work / "notify"), "WATCHDOG_USEC": str(WATCHDOG_USEC)}
    config = work / "kiosk.yaml"
    config.write_text(f"folders:\n  state_dir: {work / 'state'}\nexhibit:\n  idle_timeout_s: 20\n", encoding="utf-8")
    exhibit = run_exhibit(config, env)
    processes.append(exhibit)
    log = work / "state" / "logs" / "kiosk.log"
    problems: list[str] = []
    try:
        wid = find_window(display, exhibit.pid, size)  # type: ignore[arg-type]
        if not wid:
            print("monkey: the exhibit's window did not appear", file=sys.stderr)
            return 1
        monkey = Monkey(display, wid, size, random.Random(args.seed))  # type: ignore[arg-type]
        start = last_ping = last_sample = time.monotonic()
        worst_gap = 0.0
        away_since: float | None = None
        memory: list[tuple[float, float]] = []
        while time.monotonic() - start < args.seconds and exhibit.poll() is None:
            monkey.act()
            now = time.monotonic()
            while True:
                try:
                    message = notify.recv(4096)
                except BlockingIOError:
                    break
                if b"WATCHDOG=1" in message:
                    worst_gap, last_ping = max(worst_gap, now - last_ping), now
            if now - last_sample >= 5.0:
                last_sample = now
                memory.append((now - start, rss_mb(exhibit.pid)))
                in_place = window_state(display, wid) == (True, (0, 0, *size))
                away_since = None if in_place else (away_since or now)
                if away_since is not None and now - away_since > 1.0:
                    problems.append(f"escape: the window was not full screen at {now - start:.0f} s")
        worst_gap = max(worst_gap, time.monotonic() - last_ping)
        if exhibit.poll() is not None:
            problems.append(f"crash: the exhibit ended with status {exhibit.returncode}")
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        tracebacks = text.count("Traceback (most recent call last)")
        if tracebacks:
            problems.append(f"tracebacks: {tracebacks} in kiosk.log")
        if worst_gap > MAX_PING_GAP_S:
            problems.append(f"watchdog: {worst_gap:.1f} s without a ping")
        print(
            f"monkey: seed {args.seed}, {args.size}, {args.window_manager or 'bare X'}: {monkey.gestures} gestures in "
            f"{time.monotonic() - start:.0f} s; tracebacks {tracebacks}; longest watchdog gap {worst_gap:.1f} s"
        )
        print("monkey: resident memory (s, MB): " + ", ".join(f"{t:.0f}:{mb:.0f}" for t, mb in memory))
        for problem in problems:
            print(f"monkey: {problem}")
        print("monkey: OK" if not problems else f"monkey: {len(problems)} problem(s)")
        return 1 if problems else 0
    finally:
        stop_processes(processes)
        notify.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
