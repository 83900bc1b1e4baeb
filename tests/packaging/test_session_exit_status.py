"""The exhibit's exit status reaches systemd through the display server of each session unit.

The operator panel's Exit ends the exhibit with status 10 and the units say ``RestartPreventExitStatus=10``; but
xinit and Debian 12's cage exit 0 whatever their client returned. ``packaging/linux/run-exhibit`` records the status
and ``packaging/linux/exhibit-session`` (the units' main process) exits with it. These tests run the real scripts
around a stand-in ``kiosk`` that exits with a chosen status: under a launcher that drops the status (always), and
under the real xinit with Xvfb and the real cage with a headless output when those are installed
(``KIOSK_REQUIRE_SESSION_TOOLS=1``, as packaging/ci-check sets, turns a missing tool into a failure).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
SCRIPTS = ("exhibit-session", "run-exhibit", "xinitrc")
FAKE_KIOSK = """#!/bin/sh
printf '%s\\n' "$@" >"$FAKE_LOG"
exit "$FAKE_STATUS"
"""
TIMEOUT_S = 60


@pytest.fixture
def bundle() -> Iterator[Path]:
    """A bundle folder as the units see it (kiosk + linux/), readable by every user (cage cannot run as root)."""
    top = Path(tempfile.mkdtemp(prefix="exhibit-session-"))
    try:
        (top / "linux").mkdir()
        for name in SCRIPTS:
            shutil.copy2(LINUX / name, top / "linux" / name)
        kiosk = top / "kiosk"
        kiosk.write_text(FAKE_KIOSK, encoding="utf-8")
        kiosk.chmod(0o755)
        (top / "runtime").mkdir()
        for path in (top, top / "linux", top / "runtime"):
            path.chmod(0o777 if path.name == "runtime" else 0o755)
        yield top
    finally:
        shutil.rmtree(top, ignore_errors=True)


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        message = f"not installed: {', '.join(missing)}"
        if os.environ.get("KIOSK_REQUIRE_SESSION_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)


def run_session(
    bundle: Path,
    command: list[str],
    status: int,
    *,
    as_user: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    log = bundle / "runtime" / "kiosk-args.txt"
    full_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "FAKE_STATUS": str(status),
        "FAKE_LOG": str(log),
        "RUNTIME_DIRECTORY": str(bundle / "runtime"),
        **(env or {}),
    }
    argv = [
        *(as_user or []),
        "env",
        *(f"{k}={v}" for k, v in full_env.items()),
        str(bundle / "linux" / "exhibit-session"),
        *command,
    ]
    return subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_S, env=full_env, check=False)


def free_display() -> str:
    """An X display number no server uses now (another test's Xvfb may hold the low ones)."""
    for number in range(90, 190):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    pytest.fail("no free X display number between 90 and 189")


def kiosk_args(bundle: Path) -> list[str]:
    return (bundle / "runtime" / "kiosk-args.txt").read_text(encoding="utf-8").splitlines()


def leftovers(bundle: Path) -> list[str]:
    return sorted(p.name for p in (bundle / "runtime").iterdir() if p.name.startswith("exhibit-status"))


@pytest.mark.parametrize("status", [10, 0, 3])
def test_status_survives_a_launcher_that_drops_it(bundle: Path, status: int) -> None:
    dropping = ["/bin/sh", "-c", '"$@"; exit 0', "launcher", str(bundle / "linux" / "run-exhibit"), "--lang", "en"]
    result = run_session(bundle, dropping, status)
    assert result.returncode == status, result.stderr
    assert kiosk_args(bundle) == ["run", "--lang", "en"]
    assert leftovers(bundle) == []  # the status file is removed


def test_without_a_recorded_status_the_command_status_is_the_result(bundle: Path) -> None:
    assert run_session(bundle, ["/bin/sh", "-c", "exit 7"], 10).returncode == 7  # the exhibit never ran
    assert run_session(bundle, ["/bin/sh", "-c", "exit 0"], 10).returncode == 0
    assert leftovers(bundle) == []


def test_run_exhibit_alone_passes_the_status_through(bundle: Path) -> None:
    env = {"FAKE_STATUS": "10", "FAKE_LOG": str(bundle / "runtime" / "kiosk-args.txt"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [str(bundle / "linux" / "run-exhibit")], env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    assert result.returncode == 10
    assert kiosk_args(bundle) == ["run"]


@pytest.mark.parametrize("status", [10, 0])
def test_status_reaches_systemd_through_xinit(bundle: Path, status: int) -> None:
    need("xinit", "Xvfb")
    display = free_display()
    command = [
        "xinit",
        str(bundle / "linux" / "xinitrc"),
        "--",
        shutil.which("Xvfb") or "Xvfb",
        display,
        "-nolisten",
        "tcp",
    ]
    result = run_session(bundle, command, status, env={"KIOSK_ARGS": "--lang en --rotate 90"})
    assert result.returncode == status, result.stdout + result.stderr
    assert kiosk_args(bundle) == ["run", "--lang", "en", "--rotate", "90"]  # KIOSK_ARGS split into words
    assert leftovers(bundle) == []


@pytest.mark.parametrize("status", [10, 0])
def test_status_reaches_systemd_through_cage(bundle: Path, status: int) -> None:
    need("cage")
    as_user = None
    if os.geteuid() == 0:  # cage will not run as root
        need("runuser")
        as_user = ["runuser", "-u", "nobody", "--"]
    runtime = bundle / "runtime"
    env = {
        "XDG_RUNTIME_DIR": str(runtime),
        "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "WLR_RENDERER": "pixman",
    }
    if as_user:
        os.chown(runtime, pwd.getpwnam("nobody").pw_uid, -1)  # Wayland wants its runtime folder private
    runtime.chmod(0o700)
    command = ["cage", "-d", "--", str(bundle / "linux" / "run-exhibit"), "--lang", "en"]
    result = run_session(bundle, command, status, as_user=as_user, env=env)
    runtime.chmod(0o777)
    assert result.returncode == status, result.stdout + result.stderr
    assert kiosk_args(bundle) == ["run", "--lang", "en"]
    assert leftovers(bundle) == []
