"""The article's figures drawn as things for the attract loop: marks (26 awards, 11 of them lit), a ranking ladder, and
grids of 100 (shares). Each is set to a moment of its build with :meth:`set_moment` (appear, then fill, 0..1) — no
animation of its own, so a frame is the same whenever it is drawn.

Only what changes repaints: every mark is its own small item; a grid or a ladder repaints its own box.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.exhibit.motion import clamp01, ease_out_cubic
from kiosk.qt.foundations.item import Item, scale_of
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


def device_scale(painter: QPainter) -> float:
    """Device pixels per unit of ``painter``'s coordinates (also on a turned screen)."""
    return scale_of(painter.deviceTransform())


class Sprites:
    """Small pictures of a shape in a colour, drawn once at the screen's resolution and then only copied: a figure
    of a hundred marks that fade, grow and light up costs a hundred copies a frame, not a hundred paths."""

    def __init__(self) -> None:
        self._made: dict[tuple[object, ...], QPixmap] = {}

    def get(self, key: tuple[object, ...], size: QSizeF, scale: float, draw: Callable[[QPainter], None]) -> QPixmap:
        """The sprite ``key`` of ``size`` (logical) at ``scale``, made by ``draw`` (in logical units) the first time."""
        full = (*key, round(scale, 3))
        sprite = self._made.get(full)
        if sprite is None:
            w, h = max(1, math.ceil(size.width() * scale)), max(1, math.ceil(size.height() * scale))
            sprite = QPixmap(w, h)
            sprite.fill(Qt.GlobalColor.transparent)
            painter = QPainter(sprite)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(scale, scale)
            draw(painter)
            painter.end()
            sprite.setDevicePixelRatio(scale)
            self._made[full] = sprite
        return sprite

    def forget(self, keep: Callable[[tuple[object, ...]], bool]) -> None:
        """Drop the sprites whose key ``keep`` refuses (no longer drawn): their memory goes back."""
        self._made = {key: sprite for key, sprite in self._made.items() if keep(key)}

    @property
    def bytes(self) -> int:
        return sum(sprite.width() * sprite.height() * 4 for sprite in self._made.values())


def blit(painter: QPainter, target: QRectF, sprite: QPixmap) -> None:
    """Draw ``sprite`` (made at the screen's resolution) into ``target`` (logical). Where the screen only scales
    and moves (not turned), it is a copy to whole device pixels, pixel for pixel: drawn through the scale, every
    pixel of it went through the filtered, transformed path (a 4K frame of marks cost several times a 1080p one)."""
    t = painter.deviceTransform()
    if t.type().value > QTransform.TransformationType.TxScale.value:
        painter.drawPixmap(target, sprite, QRectF(sprite.rect()))
        return
    at = t.map(target.center())
    w, h = sprite.width(), sprite.height()
    x, y = round(at.x() - w / 2), round(at.y() - h / 2)
    painter.save()
    painter.setWorldTransform(QTransform())
    painter.drawPixmap(QRectF(x, y, w, h), sprite, QRectF(sprite.rect()))
    painter.restore()


GROWTH_STEPS = 12  # a mark rises in through this many sizes, each a sprite drawn once (not a scaled copy a frame)
OPACITY_STEPS = 48  # and fades in through this many steps (a frame that changes nothing draws nothing)


class Mark(Item):
    """One mark: a dot, or a person (head and shoulders) for a count of people. It rises in, then lights up: the
    dim mark and the lit one are sprites, one per size it grows through; lighting up is the lit one drawn over the
    dim one, more opaque. It is drawn again only when what it shows changes."""

    def __init__(
        self,
        size: float,
        shape: str,
        dim: QColor,
        lit: QColor,
        ink: QColor,
        sprites: Sprites,
        parent: QGraphicsItem,
    ):
        super().__init__(parent)
        self._size = size
        self._shape = shape
        self._dim, self._lit, self._ink = QColor(dim), QColor(lit), QColor(ink)
        self._lit_ink = mix(ink, "#000000", 0.5)  # darker on the lit disc
        self._sprites = sprites
        self._state = (0, 0, 0.0)  # (opacity step, size step, lit share)
        self._path = _dot(size) if shape == "person" else _tile(size)
        self._figure = _person(size) if shape == "person" else None

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._size, self._size)

    @property
    def state(self) -> tuple[int, int, float]:
        """What the mark shows: (opacity in ``OPACITY_STEPS``, size in ``GROWTH_STEPS``, how lit 0..1)."""
        return self._state

    def set_state(self, appear: float, lit: float) -> None:
        shown = ease_out_cubic(appear)
        state = (round(shown * OPACITY_STEPS), round(shown * GROWTH_STEPS), round(ease_out_cubic(lit), 3))
        if state != self._state:
            self._state = state
            self.update()

    def _draw(self, colour: QColor, ink: QColor, grow: float) -> Callable[[QPainter], None]:
        def draw(painter: QPainter) -> None:
            painter.scale(grow, grow)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPath(self._path)
            if self._figure is not None:
                painter.setBrush(ink)
                painter.drawPath(self._figure)

        return draw

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        shown, step, lit_share = self._state
        if shown <= 0:
            return
        scale = device_scale(painter)
        grow = 0.55 + 0.45 * step / GROWTH_STEPS
        side = self._size * grow
        size = QSizeF(side, side)
        box = QRectF((self._size - side) / 2, (self._size - side) / 2, side, side)
        key = (self._shape, self._size, step)
        painter.setOpacity(painter.opacity() * shown / OPACITY_STEPS)
        if lit_share < 1.0:
            dim = self._sprites.get((*key, self._dim.rgba()), size, scale, self._draw(self._dim, self._ink, grow))
            blit(painter, box, dim)
        if lit_share > 0.0:
            lit = self._sprites.get((*key, self._lit.rgba()), size, scale, self._draw(self._lit, self._lit_ink, grow))
            painter.setOpacity(painter.opacity() * lit_share)
            blit(painter, box, lit)


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
        sprites = self.sprites = Sprites()
        colours = [g.colour for g in groups for _ in range(g.count)]
        for i, colour in enumerate(colours):
            mark = Mark(cell * 0.9, shape, dim, colour, ink, sprites, self)
            mark.setPos(x0 + (i % columns) * cell + cell * 0.05, y0 + (i // columns) * cell + cell * 0.05)
            self.marks.append(mark)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def set_moment(self, appear: float, fill: float) -> None:
        count = len(self.marks)
        for i, mark in enumerate(self.marks):
            mark.set_state(stagger(appear, i, count), stagger(fill, i, count, 0.9))
        if appear >= 1.0:  # all risen: the smaller sizes are drawn no more (17 MB for the 26 awards at 4K)
            self.sprites.forget(lambda key: key[2] == GROWTH_STEPS)


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
        band_h = self.step * 0.74
        self.bands = []
        for rank in range(1, self._bottom + 1):
            band = LadderBand(rank, width, band_h, self.band_x, font_px, self._dim, self)
            band.setPos(0, self.rung_y(rank) - band_h / 2)
            self.bands.append(band)
        self.markers = [
            LadderMarker(self.step * 0.92, r.text, self._colours[i % len(self._colours)], ink, self)
            for i, r in enumerate(self._rungs)
        ]
        for marker in self.markers:
            marker.setZValue(1)
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
        """The ladder at ``appear`` and ``fill``: only the bands that change are drawn again, and the markers move."""
        self._appear, self._fill = appear, fill
        positions = [self.position(i) for i in range(len(self._rungs))]
        for rank, band in enumerate(self.bands, start=1):
            band.set_state(*self._band_state(rank, positions))
        for i, marker in enumerate(self.markers):
            size = marker.size
            offset = i * size * 1.1 if len(self.markers) > 1 else 0.0
            marker.setPos(self.band_x + 24 + offset, self.rung_y(self.position(i)) - size / 2)
            marker.setOpacity(ease_out_cubic(clamp01(appear * 1.5 - 0.5)))

    def _band_state(self, rank: int, positions: Sequence[float]) -> tuple[float, QColor]:
        """How far the band of ``rank`` has grown (0..1) and its colour: dim, lit by a marker that passed it, or the
        colour of the marker that holds it."""
        shown = ease_out_cubic(stagger(self._appear, self._bottom - rank, self._bottom, 0.7))  # from the bottom
        colour = QColor(self._dim)
        for i, (rung, at) in enumerate(zip(self._rungs, positions, strict=True)):
            if at <= rank + 0.5:  # the marker has passed it, or holds it
                held = rung.rank == rank and at <= rank + 0.02
                colour = QColor(self._colours[i % len(self._colours)]) if held else QColor(self._trail)
                if held:
                    break
        return shown, colour


class LadderBand(Item):
    """One rank of the ladder: its number at the left, its band growing out to the right."""

    def __init__(self, rank: int, width: float, height: float, band_x: float, font_px: float, dim: QColor,
                 parent: QGraphicsItem):  # fmt: skip
        super().__init__(parent)
        self._rank = rank
        self._rect = QRectF(0, 0, width, height)
        self._band_x = band_x
        self._font_px = font_px
        self._label = mix(dim, QColor("#FFFFFF"), 0.5)
        self._shown = 0.0
        self._colour = QColor(dim)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def set_state(self, shown: float, colour: QColor) -> None:
        shown = round(shown, 3)
        if (shown, colour) != (self._shown, self._colour):
            self._shown, self._colour = shown, QColor(colour)
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._shown <= 0:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self._rect.height()
        colour = QColor(self._colour)
        colour.setAlphaF(self._shown)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        width = (self._rect.width() - self._band_x) * self._shown
        painter.drawRoundedRect(QRectF(self._band_x, 0, width, h), h * 0.3, h * 0.3)
        font = painter.font()
        font.setPixelSize(round(self._font_px))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(self._label))
        painter.drawText(QRectF(0, 0, self._band_x - 16, h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(self._rank))  # fmt: skip


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
        self._sprites = Sprites()
        self._appear = 0.0
        self._fill = 0.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # it draws only the exposed cells

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def set_moment(self, appear: float, fill: float) -> None:
        """The grid at ``appear`` and ``fill``: only the cells that change are drawn again."""
        if (appear, fill) == (self._appear, self._fill):
            return
        before = self._states()
        self._appear, self._fill = appear, fill
        changed = QRectF()
        for i, (old, new) in enumerate(zip(before, self._states(), strict=True)):
            if old != new:
                changed = changed.united(self._cell_rect(i))
        if not changed.isEmpty():
            self.update(changed)

    def _states(self) -> list[tuple[int, int]]:
        """Each cell as it is drawn now: (how opaque, in 1/255 steps; which colour)."""
        lit, reached = self.lit_cells(), self._reached()
        return [
            (round(255 * ease_out_cubic(stagger(self._appear, i, 100, 0.8))), 0 if i < lit else 1 if i < reached else 2)
            for i in range(100)
        ]

    def _cell_rect(self, i: int) -> QRectF:
        row, column = divmod(i, 10)
        cell_w, cell_h = self._width / 10, self._height / 10
        return QRectF(column * cell_w, self._height - (row + 1) * cell_h, cell_w, cell_h)

    def lit_cells(self) -> int:
        """How many cells are lit now (the share, once filled)."""
        return min(round(self._value), self._reached())

    def _reached(self) -> int:
        """How far the fill has come through the 100 cells: each takes its final colour in turn."""
        return round(100 * self._fill)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        cell_w, cell_h = self._width / 10, self._height / 10
        gap = min(cell_w, cell_h) * 0.1
        size = QSizeF(cell_w - gap, cell_h - gap)
        scale = device_scale(painter)
        lit, reached = self.lit_cells(), self._reached()
        base = painter.opacity()
        for i in range(100):
            shown = stagger(self._appear, i, 100, 0.8)
            if shown <= 0:
                continue
            row, column = divmod(i, 10)
            colour = self._lit if i < lit else self._rest if i < reached else self._dim
            sprite = self._sprites.get((colour.rgba(),), size, scale, _cell(size, gap * 0.8, colour))
            y = self._height - (row + 1) * cell_h
            if not option.exposedRect.intersects(QRectF(column * cell_w, y, cell_w, cell_h)):
                continue
            painter.setOpacity(base * ease_out_cubic(shown))
            blit(painter, QRectF(column * cell_w + gap / 2, y + gap / 2, size.width(), size.height()), sprite)


def _cell(size: QSizeF, radius: float, colour: QColor) -> Callable[[QPainter], None]:
    def draw(painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, size.width(), size.height()), radius, radius)

    return draw


def centre_of(item: QGraphicsItem) -> QPointF:
    """The centre of ``item``'s box (of what it holds, for a group) in scene coordinates."""
    box = item.boundingRect()
    if box.isEmpty():
        box = item.childrenBoundingRect()
    return item.mapToScene(box.center())
