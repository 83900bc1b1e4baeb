"""The exhibit's line icons (kiosk/assets/icons/*.svg), recoloured and rendered crisply at any size.

Every icon is drawn with ``stroke="currentColor"``; :class:`IconLibrary` swaps that for the requested colour,
renders with QtSvg onto a transparent, antialiased pixmap and keeps the result in Qt's QPixmapCache, the one pixmap
cache the rest of the exhibit draws from too (its size is set once, in kiosk.qt.app.build)::

    icons = IconLibrary(kiosk.paths.default_assets_dir() / "icons")
    icons.paint(painter, QRectF(x, y, 96, 96), "rocket", "#5EC8F2")

Needs a QGuiApplication for pixmaps (images are rendered off the GUI thread-safe ``QImage`` first).
"""

from __future__ import annotations

import math
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QPixmapCache
from PySide6.QtSvg import QSvgRenderer

from kiosk.safe_read import FileRefused, read_regular

__all__ = ["IconLibrary"]

_PLACEHOLDER = b"currentColor"
SVG = ".svg"
MAX_ICON_BYTES = 1024 * 1024  # an SVG icon is a few KB


class IconLibrary:
    """The SVG icons in one folder (a path, or package data as a Traversable), by file stem (``rocket.svg`` is
    ``"rocket"``).

    The folder is listed once, each file is read once on first use, and rendered pixmaps are kept in QPixmapCache
    under a key made of the folder, name, size, colour and device pixel ratio (Qt evicts the least recently used).
    """

    def __init__(self, folder: Traversable | str) -> None:
        self.folder = Path(folder) if isinstance(folder, str) else folder
        if not self.folder.is_dir():
            raise FileNotFoundError(f"icon folder not found: {self.folder}")
        self._names = tuple(
            sorted(
                entry.name.removesuffix(SVG)
                for entry in self.folder.iterdir()
                if entry.name.endswith(SVG) and entry.is_file()
            )
        )
        self._svg: dict[str, bytes] = {}

    def names(self) -> tuple[str, ...]:
        """Every icon in the folder, sorted."""
        return self._names

    def svg_bytes(self, name: str) -> bytes:
        """The icon's SVG source as shipped (read from disk on the first call only)."""
        data = self._svg.get(name)
        if data is None:
            if name not in self._names:
                raise KeyError(f"unknown icon {name!r}; available icons: {', '.join(self._names) or '(none)'}")
            file = self.folder / f"{name}{SVG}"
            try:
                data = read_regular(file, MAX_ICON_BYTES)
            except FileRefused as exc:
                raise RuntimeError(f"icon not read: {file}: {exc.reason}") from None
            self._svg[name] = data
        return data

    def pixmap(self, name: str, size_px: int, colour: QColor | str, device_pixel_ratio: float = 1.0) -> QPixmap:
        """The icon as a ``size_px`` × ``size_px`` (logical pixels) pixmap in ``colour`` on transparency.

        The pixmap has ``size_px * device_pixel_ratio`` physical pixels and carries that ratio, so it paints
        sharp on high-density screens. The same arguments return the same cached pixmap (one ``cacheKey()``) while
        Qt keeps it.
        """
        if size_px < 1:
            raise ValueError(f"icon size must be at least 1 px, got {size_px}")
        if not device_pixel_ratio > 0:
            raise ValueError(f"device pixel ratio must be positive, got {device_pixel_ratio}")
        qcolour = _to_colour(colour)
        dpr = round(float(device_pixel_ratio), 3)
        # The folder is part of the key: two libraries may hold different icons of the same name.
        key = f"kiosk.icon:{self.folder}/{name}:{int(size_px)}px:#{qcolour.rgba():08x}:x{dpr:g}"
        cached = QPixmap()
        if QPixmapCache.find(key, cached):
            return cached
        pixmap = QPixmap.fromImage(self._render(name, int(size_px), qcolour, dpr))
        pixmap.setDevicePixelRatio(dpr)
        QPixmapCache.insert(key, pixmap)  # refused (and rendered again next time) only when larger than the cache
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
