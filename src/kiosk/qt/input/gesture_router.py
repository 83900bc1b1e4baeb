"""Recognised gestures to the items under the finger: taps, drags that an item follows (carousels), swipes.

The controller decides what a touch means for the exhibit as a whole (waking it, cancelling the idle warning) in
``on_activity`` and, when that touch must do nothing else, sets :attr:`GestureRouter.swallow` for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QGraphicsScene

from kiosk.qt.input.gesture_filter import GestureFilter
from kiosk.qt.input.interaction import (
    Draggable,
    Pressable,
    Scrollable,
    Swipeable,
    Tappable,
    handler_at,
    handlers_at,
)


class GestureRouter(QObject):
    """Routes the gestures of ``gestures`` to the items of ``scene`` (points are logical scene coordinates)."""

    def __init__(self, scene: QGraphicsScene, gestures: GestureFilter, parent: QObject | None = None):
        super().__init__(parent)
        self.scene = scene
        self.swallow = False  # the current touch has done its work already (it woke the exhibit, say)
        # Sees every tap first and returns True when it took it (reading aloud: a tap speaks, a double tap acts).
        self.tap_filter: Callable[[QPointF], bool] | None = None
        self._drag_target: Draggable | None = None
        self._drag_candidates: list[Draggable] = []  # under the finger, until the drag's direction is known
        self._pressed: Pressable | None = None
        gestures.pressed.connect(self.on_pressed)
        gestures.released.connect(self.let_go)
        gestures.tapped.connect(self.on_tap)
        gestures.drag_started.connect(self.on_drag_started)
        gestures.dragged.connect(self.on_dragged)
        gestures.drag_finished.connect(self.on_drag_finished)
        gestures.swiped.connect(self.on_swiped)
        gestures.cancelled.connect(self.on_cancelled)

    def forget(self) -> None:
        """The screen changed: an item followed by a drag is gone."""
        self._drag_target = None
        self._drag_candidates = []
        self._pressed = None

    def on_pressed(self, point: QPointF) -> None:
        """The control under a finger that went down looks pressed at once (in the next frame), until it is let go,
        dragged or the touch is cancelled; a touch that only wakes the exhibit presses nothing."""
        self.let_go()
        if self.swallow:
            return
        target = handler_at(self.scene, point, "on_tap")
        if isinstance(target, Pressable) and target.press_feedback:
            self._pressed = target
            target.set_pressed(True)

    def let_go(self) -> None:
        if self._pressed is not None:
            try:
                self._pressed.set_pressed(False)
            except RuntimeError:  # freed with its page (the tap changed the screen): nothing to let go
                pass
            self._pressed = None

    def on_tap(self, point: QPointF) -> None:
        if self.swallow or (self.tap_filter is not None and self.tap_filter(point)):
            return
        target = handler_at(self.scene, point, "on_tap")
        if isinstance(target, Tappable):
            target.on_tap(point)

    def on_drag_started(self, start: QPointF) -> None:
        """The items under the finger that follow drags; which one follows this drag is known at its first move
        (the topmost whose ``drag_axis`` is the way the finger goes: a row sideways, the screen up or down)."""
        self.let_go()
        self._drag_target = None
        found = [] if self.swallow else handlers_at(self.scene, start, "on_drag")
        self._drag_candidates = [item for item in found if isinstance(item, Draggable)]

    def _choose_drag_target(self, start: QPointF, current: QPointF) -> None:
        candidates, self._drag_candidates = self._drag_candidates, []
        moved = current - start
        axis = "x" if abs(moved.x()) >= abs(moved.y()) else "y"
        chosen = next((c for c in candidates if getattr(c, "drag_axis", axis) == axis), None)
        if chosen is None:  # a row still follows a steep drag where nothing scrolls; a sideways one on a scrolling
            # screen is nobody's (it may be a swipe: to the next story)
            chosen = next((c for c in candidates if getattr(c, "drag_axis", "") != "y"), None)
        if chosen is None:
            return
        self._drag_target = chosen
        begin = getattr(chosen, "on_drag_begin", None)
        if begin is not None:
            begin(start)

    def on_dragged(self, start: QPointF, current: QPointF) -> None:
        if self._drag_candidates:
            self._choose_drag_target(start, current)
        if self._drag_target is not None:
            self._drag_target.on_drag(start, current)

    def on_drag_finished(self, start: QPointF, end: QPointF, velocity: QPointF) -> None:
        if self._drag_candidates:
            self._choose_drag_target(start, end)
        if self._drag_target is not None:
            self._drag_target.on_drag_end(start, end, velocity)

    def on_swiped(self, direction: str, start: QPointF, end: QPointF, speed: float) -> None:
        if self.swallow or self._drag_target is not None:
            self._drag_target = None
            return  # a carousel already followed this drag
        target = handler_at(self.scene, start, "on_swipe")
        if isinstance(target, Swipeable):
            target.on_swipe(direction)

    def on_cancelled(self) -> None:
        self.let_go()
        cancel = getattr(self._drag_target, "on_drag_cancel", None)
        if cancel is not None:
            cancel()
        elif isinstance(self._drag_target, Scrollable):
            self._drag_target.scroll_to(self._drag_target.index)
        self._drag_target = None
        self._drag_candidates = []
