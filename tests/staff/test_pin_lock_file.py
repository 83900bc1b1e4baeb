"""The PIN pad's lock survives a restart: it is kept in the state folder, a wall clock set back cannot lengthen it, and
a missing or damaged file means no lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.staff.pin_entry import PinGuard
from kiosk.staff.pin_hash import hash_pin
from kiosk.staff.pin_lock_file import PinLockFile, PinLockState

PIN = "2580"
STORED = hash_pin(PIN, salt=b"\2" * 16)


class Wall:
    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def guard(path: Path, wall: Wall, clock: ManualClock | None = None) -> PinGuard:
    return PinGuard(STORED, 3, 60.0, clock or ManualClock(), lockout_max_s=3600.0, saved=PinLockFile(path, wall))


@pytest.mark.log_warnings("wrong PINs and the lock are logged")
def test_a_restart_does_not_wait_the_lock_out(tmp_path: Path) -> None:
    path, wall = tmp_path / "pin-lock.json", Wall()
    first = guard(path, wall)
    for _ in range(3):
        first.check("0000")
    assert first.locked_for() == 60
    wall.now += 20  # the exhibit is restarted 20 s later: a new process, a new monotonic clock
    second = guard(path, wall)
    assert second.locked_for() == 40 and second.check(PIN).outcome == "locked"
    wall.now += 41
    third = guard(path, wall)
    assert third.locked_for() == 0 and third.tries_left() == 1  # after a lock: one try, then twice as long
    assert third.check("0000").locked_s == 120


@pytest.mark.log_warnings("wrong PINs and the lock are logged")
def test_a_right_pin_clears_the_saved_lock(tmp_path: Path) -> None:
    path, wall = tmp_path / "pin-lock.json", Wall()
    clock = ManualClock()
    first = guard(path, wall, clock)
    for _ in range(3):
        first.check("0000")
    clock.advance(61)
    wall.now += 61
    assert first.check(PIN).outcome == "accepted"
    assert guard(path, wall).tries_left() == 3


def test_a_clock_set_back_cannot_lengthen_the_lock(tmp_path: Path) -> None:
    path, wall = tmp_path / "pin-lock.json", Wall()
    PinLockFile(path, wall).save(PinLockState(0, 1, 60.0))
    wall.now -= 86_400  # the clock jumps a day back
    assert PinLockFile(path, wall).load().locked_for_s == 60.0


def test_a_missing_file_is_no_lock_and_a_damaged_one_too_with_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "pin-lock.json"
    assert PinLockFile(path, Wall()).load() == PinLockState()
    path.write_text("{not json", encoding="utf-8")
    assert PinLockFile(path, Wall()).load() == PinLockState()
    assert "could not be read" in caplog.text


@pytest.mark.timeout(30)
@pytest.mark.log_warnings("the refused PIN lock file is logged")
def test_a_lock_file_that_is_a_pipe_is_refused_with_its_name_not_waited_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Read like every other file (kiosk.safe_read): a pipe in its place would hang the pad (before: it did)."""
    path = tmp_path / "pin-lock.json"
    os.mkfifo(path)
    assert PinLockFile(path, Wall()).load() == PinLockState()
    assert f"{path}: the PIN lock could not be read (is not a regular file" in caplog.text
