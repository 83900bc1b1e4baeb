"""The PIN pad's logic: digits, checking against the hash, lock-out after too many wrong PINs, and unlocking."""

from __future__ import annotations

import logging

import pytest

from kiosk.clock import ManualClock
from kiosk.staff.pin_entry import PinEntry, PinGuard, Verdict
from kiosk.staff.pin_hash import hash_pin

PIN = "2580"
STORED = hash_pin(PIN, salt=b"\1" * 16)


def test_the_entry_takes_digits_only_up_to_twelve_and_deletes() -> None:
    entry = PinEntry()
    assert not entry.add("a") and not entry.add("12") and len(entry) == 0
    for _ in range(14):
        entry.add("7")
    assert len(entry) == 12
    entry.delete()
    assert len(entry) == 11
    assert entry.take() == "7" * 11 and len(entry) == 0
    entry.delete()  # nothing to delete: nothing happens
    assert len(entry) == 0


@pytest.mark.log_warnings("wrong PINs are logged")
def test_the_right_pin_is_accepted_and_a_wrong_one_counts_down() -> None:
    guard = PinGuard(STORED, attempts=5, lockout_s=60, clock=ManualClock())
    assert guard.check("1111") == Verdict("wrong", 4)
    assert guard.check("2222") == Verdict("wrong", 3)
    assert guard.check(PIN).outcome == "accepted"
    assert guard.tries_left() == 5  # the right PIN forgives the wrong ones before it


def test_five_wrong_pins_lock_for_sixty_seconds_even_the_right_one(caplog: pytest.LogCaptureFixture) -> None:
    clock = ManualClock()
    guard = PinGuard(STORED, attempts=5, lockout_s=60, clock=clock)
    with caplog.at_level(logging.INFO, logger="kiosk.staff.pin_entry"):
        verdicts = [guard.check("9999") for _ in range(5)]
    assert [v.outcome for v in verdicts] == ["wrong"] * 4 + ["locked"]
    assert verdicts[-1].locked_s == 60
    assert sum("wrong PIN (" in r.message for r in caplog.records) == 4
    assert sum("locked for 60 s" in r.message for r in caplog.records) == 1
    assert not any("9999" in r.getMessage() for r in caplog.records)  # never the digits
    clock.advance(17.5)
    assert guard.check(PIN) == Verdict("locked", 0, 43)  # the right PIN waits too
    clock.advance(42.4)
    assert guard.locked_for() == 1
    clock.advance(0.2)
    assert guard.locked_for() == 0 and guard.tries_left() == 1  # one try: a wrong one locks again, longer
    assert guard.check(PIN).outcome == "accepted"


@pytest.mark.log_warnings("wrong PINs are logged")
def test_after_a_lock_each_wrong_pin_locks_twice_as_long_up_to_the_ceiling_until_a_right_one() -> None:
    clock = ManualClock()
    guard = PinGuard(STORED, attempts=3, lockout_s=60, clock=clock, lockout_max_s=300)
    for _ in range(3):
        guard.check("0000")
    locks = []
    for _ in range(4):  # waiting a lock out gives one try, not a fresh count
        clock.advance(guard.locked_for())
        assert guard.tries_left() == 1
        locks.append(guard.check("0000").locked_s)
    assert locks == [120, 240, 300, 300]  # doubled, up to pin_lockout_max_s
    clock.advance(300)
    assert guard.check(PIN).outcome == "accepted"  # only a right PIN starts the count again
    assert guard.check("0000") == Verdict("wrong", 2)


def test_an_empty_entry_is_not_an_attempt_and_no_pin_set_says_so() -> None:
    guard = PinGuard(STORED, 5, 60.0, ManualClock())
    assert guard.check("") == Verdict("empty", 5)
    assert guard.tries_left() == 5
    unset = PinGuard(None, 5, 60.0, ManualClock())
    assert not unset.configured and unset.check(PIN).outcome == "no-pin"


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError):
        PinGuard(STORED, 0, 60.0, ManualClock())
