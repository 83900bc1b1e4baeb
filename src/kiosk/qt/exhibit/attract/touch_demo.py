"""The touch demonstration: a hand glides to the thing on screen, taps it (two rings spread from the fingertip) and
glides away, so a visitor sees where to touch. Set to a moment with :meth:`TouchDemo.set_progress`; nothing here
animates by itself. The rings spread once each, about 0.6 s apart: nothing flashes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.exhibit.motion import clamp01, ease_out_cubic
from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.item import Item
from kiosk.qt.widgets.surface import IconItem

HAND = 150.0
RING = 230.0  # the widest a ring spreads (diameter)
TRAVEL = 220.0  # how far the hand glides in from
FINGER = QPointF(0.5, 0.3)  # the fingertip within the hand icon (fractions of its size)


class Ripple(Item):
    """One ring spreading from its centre and fading."""

    def __init__(self, colour: QColor, parent: QGraphicsItem):
        super().__init__(parent)
        self._colour = QColor(colour)
        self._progress = 0.0
        self.setVisible(False)

    def boundingRect(self) -> QRectF:
        return QRectF(-RING / 2 - 8, -RING / 2 - 8, RING + 16, RING + 16)

    def set_progress(self, progress: float) -> None:
        self.setVisible(0.0 < progress < 1.0)
        if progress != self._progress:
            self._progress = progress
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        grown = ease_out_cubic(self._progress)
        radius = RING / 2 * (0.2 + 0.8 * grown)
        colour = QColor(self._colour)
        colour.setAlphaF(0.9 * (1.0 - self._progress))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 10.0 * (1.0 - 0.6 * grown)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), radius, radius)


class TouchDemo(Item):
    """The hand and its two rings; placed at the point it taps."""

    def __init__(self, icons: IconLibrary, colour: QColor, parent: QGraphicsItem):
        super().__init__(parent)
        self.rings = [Ripple(colour, self), Ripple(colour, self)]
        self.hand = IconItem(icons, "ui-touch", HAND, colour, self)
        self.setZValue(5)
        self.set_progress(None)

    def aim(self, point: QPointF) -> None:
        self.setPos(point)

    def set_progress(self, progress: float | None) -> None:
        """Hand in (0–0.3), tap with the rings (0.3–0.75), hand out (0.75–1); None hides it."""
        if progress is None:
            self.setVisible(False)
            return
        self.setVisible(True)
        arrive = ease_out_cubic(clamp01(progress / 0.3))
        leave = clamp01((progress - 0.75) / 0.25)
        offset = TRAVEL * (1.0 - arrive) + TRAVEL * 0.6 * leave * leave
        press = 1.0 - 0.12 * _bump(clamp01((progress - 0.3) / 0.15))  # the hand dips as it taps
        self.hand.setScale(press)
        self.hand.setPos(-HAND * FINGER.x() * press + offset * 0.6, -HAND * FINGER.y() * press + offset)
        self.hand.setOpacity(min(arrive, 1.0 - leave))
        for i, ring in enumerate(self.rings):
            ring.set_progress(clamp01((progress - 0.32 - 0.2 * i) / 0.35))


def _bump(t: float) -> float:
    """0 → 1 → 0 over t in 0..1."""
    return 1.0 - abs(2.0 * t - 1.0)
