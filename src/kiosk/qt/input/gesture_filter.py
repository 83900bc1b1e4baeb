"""The exhibit's one gesture layer: touch and mouse events on a widget → :class:`GestureRecogniser` → signals.

Install it on the viewport of the view the UI is drawn in. Touch points and the left mouse button both feed
the recogniser (so a mouse-emulating panel works like a touch screen), positions mapped through ``map_point``
into the UI's logical frame (swipe directions follow a rotated UI). The filter consumes the events it
handles, so nothing else double-handles them; a mouse event that Qt or the platform synthesised from touch
is dropped while a touch sequence is under way and shortly after it, so a touch gesture fires once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QEventPoint, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

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
from kiosk.qt.input.touch_echo import TouchEcho

MOUSE_POINT_ID = -1  # touch point ids are never negative

_TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
_MOUSE_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
)


class EventClock:
    """Event timestamps (ms, each source on its own time base) as seconds on one monotonic clock.

    Timestamps keep the spacing the input device measured (what velocities need, even when the GUI thread was
    busy and events queued up), but their base differs by platform and source (X server time, Qt's own timer,
    QTest's simulated clock, 0 when unknown). Per source, the offset to ``monotonic`` is the smallest seen (the
    least delayed event); a timestamp that would put an event more than ``rebase_after_s`` in the past starts a
    new base. Results never exceed ``monotonic()`` at the time of the call and never decrease.
    """

    def __init__(self, monotonic: Callable[[], float] = time.monotonic, rebase_after_s: float = 1.0) -> None:
        self._monotonic = monotonic
        self._rebase_after_s = rebase_after_s
        self._offsets: dict[str, float] = {}
        self._last = -math.inf

    def now(self) -> float:
        self._last = max(self._last, self._monotonic())
        return self._last

    def event_time(self, source: str, timestamp_ms: int) -> float:
        now = self._monotonic()
        t = now
        if timestamp_ms > 0:
            raw = timestamp_ms / 1000.0
            seen = now - raw
            offset = self._offsets.get(source)
            if offset is None or seen < offset or seen - offset > self._rebase_after_s:
                offset = self._offsets[source] = seen
            t = raw + offset
        self._last = max(self._last, t)
        return self._last


class GestureFilter(QObject):
    """Recognises taps, long-presses, drags and swipes on ``target`` (a child of it; lives as long as it)."""

    activity = Signal()  # any press of any pointer (for the idle timer)
    pressed = Signal(QPointF)  # a pointer went down here (after activity): the control under it looks pressed
    released = Signal()  # every pointer is up again, or the gesture was cancelled
    tapped = Signal(QPointF)
    long_pressed = Signal(QPointF)
    drag_started = Signal(QPointF)  # where the finger went down
    dragged = Signal(QPointF, QPointF)  # start, current
    drag_finished = Signal(QPointF, QPointF, QPointF)  # start, end, velocity (px/s)
    swiped = Signal(str, QPointF, QPointF, float)  # direction, start, end, speed (px/s)
    cancelled = Signal()  # a drag in progress was abandoned

    def __init__(
        self,
        target: QWidget,
        config: GestureConfig,
        map_point: Callable[[QPointF], QPointF] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(target)
        self._recogniser = GestureRecogniser(config)
        self._map_point = map_point
        self._clock = clock
        self._event_clock = EventClock()
        self._enabled = True
        self._echo = TouchEcho(self._now)
        self._mouse_down = False
        self.last_press: QPointF | None = None  # where the press that last sent ``activity`` was (logical)
        self._long_press_timer = QTimer(self)
        self._long_press_timer.setObjectName("long_press_timer")
        self._long_press_timer.setSingleShot(True)
        self._long_press_timer.timeout.connect(self._on_long_press_timer)
        target.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        target.installEventFilter(self)

    @property
    def config(self) -> GestureConfig:
        return self._recogniser.config

    def set_config(self, config: GestureConfig) -> None:
        """New thresholds (e.g. for a new screen size); they apply at once, also to a gesture under way."""
        self._recogniser.config = config
        self._arm_long_press_timer()

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, enabled: bool) -> None:
        """Switched off, the filter lets every event through; a drag under way is cancelled."""
        if enabled == self._enabled:
            return
        if not enabled:
            now = self._now()
            self._emit(self._recogniser.cancel(now))
            self._long_press_timer.stop()
            self._mouse_down = False
            self._echo.touch_ended()
        self._enabled = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._enabled:
            return False
        # By type, not isinstance: the tests hand in touch events with contact sizes Qt cannot be asked to make.
        if event.type() in _TOUCH_EVENTS:
            return self._on_touch(event)  # type: ignore[arg-type]
        if event.type() in _MOUSE_EVENTS:
            return self._on_mouse(event)  # type: ignore[arg-type]
        return False

    def _now(self) -> float:
        return self._clock() if self._clock is not None else self._event_clock.now()

    def _event_time(self, source: str, event: QTouchEvent | QMouseEvent) -> float:
        if self._clock is not None:
            return self._clock()
        return self._event_clock.event_time(source, event.timestamp())

    def _map(self, point: QPointF) -> QPointF:
        return QPointF(point) if self._map_point is None else self._map_point(QPointF(point))

    def _on_touch(self, event: QTouchEvent) -> bool:
        t = self._event_time("touch", event)
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            event.accept()  # or Qt sends the same touch again as mouse events
            self._echo.touch_began()
        if kind == QEvent.Type.TouchCancel:
            self._emit(self._recogniser.cancel(t))
        else:
            for point in event.points():
                self._on_touch_point(point, t)
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._echo.touch_ended()
            self.released.emit()
        return True

    def _on_touch_point(self, point: QEventPoint, t: float) -> None:
        state = point.state()
        pos = self._map(point.position())
        if state == QEventPoint.State.Pressed:
            self.last_press = pos
            self.activity.emit()
            self.pressed.emit(QPointF(pos))
            self._emit(self._recogniser.press(point.id(), pos.x(), pos.y(), t, self._contact_px(point, pos)))
        elif state == QEventPoint.State.Updated:
            self._emit(self._recogniser.move(point.id(), pos.x(), pos.y(), t, self._contact_px(point, pos)))
        elif state == QEventPoint.State.Released:
            self._emit(self._recogniser.release(point.id(), pos.x(), pos.y(), t))

    def _contact_px(self, point: QEventPoint, mapped: QPointF) -> float | None:
        """The contact's larger diameter in logical pixels (mapped like the point), or None if unreported."""
        size = point.ellipseDiameters()
        diameter = max(size.width(), size.height())
        if diameter <= 0:
            return None
        across = self._map(point.position() + QPointF(diameter, 0)) - mapped
        return math.hypot(across.x(), across.y())

    def _on_mouse(self, event: QMouseEvent) -> bool:
        if self._echo.is_echo(event):
            return True  # the echo of a touch already handled
        kind = event.type()
        left = event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonDblClick and self._mouse_down:
            return left  # a platform that sends it after the second press: that press was the tap
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            # Qt's widgets get the second press of a double-click as a double-click: a double tap is two taps.
            self.last_press = self._map(event.position())
            self.activity.emit()
            if not left:
                return False
            self._mouse_down = True
            pos, t = self._map(event.position()), self._event_time("mouse", event)
            self.pressed.emit(QPointF(pos))
            self._emit(self._recogniser.press(MOUSE_POINT_ID, pos.x(), pos.y(), t))
        elif kind == QEvent.Type.MouseMove:
            if not self._mouse_down:
                return False
            pos, t = self._map(event.position()), self._event_time("mouse", event)
            self._emit(self._recogniser.move(MOUSE_POINT_ID, pos.x(), pos.y(), t))
        else:
            if not (left and self._mouse_down):
                return False
            self._mouse_down = False
            pos, t = self._map(event.position()), self._event_time("mouse", event)
            self._emit(self._recogniser.release(MOUSE_POINT_ID, pos.x(), pos.y(), t))
            self.released.emit()
        return True

    def _on_long_press_timer(self) -> None:
        self._emit(self._recogniser.poll(self._now()))

    def _arm_long_press_timer(self) -> None:
        deadline = self._recogniser.long_press_deadline
        if deadline is None:
            self._long_press_timer.stop()
        else:
            self._long_press_timer.start(max(0, math.ceil((deadline - self._now()) * 1000)))

    def _emit(self, events: list[GestureEvent]) -> None:
        for event in events:
            if isinstance(event, Tap):
                self.tapped.emit(QPointF(event.x, event.y))
            elif isinstance(event, LongPress):
                self.long_pressed.emit(QPointF(event.x, event.y))
            elif isinstance(event, DragStart):
                self.drag_started.emit(QPointF(event.x, event.y))
            elif isinstance(event, Drag):
                self.dragged.emit(QPointF(event.x0, event.y0), QPointF(event.x, event.y))
            elif isinstance(event, DragEnd):
                self.drag_finished.emit(
                    QPointF(event.x0, event.y0), QPointF(event.x, event.y), QPointF(event.vx, event.vy)
                )
            elif isinstance(event, Swipe):
                self.swiped.emit(
                    event.direction, QPointF(event.x0, event.y0), QPointF(event.x, event.y), event.velocity
                )
            elif isinstance(event, Cancelled):
                self.cancelled.emit()
        self._arm_long_press_timer()
