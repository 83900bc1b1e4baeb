"""A process killed (SIGKILL) at any instant of an install leaves ``current`` pointing at a complete release, the
old one or the new one, and the next install succeeds."""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.releases import list_releases
from kiosk.service.bundle.rollback import rollback

from .bundle_helpers import assert_current_complete, make_bundle

WORKER = Path(__file__).with_name("install_worker.py")
# install_bundle's checkpoint() names, in the order it reaches them.
STEPS = ("checked", "unpacking", "unpacked", "validated", "renamed", "switched", "recorded", "pruned")
SRC = Path(__file__).resolve().parents[3] / "src"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")


@pytest.fixture
def bundles(content, tmp_path) -> dict[str, Path]:
    made = {}
    for version in ("0", "1", "2"):
        (content / "outlook.yaml").write_text((content / "outlook.yaml").read_text() + f"\n# {version}\n")
        made[version] = make_bundle(content, tmp_path / f"v{version}.zip", version)
    return made


def start_worker(bundle: Path, releases: Path, pause_at: str, pause_s: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(bundle), str(releases), pause_at, str(pause_s)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def fresh_releases(root: Path, bundles: dict[str, Path], name: str) -> Path:
    """Releases 0 and 1 installed, 1 current: an install of 2 with keep=2 also prunes 0."""
    releases = root / name
    for version in ("0", "1"):
        install_bundle(bundles[version], releases, public_key=None, keep=2)
    return releases


def read_until(worker: subprocess.Popen[str], step: str, timeout_s: float = 60) -> None:
    """Lines of the worker until it reports ``step``; a worker that goes quiet fails the test, never hangs it.
    (Read from the pipe itself: a buffered reader could hold the line while select() waits for more.)"""
    assert worker.stdout is not None
    fd, pending = worker.stdout.fileno(), b""
    deadline = time.monotonic() + timeout_s
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                raise AssertionError(
                    f"the worker ended before '{step}': {worker.stderr.read() if worker.stderr else ''}"
                )
            pending += chunk
            *lines, pending = pending.split(b"\n")
            if any(line.strip() == step.encode() for line in lines):
                return
    kill(worker)
    raise AssertionError(f"the worker did not reach '{step}' within {timeout_s:g} s")


def kill(worker: subprocess.Popen[str]) -> int:
    """SIGKILL the worker (unless it has ended) and return its exit status."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGKILL)
    status = worker.wait(timeout=30)
    for stream in (worker.stdout, worker.stderr):
        if stream is not None:
            stream.close()
    return status


def then_a_new_install_succeeds(releases: Path, bundles: dict[str, Path]) -> None:
    result = install_bundle(bundles["2"], releases, public_key=None, keep=2)
    assert result.version == "2"
    assert assert_current_complete(releases) == "2"
    assert "# 2" in (releases / "current" / "content" / "outlook.yaml").read_text()
    assert not [p for p in (releases / "releases").iterdir() if p.name.startswith(".")]
    assert not [p for p in releases.iterdir() if p.name.startswith(".current-new-")]


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step(step, bundles, tmp_path):
    releases = fresh_releases(tmp_path, bundles, f"at-{step}")
    worker = start_worker(bundles["2"], releases, step, pause_s=60)
    try:
        read_until(worker, step)
    finally:
        status = kill(worker)
    assert status == -signal.SIGKILL
    expected = "2" if STEPS.index(step) >= STEPS.index("switched") else "1"
    assert assert_current_complete(releases) == expected
    if step in ("renamed", "switched"):
        assert "2" in list_releases(releases)
    then_a_new_install_succeeds(releases, bundles)


@pytest.mark.parametrize("step", ["switched", "recorded"])
def test_a_kill_around_the_history_write_leaves_rollback_going_to_the_release_shown_before(step, bundles, tmp_path):
    releases = fresh_releases(tmp_path, bundles, f"history-{step}")
    worker = start_worker(bundles["2"], releases, step, pause_s=60)
    try:
        read_until(worker, step)
    finally:
        kill(worker)
    assert rollback(releases) == ("2", "1")  # at "switched" the history does not know 2 yet
    assert assert_current_complete(releases) == "1"


def test_killed_at_random_moments(bundles, tmp_path):
    chance = random.Random(20261128)
    outcomes: list[str] = []
    for run in range(8):
        releases = fresh_releases(tmp_path, bundles, f"random-{run}")
        worker = start_worker(bundles["2"], releases, "*", pause_s=0.01)
        read_until(worker, "start")
        time.sleep(chance.uniform(0, 0.12))
        assert kill(worker) in (-signal.SIGKILL, 0)
        outcome = assert_current_complete(releases)
        outcomes.append(outcome)
        assert outcome in {"1", "2"}
        then_a_new_install_succeeds(releases, bundles)
    print("current after each random kill:", outcomes)
