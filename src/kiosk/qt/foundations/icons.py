"""The exhibit's line icons (kiosk/assets/icons/*.svg), recoloured and rendered crisply at any size.

Every icon is drawn with ``stroke="currentColor"``; :class:`IconLibrary` swaps that for the requested colour,
renders with QtSvg onto a transparent, antialiased pixmap and keeps the result in a bounded per-instance cache::

    icons = IconLibrary(kiosk.paths.default_assets_dir() / "icons")
    icons.paint(painter, QRectF(x, y, 96, 96), "rocket", "#5EC8F2")

Needs a QGuiApplication for pixmaps (images are rendered off the GUI thread-safe ``QImage`` first).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

__all__ = ["IconLibrary"]

_PLACEHOLDER = b"currentColor"
SVG = ".svg"
_CacheKey = tuple[str, int, int, float]  # (name, size_px, rgba, device pixel ratio)


class IconLibrary:
    """The SVG icons in one folder (a path, or package data as a Traversable), by file stem (``rocket.svg`` is
    ``"rocket"``).

    The folder is listed once, each file is read once on first use, and rendered pixmaps are cached per
    (name, size, colour, device pixel ratio), least recently used first out beyond ``max_cached`` entries.
    """

    def __init__(self, folder: Traversable | str, max_cached: int = 256) -> None:
        self.folder = Path(folder) if isinstance(folder, str) else folder
        if not self.folder.is_dir():
            raise FileNotFoundError(f"icon folder not found: {self.folder}")
        if max_cached < 1:
            raise ValueError(f"max_cached must be at least 1, got {max_cached}")
        self.max_cached = max_cached
        self._names = tuple(
            sorted(
                entry.name.removesuffix(SVG)
                for entry in self.folder.iterdir()
                if entry.name.endswith(SVG) and entry.is_file()
            )
        )
        self._svg: dict[str, bytes] = {}
        self._cache: OrderedDict[_CacheKey, QPixmap] = OrderedDict()

    def names(self) -> tuple[str, ...]:
        """Every icon in the folder, sorted."""
        return self._names

    def has(self, name: str) -> bool:
        return name in self._names

    def cache_size(self) -> int:
        """How many rendered pixmaps are held now (at most ``max_cached``)."""
        return len(self._cache)

    def svg_bytes(self, name: str) -> bytes:
        """The icon's SVG source as shipped (read from disk on the first call only)."""
        data = self._svg.get(name)
        if data is None:
            if name not in self._names:
                raise KeyError(f"unknown icon {name!r}; available icons: {', '.join(self._names) or '(none)'}")
            data = (self.folder / f"{name}{SVG}").read_bytes()
            self._svg[name] = data
        return data

    def pixmap(self, name: str, size_px: int, colour: QColor | str, device_pixel_ratio: float = 1.0) -> QPixmap:
        """The icon as a ``size_px`` × ``size_px`` (logical pixels) pixmap in ``colour`` on transparency.

        The pixmap has ``size_px * device_pixel_ratio`` physical pixels and carries that ratio, so it paints
        sharp on high-density screens. The same arguments return the same (cached) pixmap object.
        """
        if size_px < 1:
            raise ValueError(f"icon size must be at least 1 px, got {size_px}")
        if not device_pixel_ratio > 0:
            raise ValueError(f"device pixel ratio must be positive, got {device_pixel_ratio}")
        qcolour = _to_colour(colour)
        dpr = round(float(device_pixel_ratio), 3)
        key = (name, int(size_px), qcolour.rgba(), dpr)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        pixmap = QPixmap.fromImage(self._render(name, int(size_px), qcolour, dpr))
        pixmap.setDevicePixelRatio(dpr)
        self._cache[key] = pixmap
        while len(self._cache) > self.max_cached:
            self._cache.popitem(last=False)
        return pixmap

    def paint(self, painter: QPainter, rect: QRectF, name: str, colour: QColor | str) -> None:
        """Draw the icon centred in ``rect`` (as a square of its shorter side), at the painter's pixel ratio."""
        side = min(rect.width(), rect.height())
        size_px = max(1, round(side))
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = self.pixmap(name, size_px, colour, dpr)
        centre = rect.center()
        # Snap the corner to a device pixel so the cached pixmap is copied 1:1, not resampled.
        x = round((centre.x() - size_px / 2) * dpr) / dpr
        y = round((centre.y() - size_px / 2) * dpr) / dpr
        painter.drawPixmap(QPointF(x, y), pixmap)

    def _render(self, name: str, size_px: int, colour: QColor, dpr: float) -> QImage:
        source = self.svg_bytes(name).replace(_PLACEHOLDER, colour.name(QColor.NameFormat.HexRgb).encode("ascii"))
        renderer = QSvgRenderer(QByteArray(source))
        if not renderer.isValid():
            raise ValueError(f"icon {name!r} is not valid SVG: {self.folder / (name + SVG)}")
        physical = max(1, math.ceil(size_px * dpr - 1e-6))
        image = QImage(physical, physical, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setOpacity(colour.alphaF())
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter, QRectF(0, 0, physical, physical))
        finally:
            painter.end()
        return image


def _to_colour(colour: QColor | str) -> QColor:
    qcolour = QColor(colour)
    if not qcolour.isValid():
        raise ValueError(f"not a colour: {colour!r} (use a name like 'white' or '#5EC8F2')")
    return qcolour
