"""A full-screen dimming layer under a sheet or an overlay: it takes every touch that misses what is on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.foundations.item import Item


def dimmed(ground: str, opacity: float) -> QColor:
    """The ground colour, ``opacity`` opaque."""
    colour = QColor(ground)
    colour.setAlphaF(opacity)
    return colour


class Backdrop(Item):
    """Dims what is beneath; a tap on it calls ``on_tap_action`` (close a sheet, or nothing)."""

    blocks_input = True

    def __init__(
        self, width: float, height: float, colour: QColor, on_tap_action: Callable[[], object], parent: QGraphicsItem
    ):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._colour = colour
        self._action = on_tap_action

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._rect, self._colour)

    def on_tap(self, point: QPointF) -> None:
        self._action()
