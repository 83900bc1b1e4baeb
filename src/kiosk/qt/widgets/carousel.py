"""A row of tiles the visitor drags sideways: follows the finger, flicks with momentum, snaps to a tile.

Page dots under the row show where you are. Items are laid side by side in a clipped strip; only the strip
moves, the tiles draw from their caches.
"""

from __future__ import annotations

import math
from typing import Generic, TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.ticker import Ticker

TileT = TypeVar("TileT", bound=QGraphicsItem)

DOTS_HEIGHT = 36.0
MOMENTUM_S = 0.22  # how far a flick carries: velocity × this
RUBBER = 0.35  # how much of a drag beyond the ends is followed


class _Strip(Item):
    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


class PageDots(Item):
    def __init__(self, count: int, width: float, colour: QColor, dim: QColor, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._count, self._width = count, width
        self._colour, self._dim = colour, dim
        self.current = 0

    def set_current(self, index: int) -> None:
        if index != self.current:
            self.current = index
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, DOTS_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        spacing, small, wide = 30.0, 12.0, 36.0
        total = (self._count - 1) * spacing + wide
        x = (self._width - total) / 2
        for i in range(self._count):
            w = wide if i == self.current else small
            painter.setBrush(self._colour if i == self.current else self._dim)
            painter.drawRoundedRect(QRectF(x, (DOTS_HEIGHT - small) / 2, w, small), small / 2, small / 2)
            x += w + spacing - small


class Carousel(Item, Generic[TileT]):
    """Tiles of ``tile_width`` side by side in ``width``; drag, flick and snap when they do not all fit.

    ``turned(name, index)`` says a drag or flick of the visitor's brought another tile to the front."""

    turned = Signal(str, int)

    def __init__(
        self,
        width: float,
        height: float,
        tile_width: float,
        gap: float,
        ticker: Ticker,
        dot_colour: QColor | str,
        dot_dim: QColor | str,
        parent: QGraphicsItem | None = None,
        name: str = "carousel",
    ):
        super().__init__(parent)
        self.name = name
        self.setObjectName(name)
        self._width, self._height = float(width), float(height)
        self._tile_width, self._gap = float(tile_width), float(gap)
        self._ticker = ticker
        self._dot_colour, self._dot_dim = QColor(dot_colour), QColor(dot_dim)
        self._strip = _Strip(self)
        self._items: list[TileT] = []
        self._offset = 0.0
        self._drag_base = 0.0
        self._drag_index = 0
        self._dots: PageDots | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)

    # Contents ------------------------------------------------------------------------------------------------
    def add(self, item: TileT) -> None:
        item.setParentItem(self._strip)
        item.setPos(len(self._items) * self._step, 0)
        self._items.append(item)

    def finish(self) -> None:
        """Call once every tile is added: adds the page dots when the tiles do not all fit."""
        if self.stops > 1:
            self._dots = PageDots(self.stops, self._width, self._dot_colour, self._dot_dim, self)
            self._dots.setPos(0, self._height - DOTS_HEIGHT)

    @property
    def items(self) -> list[TileT]:
        return list(self._items)

    @property
    def _step(self) -> float:
        return self._tile_width + self._gap

    @property
    def visible_count(self) -> int:
        return max(1, int((self._width + self._gap + 0.5) // self._step))

    @property
    def stops(self) -> int:
        return max(1, len(self._items) - self.visible_count + 1)

    @property
    def index(self) -> int:
        return min(self.stops - 1, max(0, round(self._offset / self._step)))

    @property
    def tile_height(self) -> float:
        """The height of the tiles: room is always kept for the dots, so rows of carousels end level."""
        return self._height - DOTS_HEIGHT - 14

    # Motion --------------------------------------------------------------------------------------------------
    def _max_offset(self) -> float:
        return (self.stops - 1) * self._step

    def _set_offset(self, offset: float) -> None:
        self._offset = offset
        self._strip.setPos(-offset, 0)
        if self._dots is not None:
            self._dots.set_current(self.index)

    def scroll_to(self, index: int, animate: bool = True) -> None:
        index = min(self.stops - 1, max(0, index))
        target = index * self._step
        self._ticker.cancel(self)
        if not animate:
            self._set_offset(target)
            return
        start = self._offset
        distance = target - start

        def glide(progress: float) -> None:
            self._set_offset(start + distance * progress)

        self._ticker.tween(self, 0.34, glide)

    def on_drag(self, start: QPointF, current: QPointF) -> None:
        if self.stops <= 1:
            return
        offset = self._drag_base - (current.x() - start.x())
        over = min(offset, 0.0) + max(offset - self._max_offset(), 0.0)
        self._set_offset(offset - over * (1 - RUBBER))

    def on_drag_begin(self, start: QPointF) -> None:
        self._ticker.cancel(self)
        self._drag_base = self._offset
        self._drag_index = self.index

    def on_drag_end(self, start: QPointF, end: QPointF, velocity: QPointF) -> None:
        if self.stops <= 1:
            return
        projected = self._offset - velocity.x() * MOMENTUM_S
        target = projected / self._step
        index = math.floor(target + 0.5)
        if index == self.index and abs(velocity.x()) > 600:  # a flick always moves at least one tile
            index += -1 if velocity.x() > 0 else 1
        self.scroll_to(index)
        index = min(self.stops - 1, max(0, index))
        if index != self._drag_index:
            self.turned.emit(self.name, index)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass
