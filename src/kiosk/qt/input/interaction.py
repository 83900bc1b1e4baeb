"""Routing of recognised gestures to the items under the finger.

An item takes part by having one of these methods (any QGraphicsItem, found by walking up from the topmost
item under the point): ``on_tap(point)``, ``on_long_press(point)``, ``on_drag(start, current)`` with
``on_drag_end(start, end, velocity)``, ``on_swipe(direction)``. Points are in scene (logical) coordinates.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


def handler_at(scene: QGraphicsScene, point: QPointF, method: str) -> QGraphicsItem | None:
    """The topmost visible item at ``point`` (or one of its parents) that has ``method``.

    An item with ``blocks_input = True`` (a sheet's backdrop, an overlay) hides everything beneath it.
    """
    for item in scene.items(point):
        node: QGraphicsItem | None = item
        while node is not None:
            if not node.isVisible():
                break
            if callable(getattr(node, method, None)):
                return node
            if getattr(node, "blocks_input", False):
                return None
            node = node.parentItem()
    return None
