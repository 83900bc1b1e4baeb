"""The gesture recogniser, rule by rule, with exact timestamps (pure Python: no display, no waiting)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.exhibit.gesture import (
    Cancelled,
    Drag,
    DragEnd,
    DragStart,
    GestureConfig,
    GestureEvent,
    GestureRecogniser,
    LongPress,
    Swipe,
    Tap,
)

CONFIG = GestureConfig()  # slop 24, swipe 120 px, 900 px/s, flick 40 px, long-press 0.8 s, palm 200 px


def drag(rec: GestureRecogniser, points: list[tuple[float, float, float]], point_id: int = 0) -> list[GestureEvent]:
    """Press at the first (t, x, y), move through the middle ones, release at the last; all events."""
    (t, x, y), *middle, (t_end, x_end, y_end) = points
    out = rec.press(point_id, x, y, t)
    for t, x, y in middle:
        out += rec.move(point_id, x, y, t)
    return out + rec.release(point_id, x_end, y_end, t_end)


def kinds(events: list[GestureEvent]) -> list[str]:
    return [type(event).__name__ for event in events]


def test_needs_no_qt() -> None:
    code = (
        "import sys, kiosk.exhibit.gesture\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout.strip()) == (0, "[]"), run.stderr


def test_defaults_and_validation() -> None:
    assert (CONFIG.tap_slop_px, CONFIG.swipe_min_distance_px, CONFIG.swipe_min_velocity_px_s) == (24, 120, 900)
    assert (CONFIG.flick_min_distance_px, CONFIG.long_press_s, CONFIG.max_contact_px) == (40, 0.8, 200)
    with pytest.raises(ValueError, match="tap_slop_px"):
        GestureConfig(tap_slop_px=0)
    with pytest.raises(ValueError, match="long_press_s"):
        GestureConfig(long_press_s=float("nan"))
    doubled = CONFIG.scaled(2)
    assert (doubled.tap_slop_px, doubled.swipe_min_velocity_px_s, doubled.long_press_s) == (48, 1800, 0.8)


def test_tap_reports_the_press_point() -> None:
    rec = GestureRecogniser(CONFIG)
    assert rec.press(0, 100, 200, 1.0) == []
    assert (rec.is_active, rec.pointer_count) == (True, 1)
    assert rec.move(0, 110, 205, 1.05) == []
    assert rec.release(0, 112, 205, 1.1) == [Tap(100, 200)]
    assert (rec.is_active, rec.pointer_count) == (False, 0)


def test_slop_boundary_exactly_24_px_is_still_a_tap() -> None:
    rec = GestureRecogniser(CONFIG)
    assert drag(rec, [(0, 100, 100), (0.1, 124, 100), (0.2, 124, 100)]) == [Tap(100, 100)]
    beyond = drag(rec, [(1, 100, 100), (1.1, 124.01, 100), (1.2, 124.01, 100)])
    assert beyond == [DragStart(100, 100), Drag(100, 100, 124.01, 100), DragEnd(100, 100, 124.01, 100, 0.0, 0.0)]


def test_release_far_away_without_moves_is_a_drag_not_a_tap() -> None:
    rec = GestureRecogniser(CONFIG)
    events = rec.press(0, 0, 0, 0) + rec.release(0, 200, 0, 0.5)
    assert kinds(events) == ["DragStart", "DragEnd", "Swipe"]
    assert events[1] == DragEnd(0, 0, 200, 0, 400.0, 0.0)


def test_long_press_fires_exactly_at_the_threshold_and_not_before() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 50, 60, 1.0)
    assert rec.long_press_deadline == pytest.approx(1.8)
    assert rec.poll(1.79) == []
    assert rec.move(0, 60, 60, 1.799) == []  # within the slop: still pending
    assert rec.poll(1.8) == [LongPress(50, 60)]
    assert rec.long_press_deadline is None
    assert rec.poll(5.0) == []  # once only
    assert rec.move(0, 300, 60, 5.1) == []  # moving after a long-press does not start a drag
    assert rec.release(0, 300, 60, 5.2) == []  # and the release adds nothing
    assert not rec.is_active


def test_release_at_the_threshold_is_a_long_press_even_unpolled() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 10, 10, 0)
    assert rec.release(0, 10, 10, 0.8) == [LongPress(10, 10)]
    rec.press(0, 10, 10, 1.0)
    assert rec.release(0, 10, 10, 1.79) == [Tap(10, 10)]


def test_moving_beyond_the_slop_before_the_deadline_prevents_the_long_press() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 0, 0, 0)
    assert kinds(rec.move(0, 30, 0, 0.5)) == ["DragStart", "Drag"]
    assert rec.poll(2.0) == []
    assert kinds(rec.release(0, 30, 0, 2.1)) == ["DragEnd"]


def test_swipe_by_distance_even_when_slow() -> None:
    rec = GestureRecogniser(CONFIG)
    steps = [(i * 0.1, 100 + i * 10, 300) for i in range(13)]  # 120 px in 1.2 s: 100 px/s
    events = drag(rec, steps + [(1.3, 220, 300)])
    assert kinds(events)[-2:] == ["DragEnd", "Swipe"]
    assert events[-1] == Swipe("right", 100, 300, 220, 300, pytest.approx(0.0, abs=1e-9))
    assert kinds(drag(rec, [(5, 100, 300), (5.5, 219, 300), (7, 219, 300)]))[-1] == "DragEnd"  # 119 px: not one


def test_swipe_by_velocity_short_fast_flick() -> None:
    rec = GestureRecogniser(CONFIG)
    events = drag(rec, [(0, 500, 500), (0.02, 470, 500), (0.04, 440, 500), (0.05, 440, 500)])
    swipe = events[-1]
    assert isinstance(swipe, Swipe) and swipe.direction == "left"
    assert swipe.velocity == pytest.approx(1200.0)  # 60 px in the 50 ms since the press
    end = events[-2]
    assert isinstance(end, DragEnd) and (end.vx, end.vy) == (pytest.approx(-1200.0), 0.0)


def test_fast_but_shorter_than_the_flick_distance_is_not_a_swipe() -> None:
    rec = GestureRecogniser(CONFIG)
    assert kinds(drag(rec, [(0, 0, 0), (0.01, 39, 0), (0.02, 39, 0)]))[-1] == "DragEnd"  # 39 px at 1950 px/s


def test_slow_short_drag_is_only_a_drag_end() -> None:
    rec = GestureRecogniser(CONFIG)
    events = drag(rec, [(0, 0, 0), (0.2, 30, 0), (0.4, 60, 0), (0.6, 90, 0)])  # 150 px/s, 90 px
    assert kinds(events) == ["DragStart", "Drag", "Drag", "DragEnd"]  # the release adds no Drag
    assert events[-1] == DragEnd(0, 0, 90, 0, pytest.approx(150.0), 0.0)


@pytest.mark.parametrize(
    ("dx", "dy", "direction"), [(200, 30, "right"), (-200, -30, "left"), (-30, -200, "up"), (30, 200, "down")]
)
def test_each_direction_follows_the_dominant_axis(dx: float, dy: float, direction: str) -> None:
    rec = GestureRecogniser(CONFIG)
    events = drag(rec, [(0, 400, 400), (0.1, 400 + dx / 2, 400 + dy / 2), (0.2, 400 + dx, 400 + dy)])
    swipe = events[-1]
    assert isinstance(swipe, Swipe)
    assert (swipe.direction, swipe.x0, swipe.y0, swipe.x, swipe.y) == (direction, 400, 400, 400 + dx, 400 + dy)
    assert swipe.velocity == pytest.approx(1000.0)  # 200 px in the last 0.2 s


def test_velocity_uses_recent_samples_a_flick_that_stops_is_not_a_swipe() -> None:
    rec = GestureRecogniser(CONFIG)
    fast_then_still = [(0, 0, 0), (0.02, 40, 0), (0.04, 80, 0), (0.1, 80, 0), (0.2, 80, 0), (0.3, 80, 0)]
    events = drag(rec, fast_then_still)  # 2000 px/s for 40 ms, then held for a quarter of a second
    assert kinds(events)[-1] == "DragEnd"
    assert events[-1] == DragEnd(0, 0, 80, 0, 0.0, 0.0)


def test_velocity_uses_recent_samples_a_slow_drag_ending_fast_is_a_flick() -> None:
    rec = GestureRecogniser(CONFIG)
    creep = [(i * 0.05, 25 + i * 0.5, 0) for i in range(1, 21)]  # past the slop, then 1 s at 10 px/s
    events = drag(rec, [(0, 0, 0), *creep, (1.02, 60, 0), (1.04, 85, 0), (1.06, 110, 0)])  # 110 px in all
    swipe = events[-1]
    assert isinstance(swipe, Swipe) and swipe.direction == "right"
    assert swipe.velocity == pytest.approx((110 - 35) / 0.06)  # since the sample at 1.0 s, not 110 px / 1.06 s


def test_second_finger_cancels_a_drag_and_nothing_fires_until_all_are_up() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 100, 100, 0)
    assert kinds(rec.move(0, 200, 100, 0.1)) == ["DragStart", "Drag"]
    assert rec.press(1, 400, 100, 0.15) == [Cancelled()]
    assert rec.pointer_count == 2
    assert rec.move(0, 600, 100, 0.2) == []
    assert rec.move(1, 700, 100, 0.2) == []
    assert rec.release(0, 600, 100, 0.25) == []
    assert rec.poll(3.0) == []
    assert rec.move(1, 750, 100, 3.1) == []
    assert rec.release(1, 800, 100, 3.2) == []
    assert not rec.is_active
    assert drag(rec, [(4.0, 5, 5), (4.1, 5, 5)]) == [Tap(5, 5)]  # back to normal afterwards


def test_two_finger_tap_and_pinch_trigger_nothing() -> None:
    rec = GestureRecogniser(CONFIG)
    events = rec.press(0, 100, 100, 0) + rec.press(1, 300, 100, 0.01)
    events += rec.move(0, 50, 100, 0.1) + rec.move(1, 350, 100, 0.1)  # pinch out
    events += rec.poll(1.0) + rec.release(1, 350, 100, 1.1) + rec.release(0, 50, 100, 1.2)
    assert events == []
    assert rec.press(0, 1, 1, 2) + rec.press(1, 2, 2, 2) + rec.release(0, 1, 1, 2.1) + rec.release(1, 2, 2, 2.1) == []


def test_palm_is_ignored_until_lifted() -> None:
    rec = GestureRecogniser(CONFIG)
    assert rec.press(0, 100, 100, 0, contact_px=250) == []
    assert rec.is_active
    assert rec.move(0, 400, 100, 0.1) + rec.poll(2.0) + rec.release(0, 400, 100, 2.1) == []
    assert rec.press(0, 100, 100, 3, contact_px=200) + rec.release(0, 100, 100, 3.1) == [Tap(100, 100)]


def test_palm_landing_next_to_a_finger_blocks_and_a_contact_growing_into_a_palm_cancels() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 100, 100, 0, contact_px=40)
    assert rec.press(1, 500, 500, 0.1, contact_px=400) == []
    assert rec.release(1, 500, 500, 0.2) + rec.release(0, 100, 100, 0.3) == []
    rec.press(0, 100, 100, 1, contact_px=40)
    assert kinds(rec.move(0, 200, 100, 1.1, contact_px=60)) == ["DragStart", "Drag"]
    assert rec.move(0, 210, 100, 1.2, contact_px=300) == [Cancelled()]
    assert rec.release(0, 400, 100, 1.3) == []


def test_cancel_forgets_everything_and_reports_a_drag_in_progress() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 0, 0, 0)
    assert rec.cancel(0.1) == []  # no drag yet: nothing to take back
    assert not rec.is_active and rec.release(0, 0, 0, 0.2) == []
    rec.press(0, 0, 0, 1)
    rec.move(0, 100, 0, 1.1)
    assert rec.cancel(1.2) == [Cancelled()]
    assert rec.move(0, 300, 0, 1.3) + rec.release(0, 300, 0, 1.4) == []
    rec.press(0, 0, 0, 2)
    assert rec.cancel(3) == [LongPress(0, 0)]  # due before the cancel: reported, as a poll at 2.8 would have


def test_press_of_a_pointer_already_down_starts_over() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 0, 0, 0)
    rec.move(0, 100, 0, 0.1)
    assert rec.press(0, 500, 500, 0.2) == [Cancelled()]  # its release was lost
    assert rec.release(0, 500, 500, 0.3) == [Tap(500, 500)]


def test_time_running_backwards_counts_as_the_latest_time() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 0, 0, 10)
    assert rec.release(0, 0, 0, 9) == [Tap(0, 0)]


def test_new_config_applies_to_the_gesture_in_progress() -> None:
    rec = GestureRecogniser(CONFIG)
    rec.press(0, 0, 0, 0)
    rec.config = GestureConfig(long_press_s=0.3)
    assert rec.long_press_deadline == pytest.approx(0.3)
    assert rec.poll(0.3) == [LongPress(0, 0)]


# --- any input at all --------------------------------------------------------------------------------------

# Near the thresholds as often as far beyond them.
coordinate = st.one_of(
    st.integers(min_value=-60, max_value=60).map(float), st.floats(min_value=-3000, max_value=3000, allow_nan=False)
)
step = st.tuples(
    st.sampled_from(["press", "move", "release", "cancel", "poll"]),
    st.integers(min_value=0, max_value=2),
    coordinate,
    coordinate,
    st.one_of(
        st.sampled_from([0.0, 0.01, 0.05, 0.1, 0.8]),  # time since the previous input
        st.floats(min_value=0, max_value=1.0, allow_nan=False),
    ),
    st.one_of(st.none(), st.floats(min_value=0, max_value=400, allow_nan=False)),
)


def feed(
    rec: GestureRecogniser, kind: str, point_id: int, x: float, y: float, t: float, contact: float | None
) -> list[GestureEvent]:
    if kind == "press":
        return rec.press(point_id, x, y, t, contact)
    if kind == "move":
        return rec.move(point_id, x, y, t, contact)
    if kind == "release":
        return rec.release(point_id, x, y, t)
    return rec.cancel(t) if kind == "cancel" else rec.poll(t)


def run(steps: list[tuple], polls: list[float] | None = None) -> list[GestureEvent]:
    """All events for ``steps``; with ``polls``, also a poll at that fraction of each step's gap."""
    rec, out, t = GestureRecogniser(CONFIG), [], 0.0
    for index, (kind, point_id, x, y, dt, contact) in enumerate(steps):
        if polls is not None:
            out += rec.poll(t + dt * polls[index])
        t += dt
        out += feed(rec, kind, point_id, x, y, t, contact)
    return out


def check_gesture(events: list[GestureEvent]) -> None:
    """The guarantees of one gesture (from the first press until no pointer is down)."""
    names = kinds(events)
    assert not ("Tap" in names and "Swipe" in names), names
    assert names.count("Tap") + names.count("LongPress") + names.count("Swipe") <= 1, names
    assert names.count("DragStart") <= 1, names
    dragging = False
    for index, name in enumerate(names):
        if name == "DragStart":
            dragging = True
        elif name == "Drag":
            assert dragging, names
        elif name in ("DragEnd", "Cancelled"):
            assert dragging, names
            dragging = False
        elif name == "Swipe":
            assert names[index - 1] == "DragEnd", names
        else:
            assert not dragging and "DragStart" not in names, names
    assert not dragging, names


@settings(max_examples=400, deadline=None)
@given(steps=st.lists(step, max_size=40))
def test_any_input_never_raises_and_keeps_every_gesture_consistent(steps: list[tuple]) -> None:
    rec = GestureRecogniser(CONFIG)
    gesture: list[GestureEvent] = []
    down: set[int] = set()
    t = 0.0
    for kind, point_id, x, y, dt, contact in steps:
        t += dt
        out = feed(rec, kind, point_id, x, y, t, contact)
        if kind == "press" and point_id in down:  # a lost release: what it emits ends the old gesture
            check_gesture(gesture + out)
            gesture, out, down = [], [], set()
        gesture += out
        if kind == "press":
            down.add(point_id)
        elif kind == "release":
            down.discard(point_id)
        elif kind == "cancel":
            down.clear()
        assert rec.pointer_count == len(down) and rec.is_active == bool(down)
        if not down:
            check_gesture(gesture)
            gesture = []
    check_gesture(gesture + rec.poll(1e9) + rec.cancel(1e9))


@settings(max_examples=300, deadline=None)
@given(steps=st.lists(step, max_size=30), data=st.data())
def test_outcome_does_not_depend_on_when_poll_is_called(steps: list[tuple], data: st.DataObject) -> None:
    polls = data.draw(st.lists(st.floats(min_value=0, max_value=1), min_size=len(steps), max_size=len(steps)))
    assert run(steps, polls) == run(steps)
