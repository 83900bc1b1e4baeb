"""The hidden operator gesture: four corners in order, in time; anything else does nothing."""

from __future__ import annotations

import pytest

from kiosk.clock import ManualClock
from kiosk.staff.corners import CornerSequence, corner_at

W, H = 1920.0, 1080.0
ZONE = 0.12 * 1080  # 129.6 logical px
TL, TR, BR, BL = (10, 10), (W - 10, 10), (W - 10, H - 10), (10, H - 10)
MIDDLE = (W / 2, H / 2)


def presses(sequence: CornerSequence, clock: ManualClock, points, step_s: float = 0.5) -> list[bool]:
    results = []
    for x, y in points:
        results.append(sequence.press(x, y, W, H))
        clock.advance(step_s)
    return results


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def test_corner_zones_are_squares_of_twelve_percent_of_the_short_side() -> None:
    assert corner_at(ZONE - 0.1, ZONE - 0.1, W, H) == "top-left"
    assert corner_at(ZONE + 0.5, 5, W, H) is None
    assert corner_at(5, ZONE + 0.5, W, H) is None
    assert corner_at(W - ZONE + 0.1, 3, W, H) == "top-right"
    assert corner_at(W - 1, H - 1, W, H) == "bottom-right"
    assert corner_at(0, H, W, H) == "bottom-left"
    assert corner_at(1080 - 1, 1920 - 1, 1080, 1920) == "bottom-right"  # portrait: 12 % of 1080 too
    assert corner_at(1080 - ZONE - 1, 1920 - 1, 1080, 1920) is None


def test_the_four_corners_in_order_complete_on_the_last(clock: ManualClock) -> None:
    sequence = CornerSequence(5.0, clock)
    assert presses(sequence, clock, [TL, TR, BR, BL]) == [False, False, False, True]
    # and it starts afresh: the last corner alone does not complete it again, the whole round does
    assert presses(sequence, clock, [BL, TL, TR, BR, BL]) == [False, False, False, False, True]


def test_just_within_the_time_counts_and_just_over_does_not(clock: ManualClock) -> None:
    sequence = CornerSequence(5.0, clock)
    assert presses(sequence, clock, [TL, TR, BR, BL], step_s=5.0 / 3) == [False, False, False, True]
    assert presses(sequence, clock, [TL, TR, BR, BL], step_s=5.01 / 3) == [False, False, False, False]


@pytest.mark.parametrize(
    "order",
    [
        [TR, TL, BR, BL],  # wrong order
        [TL, BR, TR, BL],
        [TL, TR, BL, BR],
        [BL, BR, TR, TL],  # backwards
        [TL, TR, MIDDLE, BR, BL],  # a press elsewhere in between
    ],
)
def test_wrong_order_or_a_press_elsewhere_does_nothing(clock: ManualClock, order) -> None:
    sequence = CornerSequence(5.0, clock)
    assert not any(presses(sequence, clock, order))


def test_a_press_in_the_top_left_starts_a_new_sequence(clock: ManualClock) -> None:
    sequence = CornerSequence(5.0, clock)
    presses(sequence, clock, [TL, TR], step_s=2.0)
    assert presses(sequence, clock, [TL, TR, BR, BL], step_s=1.5) == [False, False, False, True]


def test_a_second_top_left_restarts_the_time(clock: ManualClock) -> None:
    sequence = CornerSequence(5.0, clock)
    presses(sequence, clock, [TL], step_s=4.0)
    assert presses(sequence, clock, [TL, TR, BR, BL], step_s=1.5) == [False, False, False, True]


def test_a_corner_pressed_twice_counts_once(clock: ManualClock) -> None:
    """A double tap, or a touch and the mouse event a platform makes of it."""
    sequence = CornerSequence(5.0, clock)
    assert presses(sequence, clock, [TL, TR, TR, BR, BR, BL], step_s=0.3)[-1] is True


def test_a_time_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        CornerSequence(0, ManualClock())
