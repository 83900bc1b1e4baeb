"""A story's picture on its sheet: its illustration (an SVG scene), an editor's photo, or a designed fallback.

The scenes (kiosk/assets/art/NAME.svg, drawn by tools/make_art.py) are 1000 × 1000 with their subject inside the
centre 740 × 740, so the sheet can crop them to a tall box (landscape) or a wide one (portrait). They are vector:
each is drawn at the screen's own resolution into a device cache, sharp at 4K.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.model import Card, Policy, art_name
from kiosk.content.text import Language
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.painting.device_picture import DevicePicture
from kiosk.safe_read import FileRefused, read_regular

_log = logging.getLogger(__name__)

MAX_ART_BYTES = 1024 * 1024  # a scene is some 10 KB
SCENE_SIDE = 1000.0  # every scene's viewBox is 0 0 1000 1000
SVG = ".svg"


class ArtLibrary:
    """The story illustrations in one folder, by file stem; each file is read and parsed once, on first use."""

    def __init__(self, folder: Traversable | Path) -> None:
        self.folder = folder
        self._names = (
            frozenset(e.name.removesuffix(SVG) for e in folder.iterdir() if e.name.endswith(SVG) and e.is_file())
            if folder.is_dir()
            else frozenset()
        )
        self._renderers: dict[str, QSvgRenderer] = {}
        self._data: dict[str, bytes] = {}

    def names(self) -> frozenset[str]:
        return self._names

    def renderer(self, name: str) -> QSvgRenderer | None:
        """The scene ``name`` ready to draw, or None when there is no such scene (or it is not valid SVG)."""
        if name not in self._names:
            return None
        renderer = self._renderers.get(name)
        if renderer is None:
            file = self.folder / f"{name}{SVG}"
            try:  # only a regular file within the limit (a pipe or a device put there cannot hang the exhibit)
                data = read_regular(file, MAX_ART_BYTES)
            except (OSError, FileRefused) as exc:
                _log.warning("illustration %s not read: %s; its story shows its pattern", file, exc)
                return None
            renderer = QSvgRenderer(QByteArray(data))
            if not renderer.isValid():
                _log.warning("illustration %s is not valid SVG; its story shows its pattern", file)
                return None
            self._renderers[name], self._data[name] = renderer, data
        return renderer

    def data(self, name: str) -> bytes | None:
        """The scene ``name``'s SVG as read (None unless :meth:`renderer` gave it): to draw it in another thread."""
        return self._data.get(name)


def cover_crop(source_w: float, source_h: float, box_w: float, box_h: float) -> QRectF:
    """The centred part of a ``source_w`` × ``source_h`` picture that fills a ``box_w`` × ``box_h`` box."""
    scale = max(box_w / source_w, box_h / source_h)
    crop = QRectF(0, 0, box_w / scale, box_h / scale)
    crop.moveCenter(QPointF(source_w / 2, source_h / 2))
    return crop


def rounded_path(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


class SceneArt(Item):
    """A scene filling its box, cropped about its centre, with rounded corners. Kept at the screen's pixels
    (:class:`~kiosk.qt.painting.device_picture.DevicePicture`): the idle work draws it before the frame that first
    shows it."""

    def __init__(
        self,
        renderer: QSvgRenderer,
        width: float,
        height: float,
        radius: float,
        parent: QGraphicsItem,
        data: bytes | None = None,
    ):
        """``data``: the scene's SVG, so that it can be drawn ahead in another thread with a renderer of its own."""
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        elsewhere = None if data is None else partial(_scene_of, data, QRectF(self._rect), radius)
        self.picture = DevicePicture(self._rect, partial(_draw_scene, renderer, QRectF(self._rect), radius), elsewhere)
        # The picture (14 MB at 4K) goes with the item, not with its Python object: the screen's Python objects hold
        # one another and live on until the garbage collector finds them.
        self.destroyed.connect(self.picture.release)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.picture.paint(painter)


def _scene_of(data: bytes, rect: QRectF, radius: float) -> Callable[[QPainter], None]:
    """A drawing of the scene ``data`` with a renderer of its own (the library's serves the GUI thread)."""
    return partial(_draw_scene, QSvgRenderer(QByteArray(data)), rect, radius)


def _draw_scene(renderer: QSvgRenderer, rect: QRectF, radius: float, painter: QPainter) -> None:
    """A scene filling ``rect``, cropped about its centre, with rounded corners."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setClipPath(rounded_path(rect, radius), Qt.ClipOperation.IntersectClip)
    renderer.setViewBox(cover_crop(SCENE_SIDE, SCENE_SIDE, rect.width(), rect.height()))
    renderer.render(painter, rect)


class PhotoArt(Item):
    """An editor's photo, scaled once to cover its box (kept as a pixmap), with rounded corners and a dark scrim
    along its foot for the caption laid over it."""

    def __init__(self, pixmap: QPixmap, width: float, height: float, radius: float, parent: QGraphicsItem):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._radius = radius
        self._pixmap = pixmap.scaled(
            int(width * 2),
            int(height * 2),
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setClipPath(rounded_path(self._rect, self._radius))
        source = self._pixmap.rect()
        painter.drawPixmap(self._rect, self._pixmap, cover_crop(source.width(), source.height(), *_size(self._rect)))
        scrim = QLinearGradient(0, self._rect.height() * 0.55, 0, self._rect.height())
        scrim.setColorAt(0.0, QColor(0, 0, 0, 0))
        scrim.setColorAt(1.0, QColor(4, 10, 26, 225))
        painter.fillRect(self._rect, scrim)


def _size(rect: QRectF) -> tuple[float, float]:
    return rect.width(), rect.height()


class PatternArt(Item):
    """The designed fallback for a story without a scene or photo: rings and a dot grid in the pillar's colours
    behind the first character of its title, set large."""

    def __init__(
        self,
        title: str,
        accent: str,
        ground: QColor | str,
        typography: Typography,
        language: Language,
        width: float,
        height: float,
        radius: float,
        parent: QGraphicsItem,
    ):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._radius = radius
        self._accent = QColor(accent)
        self._ground = QColor(ground)
        self._glyph = next((c for c in title if c.isalnum()), "·")
        side = min(width, height)
        self._font = typography.font(side * 0.56, True, language)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def glyph(self) -> str:
        return self._glyph

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self._rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipPath(rounded_path(rect, self._radius))
        wash = QLinearGradient(rect.topLeft(), rect.bottomRight())
        wash.setColorAt(0.0, mix(self._ground, self._accent, 0.3))
        wash.setColorAt(1.0, mix(self._ground, self._accent, 0.06))
        painter.fillRect(rect, wash)
        centre = QPointF(rect.width() * 0.72, rect.height() * 0.3)
        ring = QColor(self._accent)
        reach = math.hypot(rect.width(), rect.height())
        step = min(rect.width(), rect.height()) / 11
        radius = step
        index = 0
        while radius < reach:
            ring.setAlphaF(0.42 if index % 3 == 0 else 0.16)
            painter.setPen(QPen(ring, 6.0 if index % 3 == 0 else 2.5))
            painter.drawEllipse(centre, radius, radius)
            radius += step
            index += 1
        dot = QColor(self._accent)
        dot.setAlphaF(0.35)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(dot)
        grid = step * 0.9
        rows = int(rect.height() * 0.35 / grid)
        for row in range(rows):
            for col in range(int(rect.width() * 0.5 / grid)):
                painter.drawEllipse(QPointF(grid * (col + 0.7), rect.height() - grid * (row + 0.7)), 4.0, 4.0)
        glyph = QColor(mix(self._accent, "#FFFFFF", 0.35))
        glyph.setAlphaF(0.92)
        painter.setPen(glyph)
        painter.setFont(self._font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._glyph)


def drawn_picture(
    art: ArtLibrary | None,
    story: Card | Policy,
    accent: str,
    ground: QColor | str,
    typography: Typography,
    language: Language,
    width: float,
    height: float,
    radius: float,
    parent: QGraphicsItem,
) -> Item:
    """``story``'s own scene from ``art`` filling ``width`` × ``height``, or its designed pattern when it has none."""
    renderer = art.renderer(art_name(story)) if art is not None else None
    if art is not None and renderer is not None:
        return SceneArt(renderer, width, height, radius, parent, data=art.data(art_name(story)))
    return PatternArt(story.title.get(language), accent, ground, typography, language, width, height, radius, parent)
