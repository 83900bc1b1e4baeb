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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneWheelEvent

from kiosk.content.model import Chart, Qualifier, Theme
from kiosk.content.number_format import chart_number, format_number
from kiosk.content.text import Language
from kiosk.qt.exhibit.charts.kinds import BUILDERS, LAYOUTS
from kiosk.qt.foundations.item import Item, unparent
from kiosk.qt.foundations.look import TYPE_SCALE
from kiosk.qt.foundations.text_style import TextStyle
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.text_block import TextBlock, fit_text

__all__ = ["Canvas", "ChartGraphic", "ChartStyle", "StillViewBox"]


@dataclass(frozen=True)
class ChartStyle:
    """How a chart looks on its pillar: language, the exhibit's colours, the pillar's accent, text sizes."""

    language: Language  # "zh" | "en"; English falls back to Chinese field by field
    theme: Theme
    accent: str  # the pillar's accent colour
    label_px: float = 30  # label text in logical px (body text is at least 28)
    value_px: float = 40  # value text (the heading step of the type scale)
    min_px: float = 28  # no label smaller (large text: 40)


def _still(item: QGraphicsItem) -> None:
    """No mouse button, hover or touch reaches ``item``: input passes through to what lies below."""
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    item.setAcceptTouchEvents(False)


class StillViewBox(pg.ViewBox):  # type: ignore[misc]  # pyqtgraph is untyped: ViewBox is Any to mypy
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

    def wheelEvent(self, ev: QGraphicsSceneWheelEvent, axis: int | None = None) -> None:
        ev.ignore()

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        ev.ignore()

    def add(self, item: QGraphicsItem, static: bool = True) -> QGraphicsItem:
        """Show ``item``; a ``static`` one is drawn once into a device cache and then only blitted."""
        self.addItem(item, ignoreBounds=True)
        _still(item)
        if static:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return item

    def bars(self, rects: Sequence[QRectF], colour: QColor, static: bool = True) -> pg.BarGraphItem:
        item = pg.BarGraphItem(
            x0=[r.x() for r in rects],
            y0=[r.y() for r in rects],
            width=[r.width() for r in rects],
            height=[r.height() for r in rects],
            brush=colour,
            pen=None,
        )
        return self.add(item, static)

    def dots(
        self,
        xs: Sequence[float],
        ys: Sequence[float],
        size: float,
        colour: QColor,
        ring: QColor | None = None,
        static: bool = True,
    ) -> pg.ScatterPlotItem:
        pen = pg.mkPen(ring, width=size * 0.12) if ring is not None else None
        item = pg.ScatterPlotItem(
            x=list(xs), y=list(ys), size=size, pxMode=False, brush=colour, pen=pen, antialias=True, hoverable=False
        )
        return self.add(item, static)


SCALE = TYPE_SCALE  # chart text is set on the exhibit's type scale too


class Canvas:
    """What a chart kind draws with: fitted text blocks and one still pyqtgraph view, in the chart's pixels."""

    def __init__(
        self,
        owner: QGraphicsItem,
        view: StillViewBox,
        chart: Chart,
        style: ChartStyle,
        typography: Typography,
        width: float,
        height: float,
    ):
        self.chart, self.style, self.typography = chart, style, typography
        self.width, self.height = float(width), float(height)
        self.view = view
        self.owner = owner
        self.texts: list[TextBlock] = []
        self.needed = 0.0  # the least height the layout takes (see stack)
        steps = tuple(step * style.label_px / SCALE[0] for step in SCALE)  # the scale, at large text too
        self.label_style = TextStyle(
            style.label_px,
            style.label_px,
            style.theme.text,
            line_height=1.25,
            language=style.language,
            steps=steps,
        )
        self.value_style = TextStyle(
            style.value_px,
            steps[0],
            style.theme.number,
            bold=True,
            max_lines=1,
            line_height=1.2,
            language=style.language,
            steps=steps,
        )

    def number(self, value: float, qualifier: Qualifier | None = None) -> str:
        return format_number(chart_number(self.chart, value, qualifier), self.style.language)

    def text_width(self, text: str, style: TextStyle) -> float:
        return QFontMetricsF(self.typography.font(style.px, style.bold, style.language)).horizontalAdvance(text)

    def tight(self, text: str, style: TextStyle, width: float) -> tuple[TextStyle, float]:
        """``style`` and a width for ``text`` in at most ``width``: on as few lines as fit (shrinking a little, not
        below ``min_px``), and with several lines, as narrow as keeps their number, so no word is left alone."""
        lines = fit_text(text, self.typography, style, width, 1e6).lines
        while lines > 1 and not fit_text(text, self.typography, style.with_(max_lines=lines - 1), width, 1e6).elided:
            lines -= 1
        style = style.with_(max_lines=lines)
        low, high = width / 2, width
        while lines > 1 and high - low > 4:
            fitted = fit_text(text, self.typography, style, (low + high) / 2, 1e6)
            low, high = ((low + high) / 2, high) if fitted.elided or fitted.px < style.px else (low, (low + high) / 2)
        return style, high

    def text_height(self, text: str, style: TextStyle, width: float) -> float:
        """The height ``text`` takes at ``width`` in ``style`` when it may have all the height it wants."""
        return fit_text(text, self.typography, style, width, 1e6).height

    def text(self, text: str, style: TextStyle, rect: QRectF, role: str) -> TextBlock:
        block = TextBlock(
            text, style, self.typography, rect.width(), rect.height(), origin=f"chart:{self.chart.id}:{role}"
        )
        block.setParentItem(self.owner)
        block.setPos(rect.topLeft())
        block.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        block.setAcceptHoverEvents(False)
        self.texts.append(block)
        return block

    def stack(self, heights: Sequence[float], max_gap: float, min_gap: float | None = None) -> list[float]:
        """Tops of rows of ``heights`` spread over the height (gaps from ``min_gap``, by default a third of
        ``max_gap``, up to ``max_gap``), the whole centred. Records in ``needed`` the least height they take."""
        gaps, least = len(heights) - 1, max_gap / 3 if min_gap is None else min_gap
        self.needed = sum(heights) + gaps * least
        free = self.height - sum(heights)
        gap = max(least, min(max_gap, free / gaps)) if gaps else 0.0
        top, tops = max(0.0, (free - gap * gaps) / 2), []
        for height in heights:
            tops.append(top)
            top += height + gap
        return tops


class ChartGraphic(Item):
    """One chart of the content (share, rank or part_of_whole) laid out in ``width`` × ``height`` logical px.

    It starts at its final picture (progress 1); :meth:`set_progress` grows it from 0. Static parts are cached;
    a progress step only moves, stretches or clips items that already exist.
    """

    def __init__(
        self,
        chart: Chart,
        style: ChartStyle,
        typography: Typography,
        width: float,
        height: float,
        parent: QGraphicsItem | None = None,
    ):
        super().__init__()
        self.chart = chart
        self._rect = QRectF(0, 0, float(width), float(height))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        _still(self)
        layouts = LAYOUTS[chart.type]
        clean: list[tuple[float, int]] = []  # (height needed, layout) of the layouts that cut none of their words
        for compact in range(layouts):  # the roomiest layout that fits, else the densest
            self._body, self._canvas, self._animate = self._build(style, typography, width, height, compact)
            whole = not any(block.elided for block in self._canvas.texts)
            if whole:
                clean.append((self._canvas.needed, compact))
            if (self._canvas.needed <= height + 0.5 and whole) or compact == layouts - 1:
                break
            unparent(self._body)
        if clean and any(block.elided for block in self._canvas.texts):
            # the densest cuts words (steps too narrow for their numbers): the least tall layout that cuts none
            compact = min(clean)[1]
            unparent(self._body)
            self._body, self._canvas, self._animate = self._build(style, typography, width, height, compact)
        self.shortfall = max(0.0, self._canvas.needed - height)  # how much taller the box must be to fit at 100 %
        zoom = 1.0
        for _attempt in range(4):  # still more than the box holds: lay it out larger, then scale it down to fit
            if self._canvas.needed <= height * zoom + 0.5:
                break
            zoom = self._canvas.needed / height
            unparent(self._body)
            self._body, self._canvas, self._animate = self._build(
                style, typography, width * zoom, height * zoom, compact
            )
        self._body.setScale(min(1 / zoom, height / max(self._canvas.needed, height * zoom)))
        self._progress = -1.0
        self.set_progress(1.0)
        if parent is not None:
            self.setParentItem(parent)

    def _build(
        self, style: ChartStyle, typography: Typography, width: float, height: float, compact: int
    ) -> tuple[Item, Canvas, Callable[[float], None]]:
        body = Item(self)
        _still(body)
        body.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        canvas = Canvas(body, StillViewBox(body, width, height), self.chart, style, typography, width, height)
        return body, canvas, BUILDERS[self.chart.type](canvas, compact)

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def fit_scale(self) -> float:
        """1.0 when the chart fits its box at the style's text sizes; less when it had to be scaled down."""
        return self._body.scale()

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

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)
