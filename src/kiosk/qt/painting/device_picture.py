"""A picture that is slow to draw (an SVG scene), kept at the screen's own pixels and drawable ahead of time.

Qt's device cache draws an item the first time it is shown, in that frame: a story's scene at 4K is 7–20 ms of SVG
in the one frame that first touches it (a transition's band, a carousel tile sliding in). Drawing it in strips does
not spread that: most of an SVG's cost is its paths, whatever the clip (16 strips cost 2.5–6 times the whole).
:class:`DevicePicture` keeps the picture itself instead, as an image at the scale it is painted at, so that it can
be drawn *before* it is shown — :meth:`DevicePicture.prepare`, run by the idle work for the screen on show and the
screens built ahead (``kiosk.qt.exhibit.prebuild.prepare_pictures``) — and is then only copied, at whole device
pixels, as the device cache was. Not prepared, it is drawn at its first paint, as before. Drawn turned or mirrored,
it is drawn directly.

At 4K one scene takes 17–47 ms to draw: too long for a slice of idle work, since a tap that lands meanwhile waits
for it. A picture that can be drawn without anything the GUI thread uses (``draw_elsewhere``: a scene with an SVG
renderer of its own) is drawn in a worker thread instead (:meth:`DevicePicture.prepare_elsewhere`); Qt paints into
an image in any thread, and draws an SVG without holding Python's lock, so the event loop goes on meanwhile.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

from kiosk.qt.painting.glyph_atlas import device_scale

Draw = Callable[[QPainter], None]  # draws the picture in item coordinates, within its rect
Run = Callable[[Callable[[], None]], object]  # runs a job in a worker thread (an executor's ``submit``)
_log = logging.getLogger(__name__)


class DevicePicture:
    """``draw`` kept as an image of ``rect`` at the scale it is shown at; ``draw_elsewhere`` makes a drawing function
    that can run in another thread (None: the picture is only ever drawn in the GUI thread)."""

    def __init__(self, rect: QRectF, draw: Draw, draw_elsewhere: Callable[[], Draw] | None = None):
        self._rect = QRectF(rect)
        self._draw = draw
        self._draw_elsewhere = draw_elsewhere
        self._kept: tuple[QImage, float] | None = None  # the image and its scale: one attribute, set whole
        self._on_the_way: float | None = None  # the scale a worker is drawing it at
        self._generation = 0  # a release makes a drawing still on its way worthless
        self.drawn = 0  # how many times the picture was drawn into its image (tests)

    def ready(self, scale: float) -> bool:
        """The picture is there at ``scale``."""
        kept = self._kept
        return kept is not None and abs(scale - kept[1]) < 1e-6

    @property
    def bytes(self) -> int:
        kept = self._kept
        return 0 if kept is None else kept[0].sizeInBytes()

    def release(self) -> None:
        """Give the image back (its item is gone); it would be drawn again if painted."""
        self._generation += 1
        self._kept, self._on_the_way = None, None

    def _image(self, draw: Draw, scale: float) -> QImage:
        width = max(1, math.ceil(self._rect.width() * scale))
        height = max(1, math.ceil(self._rect.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        painter.translate(-self._rect.topLeft())
        draw(painter)
        painter.end()
        return image

    def prepare(self, scale: float) -> bool:
        """Draw the picture at ``scale`` now, unless it is there; whether anything was drawn."""
        if self.ready(scale):
            return False
        self._kept = (self._image(self._draw, scale), scale)
        self.drawn += 1
        return True

    def prepare_elsewhere(self, scale: float, run: Run) -> bool:
        """Have the picture drawn at ``scale`` by ``run`` (in a worker thread), unless it is there or on its way;
        whether a drawing was started. A picture that cannot be drawn elsewhere is drawn now (:meth:`prepare`)."""
        if self._draw_elsewhere is None:
            return self.prepare(scale)
        if self.ready(scale) or self._on_the_way == scale:
            return False
        generation, make = self._generation, self._draw_elsewhere
        self._on_the_way = scale

        def job() -> None:
            try:
                image = self._image(make(), scale)
            except Exception:  # drawn at its first paint instead, where an error shows as it always did
                _log.warning("a picture could not be drawn ahead", exc_info=True)
                image = None
            if self._generation == generation:
                self._on_the_way = None
                if image is not None:
                    self._kept = (image, scale)
                    self.drawn += 1

        run(job)
        return True

    def paint(self, painter: QPainter) -> None:
        """Copy the picture to where ``painter`` puts ``rect``, at whole device pixels (drawn first if need be)."""
        scale = device_scale(painter)
        if scale is None:
            self._draw(painter)
            return
        self.prepare(scale)
        kept = self._kept
        assert kept is not None
        at = painter.deviceTransform().map(self._rect.topLeft())
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawImage(QPoint(round(at.x()), round(at.y())), kept[0])
        painter.restore()
