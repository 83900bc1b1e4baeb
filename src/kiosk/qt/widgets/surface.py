"""Rounded panels and icons: the static shapes of every screen, drawn once into a device cache."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.item import Item

_log = logging.getLogger(__name__)


PRESSED_WASH = QColor(255, 255, 255, 56)  # laid over a pressed control's surface


class Panel(Item):
    """A rounded rectangle with an optional accent band along its top or left edge and an optional outline.

    A control (``press_feedback = True``) lightens while a finger is on it: only its own small cache is drawn again,
    so the next frame shows it even at 4K."""

    press_feedback = False

    def __init__(
        self,
        width: float,
        height: float,
        fill: QColor | str,
        radius: float,
        parent: QGraphicsItem | None = None,
        *,
        accent: QColor | str | None = None,
        band: float = 0.0,
        band_edge: str = "top",
        outline: QColor | str | None = None,
        glow: QColor | str | None = None,
    ):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._fill = QColor(fill)
        self._radius = radius
        self._accent = QColor(accent) if accent is not None else None
        self._band = band
        self._band_edge = band_edge
        self._outline = QColor(outline) if outline is not None else None
        self._glow = QColor(glow) if glow is not None else None
        self._path = QPainterPath()
        self._path.addRoundedRect(self._rect, radius, radius)
        self._pressed = False
        self.setCacheMode(
            QGraphicsItem.CacheMode.NoCache if self._glow is None else QGraphicsItem.CacheMode.DeviceCoordinateCache
        )

    @property
    def pressed(self) -> bool:
        return self._pressed

    def set_pressed(self, pressed: bool) -> None:
        if pressed != self._pressed:
            self._pressed = pressed
            self.update()

    def set_fill(self, fill: QColor | str) -> None:
        """A new fill colour (repaints only when it changed)."""
        colour = QColor(fill)
        if colour != self._fill:
            self._fill = colour
            self.update()

    def set_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self._path = QPainterPath()
        self._path.addRoundedRect(self._rect, self._radius, self._radius)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if self._glow is not None:  # a soft wash of the accent from the top-left corner
            gradient = QLinearGradient(self._rect.topLeft(), self._rect.bottomRight())
            gradient.setColorAt(0.0, self._glow)
            gradient.setColorAt(0.75, self._fill)
            painter.setBrush(QBrush(gradient))
        else:
            painter.setBrush(self._fill)
        painter.drawPath(self._path)
        if self._accent is not None and self._band > 0:
            painter.save()
            painter.setClipPath(self._path)
            band = (
                QRectF(0, 0, self._rect.width(), self._band)
                if self._band_edge == "top"
                else QRectF(0, 0, self._band, self._rect.height())
            )
            painter.fillRect(band, self._accent)
            painter.restore()
        if self._outline is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self._outline, 2.0))
            painter.drawPath(self._path)
        if self._pressed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PRESSED_WASH)
            painter.drawPath(self._path)


class IconItem(Item):
    """One icon of the exhibit's set, drawn in one colour."""

    def __init__(
        self, icons: IconLibrary, name: str, size: float, colour: QColor | str, parent: QGraphicsItem | None = None
    ):
        super().__init__(parent)
        self._icons = icons
        self._name = name
        self._size = size
        self._colour = QColor(colour)
        self._reported = False
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def name(self) -> str:
        return self._name

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._size, self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        try:
            self._icons.paint(painter, self.boundingRect(), self._name, self._colour)
        except (KeyError, ValueError) as exc:  # a missing or broken icon file: leave the space empty, keep going
            if not self._reported:
                self._reported = True
                _log.warning("icon %r cannot be drawn: %s", self._name, exc)
