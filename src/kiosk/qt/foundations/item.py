"""The base of every item the exhibit draws.

PySide6 hands a Python-made ``QGraphicsObject`` to its parent only through ``setParentItem``: passed to the
constructor, the parent does not keep the Python object alive and the item vanishes at the next garbage
collection. ``Item`` does it the way that works; :func:`unparent` undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget


class Item(QGraphicsObject):
    """A graphics object owned by its parent item; draws nothing unless a subclass paints."""

    def __init__(self, parent: QGraphicsItem | None = None):
        super().__init__()
        if parent is not None:
            self.setParentItem(parent)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


def unparent(item: QGraphicsItem) -> None:
    """Take ``item`` from its parent item: it becomes a top-level item of the scene it is in, if any."""
    # Qt takes a null parent here; PySide6's stub types the argument as QGraphicsItem without None.
    item.setParentItem(None)  # type: ignore[arg-type]
