"""The article's figures drawn as things for the attract loop: marks (26 awards, 11 of them lit), a ranking ladder, and
grids of 100 (shares). Each is set to a moment of its build with :meth:`set_moment` (appear, then fill, 0..1) — no
animation of its own, so a frame is the same whenever it is drawn.

Only what changes repaints: every mark is its own small item; a grid or a ladder repaints its own box.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.exhibit.motion import clamp01, ease_out_cubic
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix


def ease_in_out(t: float) -> float:
    """Slow start, steady middle, slow stop (a climb that keeps going the whole time)."""
    return 0.5 - 0.5 * math.cos(math.pi * clamp01(t))


def stagger(progress: float, index: int, count: int, spread: float = 0.7) -> float:
    """Progress 0..1 of the ``index``-th of ``count`` things that start one after another over ``spread`` of the
    whole and each take the rest."""
    if count <= 1:
        return clamp01(progress)
    start = spread * index / (count - 1)
    return clamp01((progress - start) / (1.0 - spread))


def grid_for(count: int, width: float, height: float) -> tuple[int, int, float]:
    """(columns, rows, cell) that fit ``count`` square cells in ``width`` × ``height`` as large as they can be."""
    best = (1, count, min(width, height / max(1, count)))
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        cell = min(width / columns, height / rows)
        if cell > best[2]:
            best = (columns, rows, cell)
    return best


class Mark(Item):
    """One mark: a dot, or a person (head and shoulders) for a count of people. It rises in, then lights up."""

    def __init__(self, size: float, shape: str, dim: QColor, lit: QColor, ink: QColor, parent: QGraphicsItem):
        super().__init__(parent)
        self._size = size
        self._shape = shape
        self._dim, self._lit, self._ink = QColor(dim), QColor(lit), QColor(ink)
        self._colour = QColor(dim)
        self._figure_colour = QColor(ink)
        self._path = _dot(size) if shape == "person" else _tile(size)
        self._figure = _person(size) if shape == "person" else None
        self.setTransformOriginPoint(size / 2, size / 2)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._size, self._size)

    def set_state(self, appear: float, lit: float) -> None:
        shown = ease_out_cubic(appear)
        self.setOpacity(shown)
        self.setScale(0.55 + 0.45 * shown)
        colour = mix(self._dim, self._lit, ease_out_cubic(lit))
        if colour != self._colour:
            self._colour = colour
            self._figure_colour = mix(self._ink, "#000000", 0.5 * ease_out_cubic(lit))  # darker on the lit disc
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawPath(self._path)
        if self._figure is not None:
            painter.setBrush(self._figure_colour)
            painter.drawPath(self._figure)


def _tile(size: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
    return path


def _dot(size: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    return path


def _person(size: float) -> QPainterPath:
    """Head and shoulders inside a disc of ``size``."""
    path = QPainterPath()
    head = size * 0.28
    path.addEllipse(QRectF((size - head) / 2, size * 0.2, head, head))
    shoulders = QPainterPath()
    shoulders.addRoundedRect(QRectF(size * 0.24, size * 0.52, size * 0.52, size * 0.42), size * 0.2, size * 0.2)
    disc = QPainterPath()
    disc.addEllipse(QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92))
    return path.united(shoulders.intersected(disc))


@dataclass(frozen=True)
class MarkGroup:
    """``count`` marks that light up in ``colour`` (the 11 led by Guangzhou in gold; the rest in the accent)."""

    count: int
    colour: QColor


class MarksFigure(Item):
    """``sum(groups)`` marks in a grid filling ``width`` × ``height``; the groups light up in turn."""

    def __init__(
        self,
        width: float,
        height: float,
        groups: Sequence[MarkGroup],
        dim: QColor,
        shape: str,
        ink: QColor,
        parent: QGraphicsItem,
    ):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        total = sum(g.count for g in groups)
        columns, rows, cell = grid_for(total, width, height)
        x0 = (width - columns * cell) / 2
        y0 = (height - rows * cell) / 2
        self.marks: list[Mark] = []
        colours = [g.colour for g in groups for _ in range(g.count)]
        for i, colour in enumerate(colours):
            mark = Mark(cell * 0.9, shape, dim, colour, ink, self)
            mark.setPos(x0 + (i % columns) * cell + cell * 0.05, y0 + (i // columns) * cell + cell * 0.05)
            self.marks.append(mark)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def set_moment(self, appear: float, fill: float) -> None:
        count = len(self.marks)
        for i, mark in enumerate(self.marks):
            mark.set_state(stagger(appear, i, count), stagger(fill, i, count, 0.9))


@dataclass(frozen=True)
class Rung:
    """A place on the ladder: ``rank`` (1 is the top) and what holds it."""

    rank: int
    text: str  # what the marker shows (the rank's digits)


class LadderFigure(Item):
    """A ranking ladder from 1 (top) to ``bottom`` as wide bands; a marker climbs to each rank that is held, lighting
    the bands it passes, and the band it holds takes its colour."""

    def __init__(
        self,
        width: float,
        height: float,
        rungs: Sequence[Rung],
        bottom: int,
        colours: tuple[QColor, QColor],
        marker_colours: Sequence[QColor],
        font_px: float,
        ink: QColor,
        parent: QGraphicsItem,
    ):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._bottom = max(bottom, max(r.rank for r in rungs) + 1)
        self._rungs = tuple(rungs)
        self._dim, self._trail = colours
        self._colours = [QColor(c) for c in marker_colours]
        self.step = height / self._bottom
        self.band_x = font_px * 1.6
        self._font_px = font_px
        self._appear = 0.0
        self._fill = 0.0
        self.markers = [
            LadderMarker(self.step * 0.92, r.text, self._colours[i % len(self._colours)], ink, self)
            for i, r in enumerate(self._rungs)
        ]
        self.set_moment(0.0, 0.0)

    def rung_y(self, rank: float) -> float:
        """The centre line of the band for ``rank`` (1 at the top)."""
        return self.step * (rank - 0.5)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def position(self, index: int) -> float:
        """Where marker ``index`` is on the ladder now (a rank, fractional while it climbs)."""
        climb = ease_in_out(stagger(clamp01(self._fill / 0.8), index, len(self._rungs), 0.15))
        start = float(self._bottom)
        return start + (self._rungs[index].rank - start) * climb

    def set_moment(self, appear: float, fill: float) -> None:
        if (appear, fill) != (self._appear, self._fill):
            self._appear, self._fill = appear, fill
            self.update()
        for i, marker in enumerate(self.markers):
            size = marker.size
            offset = i * size * 1.1 if len(self.markers) > 1 else 0.0
            marker.setPos(self.band_x + 24 + offset, self.rung_y(self.position(i)) - size / 2)
            marker.setOpacity(ease_out_cubic(clamp01(appear * 1.5 - 0.5)))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        band_h = self.step * 0.74
        width = self._rect.width() - self.band_x
        font = painter.font()
        font.setPixelSize(round(self._font_px))
        font.setBold(True)
        painter.setFont(font)
        positions = [self.position(i) for i in range(len(self._rungs))]
        for rank in range(1, self._bottom + 1):
            shown = ease_out_cubic(stagger(self._appear, self._bottom - rank, self._bottom, 0.7))  # from the bottom
            if shown <= 0:
                continue
            colour = QColor(self._dim)
            for i, (rung, at) in enumerate(zip(self._rungs, positions, strict=True)):
                if at <= rank + 0.5:  # the marker has passed it, or holds it
                    held = rung.rank == rank and at <= rank + 0.02
                    colour = QColor(self._colours[i % len(self._colours)]) if held else QColor(self._trail)
                    if held:
                        break
            colour.setAlphaF(shown)
            y = self.rung_y(rank)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(
                QRectF(self.band_x, y - band_h / 2, width * shown, band_h), band_h * 0.3, band_h * 0.3
            )
            painter.setPen(QPen(mix(self._dim, QColor("#FFFFFF"), 0.5)))
            painter.drawText(
                QRectF(0, y - band_h / 2, self.band_x - 16, band_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(rank),
            )


class LadderMarker(Item):
    """The gold disc that climbs the ladder, with the rank written in it."""

    def __init__(self, size: float, text: str, colour: QColor, ink: QColor, parent: QGraphicsItem):
        super().__init__(parent)
        self.size = size
        self._text = text
        self._colour = QColor(colour)
        self._ink = QColor(ink)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_colour(self, colour: QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.size, self.size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawEllipse(self.boundingRect())
        font = painter.font()
        font.setPixelSize(round(self.size * 0.5))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self._ink)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self._text)


class HundredGrid(Item):
    """A 10 × 10 grid of cells, each 1 %: ``value`` of every 100 lit (filled from the bottom row up)."""

    def __init__(
        self, width: float, height: float, value: float, colours: tuple[QColor, QColor, QColor], parent: QGraphicsItem
    ):
        super().__init__(parent)
        self._width, self._height = width, height
        dim, lit, rest = colours
        self._rest = QColor(rest)  # what the cells outside the share settle to: they step back
        self._value = value
        self._dim, self._lit = QColor(dim), QColor(lit)
        self._appear = 0.0
        self._fill = 0.0

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def set_moment(self, appear: float, fill: float) -> None:
        if (appear, fill) != (self._appear, self._fill):
            self._appear, self._fill = appear, fill
            self.update()

    def lit_cells(self) -> int:
        """How many cells are lit now (the share, once filled)."""
        return min(round(self._value), self._reached())

    def _reached(self) -> int:
        """How far the fill has come through the 100 cells: each takes its final colour in turn."""
        return round(100 * self._fill)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        cell_w, cell_h = self._width / 10, self._height / 10
        gap = min(cell_w, cell_h) * 0.1
        lit, reached = self.lit_cells(), self._reached()
        for i in range(100):
            shown = stagger(self._appear, i, 100, 0.8)
            if shown <= 0:
                continue
            row, column = divmod(i, 10)
            colour = QColor(self._lit if i < lit else self._rest if i < reached else self._dim)
            colour.setAlphaF(ease_out_cubic(shown))
            painter.setBrush(colour)
            y = self._height - (row + 1) * cell_h
            painter.drawRoundedRect(
                QRectF(column * cell_w + gap / 2, y + gap / 2, cell_w - gap, cell_h - gap), gap * 0.8, gap * 0.8
            )


def centre_of(item: QGraphicsItem) -> QPointF:
    """The centre of ``item``'s box (of what it holds, for a group) in scene coordinates."""
    box = item.boundingRect()
    if box.isEmpty():
        box = item.childrenBoundingRect()
    return item.mapToScene(box.center())
