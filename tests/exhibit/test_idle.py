"""Idle phases at their exact boundaries, the overlay countdown, touches and suspension, on a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.clock import ManualClock
from kiosk.exhibit.idle import IdleTracker
from kiosk.settings.model import ExhibitSettings


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def idle(clock: FakeClock) -> IdleTracker:
    return IdleTracker(60.0, 10.0, clock)


def at(clock: FakeClock, tracker: IdleTracker, idle_s: float) -> IdleTracker:
    clock.now = 1000.0 + idle_s
    return tracker


@pytest.mark.parametrize(
    ("idle_s", "phase", "left", "next_change"),
    [
        (0.0, "active", 60.0, 50.0),
        (49.999, "active", 10.001, 0.001),
        (50.0, "warning", 10.0, 10.0),
        (55.5, "warning", 4.5, 4.5),
        (59.999, "warning", 0.001, 0.001),
        (60.0, "expired", 0.0, None),
        (3600.0, "expired", 0.0, None),
    ],
)
def test_phases_at_their_boundaries(clock, idle, idle_s, phase, left, next_change) -> None:
    at(clock, idle, idle_s)
    assert idle.phase() == phase
    assert idle.seconds_left() == pytest.approx(left)
    if next_change is None:
        assert idle.next_change_in() is None
    else:
        assert idle.next_change_in() == pytest.approx(next_change)


def test_next_change_lands_exactly_on_the_next_phase(clock, idle) -> None:
    phases = [idle.phase()]
    while (wait := idle.next_change_in()) is not None:
        clock.advance(wait)
        phases.append(idle.phase())
    assert phases == ["active", "warning", "expired"]
    assert clock.now == pytest.approx(1060.0)


@pytest.mark.parametrize(
    ("idle_s", "shown"),
    [
        (0.0, 10),
        (49.0, 10),
        (50.0, 10),
        (50.5, 10),
        (50.999, 10),
        (51.0, 9),
        (51.001, 9),
        (55.0, 5),
        (58.2, 2),
        (59.0, 1),
        (59.999, 1),
        (60.0, 0),
        (75.0, 0),
    ],
)
def test_warning_countdown(clock, idle, idle_s, shown) -> None:
    assert at(clock, idle, idle_s).warning_countdown() == shown


def test_countdown_shows_10_to_1_once_each_second(clock, idle) -> None:
    clock.advance(50.0)
    shown = []
    while idle.phase() == "warning":
        shown.append(idle.warning_countdown())
        wait = idle.next_countdown_change_in()
        assert wait is not None and 0 < wait <= 1.0
        clock.advance(wait)
    assert shown == [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    assert idle.phase() == "expired" and idle.next_countdown_change_in() is None


def test_countdown_changes_are_not_due_outside_the_warning(clock, idle) -> None:
    assert idle.next_countdown_change_in() is None
    clock.advance(50.25)
    assert idle.next_countdown_change_in() == pytest.approx(0.75)


def test_touch_during_the_warning_cancels_it(clock, idle) -> None:
    clock.advance(55.0)
    assert idle.phase() == "warning"
    idle.touch()
    assert idle.phase() == "active"
    assert idle.seconds_left() == 60.0 and idle.next_change_in() == 50.0 and idle.warning_countdown() == 10
    clock.advance(59.0)
    assert idle.phase() == "warning"
    clock.advance(1.0)
    assert idle.phase() == "expired"


def test_touch_after_expiry_starts_again(clock, idle) -> None:
    clock.advance(100.0)
    idle.touch()
    assert idle.phase() == "active" and idle.seconds_left() == 60.0


def test_suspended_nothing_is_tracked(clock, idle) -> None:
    clock.advance(30.0)
    idle.suspend()
    assert idle.suspended
    clock.advance(500.0)
    assert idle.phase() == "active" and idle.seconds_left() == 60.0
    assert idle.next_change_in() is None and idle.next_countdown_change_in() is None and idle.idle_s() == 0.0


def test_resume_starts_a_fresh_timeout(clock, idle) -> None:
    clock.advance(55.0)
    idle.suspend()
    clock.advance(1000.0)
    idle.resume()
    assert not idle.suspended
    assert idle.phase() == "active" and idle.next_change_in() == 50.0
    clock.advance(50.0)
    assert idle.phase() == "warning"


def test_a_clock_going_back_counts_as_no_idle_time(clock, idle) -> None:
    clock.advance(-5.0)
    assert idle.idle_s() == 0.0 and idle.seconds_left() == 60.0 and idle.phase() == "active"


def test_the_settings_defaults_make_a_valid_tracker() -> None:
    """The defaults live in the settings model only (kiosk.settings.model.ExhibitSettings)."""
    defaults = ExhibitSettings()
    tracker = IdleTracker(defaults.idle_timeout_s, defaults.idle_warning_s, ManualClock())
    assert (tracker.timeout_s, tracker.warning_s) == (60.0, 10.0)
    assert tracker.phase() == "active"


@pytest.mark.parametrize(
    ("timeout_s", "warning_s"),
    [(10.0, 10.0), (5.0, 10.0), (60.0, 0.0), (60.0, -1.0), (0.0, 0.0), (float("nan"), 1.0), (float("inf"), 1.0)],
)
def test_invalid_times_are_a_clear_error(timeout_s, warning_s) -> None:
    with pytest.raises(ValueError, match="timeout_s > warning_s > 0"):
        IdleTracker(timeout_s, warning_s, FakeClock())


@given(timeout=st.floats(2.0, 600.0), share=st.floats(0.01, 0.99), idle_s=st.floats(0.0, 1200.0))
def test_answers_agree_with_each_other(timeout: float, share: float, idle_s: float) -> None:
    clock = FakeClock(0.0)
    warning = timeout * share
    tracker = IdleTracker(timeout, warning, clock)
    clock.now = idle_s
    phase, left, wait = tracker.phase(), tracker.seconds_left(), tracker.next_change_in()
    assert left == max(0.0, timeout - idle_s)
    assert phase == ("expired" if idle_s >= timeout else "warning" if timeout - idle_s <= warning else "active")
    if phase == "expired":
        assert wait is None and tracker.warning_countdown() == 0
    else:
        assert wait is not None and wait > 0
        assert 1 <= tracker.warning_countdown() <= -(-warning // 1)
