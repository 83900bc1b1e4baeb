"""The gesture layer driven by real Qt touch and mouse events (offscreen), with an injected clock where time matters."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QSizeF, Qt, QTimer
from PySide6.QtGui import QEventPoint, QMouseEvent, QPointingDevice, QTouchEvent, QTransform
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget

from kiosk.exhibit.gesture import GestureConfig
from kiosk.qt.input.gesture_filter import EventClock, GestureFilter

pytestmark = pytest.mark.gui

CONFIG = GestureConfig()


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


class Surface(QWidget):
    """A plain widget that remembers which input events reached it (the filter should leave it none)."""

    def __init__(self) -> None:
        super().__init__()
        self.received: list[QEvent.Type] = []

    def event(self, event: QEvent) -> bool:
        if isinstance(event, (QMouseEvent, QTouchEvent)):
            self.received.append(event.type())
        return super().event(event)


@dataclass
class Record:
    """Every signal of one filter, in order, as (name, *arguments)."""

    calls: list[tuple] = field(default_factory=list)

    def names(self) -> list[str]:
        return [call[0] for call in self.calls if call[0] != "activity"]

    def of(self, name: str) -> list[tuple]:
        return [call[1:] for call in self.calls if call[0] == name]


class Recorder(QObject):
    """Connects bound methods (not lambdas) to every signal of ``gestures``."""

    def __init__(self, gestures: GestureFilter) -> None:
        super().__init__(gestures)
        self.record = Record()
        for name in (
            "activity",
            "tapped",
            "long_pressed",
            "drag_started",
            "dragged",
            "drag_finished",
            "swiped",
            "cancelled",
        ):
            getattr(gestures, name).connect(getattr(self, f"on_{name}"))

    def _add(self, name: str, *args: object) -> None:
        self.record.calls.append((name, *args))

    def on_activity(self) -> None:
        self._add("activity")

    def on_tapped(self, p: QPointF) -> None:
        self._add("tapped", p)

    def on_long_pressed(self, p: QPointF) -> None:
        self._add("long_pressed", p)

    def on_drag_started(self, p: QPointF) -> None:
        self._add("drag_started", p)

    def on_dragged(self, a: QPointF, b: QPointF) -> None:
        self._add("dragged", a, b)

    def on_drag_finished(self, a: QPointF, b: QPointF, v: QPointF) -> None:
        self._add("drag_finished", a, b, v)

    def on_swiped(self, d: str, a: QPointF, b: QPointF, v: float) -> None:
        self._add("swiped", d, a, b, v)

    def on_cancelled(self) -> None:
        self._add("cancelled")


@pytest.fixture
def surface(qtbot) -> Surface:
    widget = Surface()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def touch() -> QPointingDevice:
    return QTest.createTouchDevice()


def attach(surface: Surface, clock: FakeClock | None, **kwargs) -> tuple[GestureFilter, Record]:
    gestures = GestureFilter(surface, kwargs.pop("config", CONFIG), clock=clock, **kwargs)
    return gestures, Recorder(gestures).record


def touch_path(
    surface: Surface, device: QPointingDevice, clock: FakeClock, points: list[tuple[int, int]], step_s: float = 0.02
) -> None:
    """One finger: press at the first point, move through the rest, release at the last, ``step_s`` apart."""
    QTest.touchEvent(surface, device).press(0, QPoint(*points[0]), surface).commit()
    for point in points[1:]:
        clock.t += step_s
        QTest.touchEvent(surface, device).move(0, QPoint(*point), surface).commit()
    clock.t += step_s
    QTest.touchEvent(surface, device).release(0, QPoint(*points[-1]), surface).commit()


def test_touch_tap_fires_once_and_is_consumed(surface, touch, clock) -> None:
    _gestures, record = attach(surface, clock)
    touch_path(surface, touch, clock, [(100, 200), (105, 203)])
    assert record.calls == [("activity",), ("tapped", QPointF(100, 200))]
    assert surface.received == []  # TouchBegin accepted: Qt synthesised no mouse events, nothing reached the widget
    assert surface.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def test_mouse_click_is_a_tap(surface, clock) -> None:
    _gestures, record = attach(surface, clock)
    QTest.mouseClick(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 40))
    assert record.calls == [("activity",), ("tapped", QPointF(300, 40))]
    assert surface.received == []


def test_double_click_is_two_taps(surface, clock) -> None:
    """Through the window (as a platform delivers it) the widget gets press, release, double-click, release."""
    _gestures, record = attach(surface, clock)
    QTest.mouseDClick(surface.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(70, 80))
    assert record.calls == [("activity",), ("tapped", QPointF(70, 80))] * 2
    assert surface.received == []


@pytest.mark.parametrize(
    ("dx", "dy", "direction"), [(60, 0, "right"), (-60, 10, "left"), (5, -60, "up"), (0, 60, "down")]
)
def test_touch_swipe_in_each_direction(surface, touch, clock, dx, dy, direction) -> None:
    _gestures, record = attach(surface, clock)
    touch_path(surface, touch, clock, [(400 + i * dx, 300 + i * dy) for i in range(4)])  # 180 px, up 80 ms later
    end = QPointF(400 + 3 * dx, 300 + 3 * dy)
    assert record.names() == ["drag_started", "dragged", "dragged", "dragged", "drag_finished", "swiped"]
    assert record.of("drag_started") == [(QPointF(400, 300),)]
    assert record.of("swiped") == [(direction, QPointF(400, 300), end, pytest.approx(180 / 0.08))]
    ((start, finish, velocity),) = record.of("drag_finished")
    assert (start, finish) == (QPointF(400, 300), end)
    assert (velocity.x(), velocity.y()) == (pytest.approx(3 * dx / 0.08), pytest.approx(3 * dy / 0.08))


def test_mouse_drag_slow_is_a_drag_fast_is_a_swipe(surface, clock) -> None:
    _gestures, record = attach(surface, clock)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(surface, left, none, QPoint(100, 100))
    clock.t += 0.2
    QTest.mouseMove(surface, QPoint(160, 100))
    clock.t += 0.5
    QTest.mouseRelease(surface, left, none, QPoint(160, 100))
    assert record.names() == ["drag_started", "dragged", "drag_finished"]
    QTest.mousePress(surface, left, none, QPoint(100, 100))
    clock.t += 0.03
    QTest.mouseMove(surface, QPoint(140, 100))
    clock.t += 0.03
    QTest.mouseRelease(surface, left, none, QPoint(180, 100))
    assert record.names()[3:] == ["drag_started", "dragged", "drag_finished", "swiped"]
    assert record.of("swiped")[0][0] == "right"
    assert surface.received == []


def test_long_press_on_the_filters_timer_with_an_injected_clock(surface, touch, clock) -> None:
    gestures, record = attach(surface, clock)
    timer = gestures.findChild(QTimer, "long_press_timer")
    QTest.touchEvent(surface, touch).press(0, QPoint(50, 60), surface).commit()
    assert timer.isActive() and timer.interval() == 800
    clock.t += 0.5
    timer.timeout.emit()  # early (the clock says 0.5 s): nothing yet, armed again for the rest
    assert record.names() == [] and timer.isActive() and timer.interval() == 300
    clock.t += 0.3
    timer.timeout.emit()
    assert record.calls == [("activity",), ("long_pressed", QPointF(50, 60))]
    assert not timer.isActive()
    clock.t += 0.5
    QTest.touchEvent(surface, touch).release(0, QPoint(50, 60), surface).commit()
    assert record.names() == ["long_pressed"]  # the release adds nothing


def test_long_press_with_the_real_clock_and_timer(qtbot, surface) -> None:
    gestures, record = attach(surface, None, config=GestureConfig(long_press_s=0.05))
    with qtbot.waitSignal(gestures.long_pressed, timeout=2000):
        QTest.mousePress(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 30))
    QTest.mouseRelease(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 30))
    assert record.calls == [("activity",), ("long_pressed", QPointF(20, 30))]


def test_default_clock_mixes_touch_and_mouse_timestamps(surface, touch) -> None:
    """Touch (Qt's event timer) and QTest's mouse (its own simulated clock) on one clock: plain taps, no long-press."""
    _gestures, record = attach(surface, None)
    for _ in range(2):
        QTest.touchEvent(surface, touch).press(0, QPoint(10, 10), surface).commit()
        QTest.touchEvent(surface, touch).release(0, QPoint(10, 10), surface).commit()
        QTest.mouseClick(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20))
    assert record.names() == ["tapped"] * 4


def test_two_fingers_trigger_nothing_and_cancel_a_drag(surface, touch, clock) -> None:
    _gestures, record = attach(surface, clock)
    # Each commit must name every finger still down (stationary() for the still ones), or Qt ends the others.
    QTest.touchEvent(surface, touch).press(0, QPoint(100, 100), surface).commit()
    QTest.touchEvent(surface, touch).stationary(0).press(1, QPoint(300, 100), surface).commit()
    clock.t += 0.05
    QTest.touchEvent(surface, touch).move(0, QPoint(50, 100), surface).move(1, QPoint(400, 100), surface).commit()
    clock.t += 1.0
    QTest.touchEvent(surface, touch).release(0, QPoint(50, 100), surface).stationary(1).commit()
    QTest.touchEvent(surface, touch).release(1, QPoint(400, 100), surface).commit()
    assert record.calls == [("activity",), ("activity",)]

    QTest.touchEvent(surface, touch).press(0, QPoint(100, 100), surface).commit()
    clock.t += 0.05
    QTest.touchEvent(surface, touch).move(0, QPoint(200, 100), surface).commit()
    QTest.touchEvent(surface, touch).stationary(0).press(1, QPoint(400, 100), surface).commit()
    both_up = QTest.touchEvent(surface, touch).release(0, QPoint(250, 100), surface)
    both_up.release(1, QPoint(400, 100), surface).commit()
    assert record.names() == ["drag_started", "dragged", "cancelled"]
    assert surface.received == []


def synthesised(
    kind: QEvent.Type,
    pos: QPointF,
    device: QPointingDevice,
    source: Qt.MouseEventSource = Qt.MouseEventSource.MouseEventSynthesizedByQt,
) -> QMouseEvent:
    button = Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    return QMouseEvent(kind, pos, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier, source, device)


def mouse_echo(surface: Surface, device: QPointingDevice, pos: QPointF, *, source=None) -> list[bool]:
    """A press and release of the left button, as a platform sends them after a touch; what the filter returned."""
    kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease)
    extra = {} if source is None else {"source": source}
    return [QApplication.sendEvent(surface, synthesised(kind, pos, device, **extra)) for kind in kinds]


def test_touch_followed_by_synthesised_mouse_fires_once(surface, touch, clock) -> None:
    _gestures, record = attach(surface, clock)
    touch_path(surface, touch, clock, [(100, 100), (100, 100)])
    clock.t += 0.1
    assert mouse_echo(surface, touch, QPointF(100, 100)) == [True, True]  # consumed, not handled twice
    clock.t += 0.1
    mouse_echo(surface, touch, QPointF(100, 100), source=Qt.MouseEventSource.MouseEventSynthesizedBySystem)
    assert record.names() == ["tapped"]
    assert surface.received == []
    clock.t += 1.0  # long after the touch: a synthesised click is a click (e.g. a panel that sends only those)
    mouse_echo(surface, touch, QPointF(300, 300))
    # A real mouse is never an echo, even right after a touch.
    touch_path(surface, touch, clock, [(10, 10), (10, 10)])
    QTest.mouseClick(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(500, 50))
    assert record.of("tapped") == [(QPointF(100, 100),), (QPointF(300, 300),), (QPointF(10, 10),), (QPointF(500, 50),)]


def test_map_point_turns_a_rightward_drag_into_up(surface, touch, clock) -> None:
    """A UI turned 90° clockwise on the panel: logical (x, y) = (viewport y, 800 − viewport x)."""

    def to_logical(point: QPointF) -> QPointF:
        return QPointF(point.y(), 800 - point.x())

    _gestures, record = attach(surface, clock, map_point=to_logical)
    touch_path(surface, touch, clock, [(100, 300), (200, 300), (300, 300)])  # rightward on the panel
    assert record.of("swiped") == [("up", QPointF(300, 700), QPointF(300, 500), pytest.approx(200 / 0.06))]
    QTest.mouseClick(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 20))
    assert record.of("tapped") == [(QPointF(20, 790),)]


class TurnedView(QGraphicsView):
    """The exhibit's arrangement: the UI drawn turned 90° and scaled ×2 on the panel, the filter on the viewport."""

    def __init__(self) -> None:
        super().__init__(QGraphicsScene(0, 0, 300, 400))
        self.setViewport(Surface())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransform(QTransform().rotate(90).scale(2, 2))

    def to_logical(self, viewport_point: QPointF) -> QPointF:
        inverted, _ok = self.viewportTransform().inverted()
        return inverted.map(viewport_point)


def test_on_a_graphics_view_viewport_with_its_mapping(qtbot, touch, clock) -> None:
    view = TurnedView()
    view.resize(800, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.viewport()
    gestures, record = attach(viewport, clock, map_point=view.to_logical)
    touch_path(viewport, touch, clock, [(200, 300), (300, 300), (400, 300)])  # 200 px right on the panel
    ((direction, start, end, speed),) = record.of("swiped")
    assert direction == "up"  # the UI is turned clockwise: the panel's right is the UI's up
    assert end - start == QPointF(0, -100)  # 200 panel pixels are 100 logical ones
    assert speed == pytest.approx(100 / 0.06)
    assert viewport.received == []


def test_disabled_filter_lets_events_through_and_cancels_a_drag(surface, clock) -> None:
    gestures, record = attach(surface, clock)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(surface, left, none, QPoint(100, 100))
    QTest.mouseMove(surface, QPoint(200, 100))
    gestures.enabled = False
    assert not gestures.enabled and record.names() == ["drag_started", "dragged", "cancelled"]
    QTest.mouseRelease(surface, left, none, QPoint(200, 100))
    QTest.mouseClick(surface, left, none, QPoint(10, 10))
    assert record.names() == ["drag_started", "dragged", "cancelled"]
    assert QEvent.Type.MouseButtonRelease in surface.received and QEvent.Type.MouseButtonPress in surface.received
    gestures.enabled = True
    QTest.mouseClick(surface, left, none, QPoint(10, 10))
    assert record.names()[-1] == "tapped"


def test_other_buttons_and_hover_pass_through_but_count_as_activity(surface, clock) -> None:
    _gestures, record = attach(surface, clock)
    QTest.mouseClick(surface, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseMove(surface, QPoint(50, 50))
    assert record.calls == [("activity",)]
    assert surface.received[:2] == [QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease]


def test_set_config_changes_thresholds(surface, touch, clock) -> None:
    gestures, record = attach(surface, clock)
    gestures.set_config(CONFIG.scaled(2))  # a screen with twice the logical pixels: a 48 px slop
    assert gestures.config.tap_slop_px == 48
    touch_path(surface, touch, clock, [(100, 100), (140, 100)])
    assert record.names() == ["tapped"]


def test_touch_cancel_cancels_the_drag(surface, touch, clock) -> None:
    _gestures, record = attach(surface, clock)
    QTest.touchEvent(surface, touch).press(0, QPoint(100, 100), surface).commit()
    QTest.touchEvent(surface, touch).move(0, QPoint(200, 100), surface).commit()
    assert QApplication.sendEvent(surface, QTouchEvent(QEvent.Type.TouchCancel, touch))
    assert record.names() == ["drag_started", "dragged", "cancelled"]
    QTest.touchEvent(surface, touch).release(0, QPoint(300, 100), surface).commit()  # the sequence is gone
    assert record.names() == ["drag_started", "dragged", "cancelled"]


class _Point:
    """Stands in for a QEventPoint: QTest and QEventPoint's constructors cannot set a contact's size."""

    def __init__(self, point_id: int, state: QEventPoint.State, pos: QPointF, diameter: float) -> None:
        self._id, self._state, self._pos, self._diameter = point_id, state, pos, diameter

    def id(self) -> int:
        return self._id

    def state(self) -> QEventPoint.State:
        return self._state

    def position(self) -> QPointF:
        return QPointF(self._pos)

    def ellipseDiameters(self) -> QSizeF:
        return QSizeF(self._diameter, self._diameter * 0.8)


class _Touch:
    def __init__(self, kind: QEvent.Type, *points: _Point) -> None:
        self._kind, self._points, self.accepted = kind, list(points), False

    def type(self) -> QEvent.Type:
        return self._kind

    def points(self) -> list[_Point]:
        return self._points

    def timestamp(self) -> int:
        return 0

    def accept(self) -> None:
        self.accepted = True


@pytest.mark.parametrize(("diameter", "scale", "palm"), [(150, 1, False), (250, 1, True), (150, 2, True)])
def test_palm_size_from_the_contact_ellipse_mapped_like_the_point(surface, clock, diameter, scale, palm) -> None:
    def zoom(point: QPointF) -> QPointF:
        return point * scale

    gestures, record = attach(surface, clock, map_point=zoom)
    state = QEventPoint.State
    begin = _Touch(QEvent.Type.TouchBegin, _Point(0, state.Pressed, QPointF(100, 100), diameter))
    assert gestures.eventFilter(surface, begin) and begin.accepted
    clock.t += 0.1
    gestures.eventFilter(surface, _Touch(QEvent.Type.TouchEnd, _Point(0, state.Released, QPointF(100, 100), 0)))
    assert record.names() == ([] if palm else ["tapped"])


def test_event_clock_keeps_each_sources_spacing_on_one_monotonic_clock() -> None:
    now = [50.0]
    events = EventClock(monotonic=lambda: now[0])
    assert events.event_time("touch", 1000) == 50.0
    now[0] = 50.3  # delivered late: the event keeps its own time
    assert events.event_time("touch", 1100) == pytest.approx(50.1)
    assert events.event_time("mouse", 7) == pytest.approx(50.3)  # another source, another base
    now[0] = 50.4
    assert events.event_time("mouse", 57) == pytest.approx(50.35)
    assert events.event_time("touch", 1000) == pytest.approx(50.35)  # never backwards
    assert events.event_time("touch", 0) == pytest.approx(50.4)  # no timestamp: now
    now[0] = 60.0
    assert events.event_time("touch", 1200) == pytest.approx(60.0)  # 9.8 s behind: a new base, not the past
    assert events.now() == 60.0
