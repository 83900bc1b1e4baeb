"""Routing of recognised gestures to the items under the finger.

An item takes part by having one of these methods (any QGraphicsItem, found by walking up from the topmost
item under the point): ``on_tap(point)``, ``on_long_press(point)``, ``on_drag(start, current)`` with
``on_drag_end(start, end, velocity)``, ``on_swipe(direction)``. Points are in scene (logical) coordinates.
The protocols below name those methods for the router, which checks an item against one before it calls it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


@runtime_checkable
class Tappable(Protocol):
    def on_tap(self, point: QPointF) -> None: ...


@runtime_checkable
class Pressable(Protocol):
    """A control that shows it is pressed while a finger is on it (``press_feedback`` says whether it does)."""

    press_feedback: bool

    def set_pressed(self, pressed: bool) -> None: ...


@runtime_checkable
class Draggable(Protocol):
    """Follows a drag (a carousel); it may also have ``on_drag_begin(start)``, ``on_drag_cancel()`` and
    ``drag_axis`` ("x" or "y": it follows only drags that go mostly that way; without it, any drag)."""

    def on_drag(self, start: QPointF, current: QPointF) -> None: ...
    def on_drag_end(self, start: QPointF, end: QPointF, velocity: QPointF) -> None: ...


@runtime_checkable
class Swipeable(Protocol):
    def on_swipe(self, direction: str) -> None: ...


@runtime_checkable
class Scrollable(Protocol):
    """Snaps back to a stop when a drag it followed is abandoned."""

    @property
    def index(self) -> int: ...
    def scroll_to(self, index: int, animate: bool = True) -> None: ...


def handler_at(scene: QGraphicsScene, point: QPointF, method: str) -> QGraphicsItem | None:
    """The topmost visible item at ``point`` (or one of its parents) that has ``method``.

    An item with ``blocks_input = True`` (a sheet's backdrop, an overlay) hides everything beneath it.
    """
    found = handlers_at(scene, point, method)
    return found[0] if found else None


def handlers_at(scene: QGraphicsScene, point: QPointF, method: str) -> list[QGraphicsItem]:
    """Every visible item at ``point`` that has ``method``, the topmost first: the first found and the items it is
    inside (a carousel in a scrolling screen), up to one with ``blocks_input``."""
    for item in scene.items(point):
        found: list[QGraphicsItem] = []
        node: QGraphicsItem | None = item
        while node is not None:
            if not node.isVisible():
                break
            if callable(getattr(node, method, None)):
                found.append(node)
            if getattr(node, "blocks_input", False):
                return found
            node = node.parentItem()
        if found:
            return found
    return []
