"""A picture that is slow to draw (an SVG scene), kept at the screen's own pixels and drawable ahead of time.

Qt's device cache draws an item the first time it is shown, in that frame: a story's scene at 4K is 7–20 ms of SVG
in the one frame that first touches it (a transition's band, a carousel tile sliding in). Drawing it in strips does
not spread that: most of an SVG's cost is its paths, whatever the clip (16 strips cost 2.5–6 times the whole).
:class:`DevicePicture` keeps the picture itself instead, as an image at the scale it is painted at, so that it can
be drawn *before* it is shown — :meth:`DevicePicture.prepare`, run by the idle work for the screen on show and the
screens built ahead (``kiosk.qt.exhibit.prebuild.prepare_pictures``) — and is then only copied, at whole device
pixels, as the device cache was. Not prepared, it is drawn at its first paint, as before. Drawn turned or mirrored,
it is drawn directly.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

from kiosk.qt.painting.glyph_atlas import device_scale

Draw = Callable[[QPainter], None]  # draws the picture in item coordinates, within its rect


class DevicePicture:
    """``draw`` kept as an image of ``rect`` at the scale it is shown at."""

    def __init__(self, rect: QRectF, draw: Draw):
        self._rect = QRectF(rect)
        self._draw = draw
        self._scale = 0.0
        self._image = QImage()
        self.drawn = 0  # how many times the picture was drawn into its image (tests)

    def ready(self, scale: float) -> bool:
        """The picture is there at ``scale``."""
        return not self._image.isNull() and abs(scale - self._scale) < 1e-6

    @property
    def bytes(self) -> int:
        return 0 if self._image.isNull() else self._image.sizeInBytes()

    def release(self) -> None:
        """Give the image back (its item is gone); it would be drawn again if painted."""
        self._image, self._scale = QImage(), 0.0

    def prepare(self, scale: float) -> bool:
        """Draw the picture at ``scale`` now, unless it is there; whether anything was drawn."""
        if self.ready(scale):
            return False
        width = max(1, math.ceil(self._rect.width() * scale))
        height = max(1, math.ceil(self._rect.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        painter.translate(-self._rect.topLeft())
        self._draw(painter)
        painter.end()
        self._image, self._scale = image, scale
        self.drawn += 1
        return True

    def paint(self, painter: QPainter) -> None:
        """Copy the picture to where ``painter`` puts ``rect``, at whole device pixels (drawn first if need be)."""
        scale = device_scale(painter)
        if scale is None:
            self._draw(painter)
            return
        self.prepare(scale)
        at = painter.deviceTransform().map(self._rect.topLeft())
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawImage(QPoint(round(at.x()), round(at.y())), self._image)
        painter.restore()
