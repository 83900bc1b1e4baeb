"""Exhibit-styled charts drawn with pyqtgraph, as items for the Stage's scene.

    graphic = ChartGraphic(chart, ChartStyle("en", theme, pillar.accent), typography, 760, 420, parent=panel)
    graphic.set_progress(0.0)  # then animate to 1.0 (the final picture)

The host panel draws ``chart.title``; the chart draws its figures and labels only. Nothing on it reacts to a mouse,
a finger or a wheel: a visitor's swipe passes through to whatever lies below. Importing this module imports
pyqtgraph (about 0.45 s): import it where a chart is first needed.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QGraphicsItem  # noqa: E402

from ..content.model import Chart, Theme  # noqa: E402
from ..content.text import Language  # noqa: E402
from .chart_kinds import BUILDERS, Canvas  # noqa: E402
from .typography import Typography  # noqa: E402
from .widgets.item import Item  # noqa: E402
from .widgets.text_block import TextBlock  # noqa: E402

__all__ = ["ChartGraphic", "ChartStyle", "StillViewBox"]


@dataclass(frozen=True)
class ChartStyle:
    """How a chart looks on its pillar: language, the exhibit's colours, the pillar's accent, text sizes."""

    language: Language  # "zh" | "en"; English falls back to Chinese field by field
    theme: Theme
    accent: str  # the pillar's accent colour
    label_px: float = 30  # label text in logical px (body text is at least 28)
    value_px: float = 46  # value text


def _still(item: QGraphicsItem) -> None:
    """No mouse button, hover or touch reaches ``item``: input passes through to what lies below."""
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    item.setAcceptTouchEvents(False)


class StillViewBox(pg.ViewBox):
    """A pyqtgraph view that nothing can pan, zoom or open a menu on; it shows its items in logical pixels."""

    def __init__(self, parent: QGraphicsItem, width: float, height: float):
        super().__init__(enableMouse=False, enableMenu=False, invertY=True, defaultPadding=0.0)
        self.setParentItem(parent)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        _still(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
        self.setGeometry(QRectF(0, 0, width, height))
        self.setRange(xRange=(0, width), yRange=(0, height), padding=0.0)  # also turns auto-range off
        self.updateMatrix()  # a plain QGraphicsScene never asks for it (pyqtgraph's own scene would)
        for part in self.childItems() + self.childGroup.childItems():  # background, border, child group
            _still(part)

    def wheelEvent(self, ev: object, axis: int | None = None) -> None:  # noqa: N802 (Qt override)
        ev.ignore()  # type: ignore[attr-defined]

    def keyPressEvent(self, ev: object) -> None:  # noqa: N802 (Qt override)
        ev.ignore()  # type: ignore[attr-defined]

    def add(self, item: QGraphicsItem, static: bool = True) -> QGraphicsItem:
        """Show ``item``; a ``static`` one is drawn once into a device cache and then only blitted."""
        self.addItem(item, ignoreBounds=True)
        _still(item)
        if static:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return item

    def bars(self, rects: Sequence[QRectF], colour: QColor, static: bool = True) -> pg.BarGraphItem:
        item = pg.BarGraphItem(x0=[r.x() for r in rects], y0=[r.y() for r in rects], width=[r.width() for r in rects],
                               height=[r.height() for r in rects], brush=colour, pen=None)
        return self.add(item, static)

    def dots(self, xs: Sequence[float], ys: Sequence[float], size: float, colour: QColor, ring: QColor | None = None,
             static: bool = True) -> pg.ScatterPlotItem:
        pen = pg.mkPen(ring, width=size * 0.12) if ring is not None else None
        item = pg.ScatterPlotItem(x=list(xs), y=list(ys), size=size, pxMode=False, brush=colour, pen=pen,
                                  antialias=True, hoverable=False)
        return self.add(item, static)


class ChartGraphic(Item):
    """One chart of the content (share, rank or part_of_whole) laid out in ``width`` × ``height`` logical px.

    It starts at its final picture (progress 1); :meth:`set_progress` grows it from 0. Static parts are cached;
    a progress step only moves, stretches or clips items that already exist.
    """

    def __init__(self, chart: Chart, style: ChartStyle, typography: Typography, width: float, height: float,
                 parent: QGraphicsItem | None = None):
        super().__init__()
        self.chart = chart
        self._rect = QRectF(0, 0, float(width), float(height))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        _still(self)
        self._body, self._canvas, self._animate = self._build(style, typography, width, height)
        if self._canvas.needed > height + 0.5:  # more than the box holds: lay it out larger and scale it down
            self._body.setParentItem(None)
            zoom = self._canvas.needed / height
            self._body, self._canvas, self._animate = self._build(style, typography, width * zoom, height * zoom)
            self._body.setScale(1 / zoom)
        self._progress = -1.0
        self.set_progress(1.0)
        if parent is not None:
            self.setParentItem(parent)

    def _build(self, style: ChartStyle, typography: Typography, width: float,
               height: float) -> tuple[Item, Canvas, Callable[[float], None]]:
        body = Item(self)
        _still(body)
        body.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        canvas = Canvas(body, StillViewBox(body, width, height), self.chart, style, typography, width, height)
        return body, canvas, BUILDERS[self.chart.type](canvas)

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def view_box(self) -> StillViewBox:
        """The pyqtgraph view the chart's shapes are drawn in (fixed range, no interaction)."""
        return self._canvas.view

    def set_progress(self, progress: float) -> None:
        """0: nothing grown yet; 1: the final chart. Cheap enough for every frame of an animation."""
        progress = min(1.0, max(0.0, float(progress)))
        if progress != self._progress:
            self._progress = progress
            self._animate(progress)

    def text_blocks(self) -> list[TextBlock]:
        """Every text the chart shows, for layout checks."""
        return list(self._canvas.texts)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(self._rect)
