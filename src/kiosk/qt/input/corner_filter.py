"""Every press on the stage's viewport (left mouse button, each finger that goes down), in logical coordinates,
for the operator's corner gesture. It only watches: the exhibit still gets every event."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QEventPoint, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.qt.input.touch_echo import TouchEcho


class PressWatcher(QObject):
    """Emits ``pressed(logical point)`` for each press on ``viewport``; never consumes an event.

    Install it after the exhibit's gesture filter: the filter installed last sees events first. The mouse press
    a platform makes of a touch is not a second press (:class:`~kiosk.qt.input.touch_echo.TouchEcho`).
    """

    pressed = Signal(QPointF)

    def __init__(self, viewport: QWidget, map_point: Callable[[QPointF], QPointF], clock: Callable[[], float]):
        super().__init__(viewport)
        self._viewport = viewport
        self._map = map_point
        self._echo = TouchEcho(clock)
        viewport.installEventFilter(self)

    def stop(self) -> None:
        self._viewport.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate) and isinstance(event, QTouchEvent):
            self._echo.touch_began()
            for point in event.points():
                if point.state() == QEventPoint.State.Pressed:
                    self.pressed.emit(self._map(point.position()))
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._echo.touch_ended()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton and not self._echo.is_echo(event):
                self.pressed.emit(self._map(event.position()))
        return False
