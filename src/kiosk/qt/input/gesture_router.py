"""Recognised gestures to the items under the finger: taps, drags that an item follows (carousels), swipes.

The controller decides what a touch means for the exhibit as a whole (waking it, cancelling the idle warning) in
``on_activity`` and, when that touch must do nothing else, sets :attr:`GestureRouter.swallow` for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kiosk.qt.input.gesture_filter import GestureFilter
from kiosk.qt.input.interaction import handler_at


class GestureRouter(QObject):
    """Routes the gestures of ``gestures`` to the items of ``scene`` (points are logical scene coordinates)."""

    def __init__(self, scene: QGraphicsScene, gestures: GestureFilter, parent: QObject | None = None):
        super().__init__(parent)
        self.scene = scene
        self.swallow = False  # the current touch has done its work already (it woke the exhibit, say)
        self._drag_target: QGraphicsItem | None = None
        gestures.tapped.connect(self.on_tap)
        gestures.drag_started.connect(self.on_drag_started)
        gestures.dragged.connect(self.on_dragged)
        gestures.drag_finished.connect(self.on_drag_finished)
        gestures.swiped.connect(self.on_swiped)
        gestures.cancelled.connect(self.on_cancelled)

    def forget(self) -> None:
        """The screen changed: an item followed by a drag is gone."""
        self._drag_target = None

    def on_tap(self, point: QPointF) -> None:
        if self.swallow:
            return
        target = handler_at(self.scene, point, "on_tap")
        if target is not None:
            target.on_tap(point)  # type: ignore[attr-defined]

    def on_drag_started(self, start: QPointF) -> None:
        self._drag_target = None if self.swallow else handler_at(self.scene, start, "on_drag")
        begin = getattr(self._drag_target, "on_drag_begin", None)
        if begin is not None:
            begin(start)

    def on_dragged(self, start: QPointF, current: QPointF) -> None:
        if self._drag_target is not None:
            self._drag_target.on_drag(start, current)  # type: ignore[attr-defined]

    def on_drag_finished(self, start: QPointF, end: QPointF, velocity: QPointF) -> None:
        if self._drag_target is not None:
            self._drag_target.on_drag_end(start, end, velocity)  # type: ignore[attr-defined]

    def on_swiped(self, direction: str, start: QPointF, end: QPointF, speed: float) -> None:
        if self.swallow or self._drag_target is not None:
            self._drag_target = None
            return  # a carousel already followed this drag
        target = handler_at(self.scene, start, "on_swipe")
        if target is not None:
            target.on_swipe(direction)  # type: ignore[attr-defined]

    def on_cancelled(self) -> None:
        if self._drag_target is not None and hasattr(self._drag_target, "scroll_to"):
            self._drag_target.scroll_to(self._drag_target.index)  # type: ignore[attr-defined]
        self._drag_target = None
