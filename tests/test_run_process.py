"""``kiosk run`` as a real process: it tells a (test) systemd socket it is ready, pings the watchdog, and quits
cleanly — exit status 0, STOPPING=1 — on SIGTERM and on SIGINT while Qt's event loop runs; over the memory
ceiling the same process starts afresh."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 90  # two cores shared by many test runs: starting can be slow
QUIT_TIMEOUT_S = 3


def receive_until(sock: socket.socket, wanted: bytes, timeout_s: float, process: subprocess.Popen) -> list[bytes]:
    """Datagrams until one holds the line ``wanted`` (or the process ends / time runs out)."""
    got: list[bytes] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        sock.settimeout(0.2)
        try:
            message = sock.recv(4096)
        except TimeoutError:
            if process.poll() is not None:
                break
            continue
        got.append(message)
        if wanted in message.split(b"\n"):
            break
    return got


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_is_ready_alive_and_quits_cleanly_on_a_signal(tmp_path: Path, signum: signal.Signals) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    address = str(tmp_path / "notify")
    sock.bind(address)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT / "src"),
        "NOTIFY_SOCKET": address,
        "WATCHDOG_USEC": "400000",  # a ping every 0.2 s
        "KIOSK_CONFIG": str(tmp_path / "kiosk.yaml"),
        "STATE_DIRECTORY": str(tmp_path / "state"),
    }
    for name in ("WATCHDOG_PID", "LOGS_DIRECTORY"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        before_ready = receive_until(sock, b"READY=1", START_TIMEOUT_S, process)
        assert before_ready and b"READY=1" in before_ready[-1].split(b"\n"), (
            f"no READY=1 (exit status {process.poll()}); got {before_ready}"
        )
        alive = receive_until(sock, b"__never__", 1.0, process)
        assert alive.count(b"WATCHDOG=1") >= 3, alive
        process.send_signal(signum)
        started = time.monotonic()
        status = process.wait(timeout=QUIT_TIMEOUT_S)
        took = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
        output = process.communicate(timeout=30)[0]
        sock.settimeout(0)
        rest = []
        while True:
            try:
                rest.append(sock.recv(4096))
            except (BlockingIOError, TimeoutError):
                break
        sock.close()
    assert status == 0, output
    assert took < QUIT_TIMEOUT_S
    assert any(b"STOPPING=1" in m.split(b"\n") for m in rest), rest
    messages = before_ready + alive + rest
    assert sum(b"READY=1" in m.split(b"\n") for m in messages) == 1
    assert "Traceback" not in output, output
    log = (tmp_path / "state" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert f"INFO kiosk.qt.service.posix_signals: {signum.name} received: quitting" in log
    assert "=== kiosk started " in (tmp_path / "state" / "logs" / "crash.log").read_text(encoding="utf-8")


RESTARTING = """
import os, sys
from PySide6.QtCore import QTimer
from kiosk.clock import monotonic
from kiosk.content.loader import load_content
from kiosk.service.restart import reexec
from kiosk.settings.model import ExhibitSettings
from kiosk.qt.app.build import application, build_exhibit
from kiosk.qt.service.health import install_health

app = application()
content_dir = sys.argv[1]
exhibit = build_exhibit(load_content(content_dir).content, ExhibitSettings(), monotonic, content_dir=content_dir)
exhibit.stage.resize(640, 360)
exhibit.stage.show()
fresh = [sys.executable, "-c", "import os; print('fresh start in', os.getpid(), flush=True)"]
health = install_health(app, exhibit.stage, exhibit.controller.reset_to_attract, monotonic, environ={}, max_rss_mb=1,
                        restart=lambda: reexec(fresh))
exhibit.controller.screen_shown.connect(health.on_screen_shown)
exhibit.controller.wake()
QTimer.singleShot(100, exhibit.controller.go_idle)  # back to the attract loop: over the ceiling
print("first start in", os.getpid(), flush=True)
sys.exit(health.finish(app.exec()))
"""


def test_over_the_memory_ceiling_the_same_process_starts_afresh(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-c", RESTARTING, str(ROOT / "content")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
    )
    assert run.returncode == 0, run.stderr
    first, fresh = run.stdout.splitlines()
    assert first.startswith("first start in ") and fresh.startswith("fresh start in ")
    assert first.split()[-1] == fresh.split()[-1]  # execv: the same process, as systemd and the compositor see it
