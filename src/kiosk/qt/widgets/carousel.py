"""A row of tiles the visitor drags sideways: follows the finger, flicks with momentum, snaps to a tile.

Tiles may differ in width (a chart spans two columns, a number one). When they do not all fit, the row bleeds
past its right edge to the edge of the screen (``bleed``), so the next tile shows: the cue that there is more to
drag. Page dots under the row show where you are. Items are laid side by side in a clipped strip; only the strip
moves, the tiles draw from their caches.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.foundations.item import Item, on_whole_pixels
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
    drag_axis = "x"  # it follows sideways drags; one up or down goes to a scrolling screen it is on

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
        bleed: float = 0.0,
    ):
        super().__init__(parent)
        self.name = name
        self.setObjectName(name)
        self._width, self._height = float(width), float(height)
        self._bleed = float(bleed)  # how far past its right edge the row shows (to the screen's edge)
        self._starts: list[float] = []  # each tile's x in the strip
        self._end = 0.0  # the strip's width
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
    def add(self, item: TileT, width: float | None = None) -> None:
        """Add ``item`` at the end of the row; ``width`` if it is not the carousel's tile width."""
        x = self._end + (self._gap if self._items else 0.0)
        item.setParentItem(self._strip)
        item.setPos(x, 0)
        # A tile slides with every frame of a drag: copied from a cache it costs less than drawn again (a plain
        # panel elsewhere is drawn, not cached).
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._items.append(item)
        self._starts.append(x)
        self._end = x + (self._tile_width if width is None else float(width))

    def finish(self) -> None:
        """Call once every tile is added: adds the page dots when the tiles do not all fit (a row that bleeds to
        the screen's edge needs none: the next tile in view is its cue)."""
        if self.stops > 1 and not self._bleed:
            self._dots = PageDots(self.stops, self._width, self._dot_colour, self._dot_dim, self)
            self._dots.setPos(0, self._height - DOTS_HEIGHT)

    @property
    def items(self) -> list[TileT]:
        return list(self._items)

    @property
    def _stops(self) -> list[float]:
        """The offsets the row snaps to: each tile's start while the row still fills its width, then the end."""
        last = max(0.0, self._end - self._width)
        found = [x for x in self._starts if x < last - 1.0]
        return [*found, last] if last > 0 else [0.0]

    @property
    def visible_count(self) -> int:
        """How many tiles are wholly in view at the start."""
        return max(1, sum(1 for x in self._starts if x + self._tile_width <= self._width + 0.5)) if self._items else 1

    @property
    def stops(self) -> int:
        return len(self._stops)

    @property
    def index(self) -> int:
        stops = self._stops
        return min(range(len(stops)), key=lambda i: abs(stops[i] - self._offset))

    @property
    def tile_height(self) -> float:
        """The height of the tiles: room is always kept for the dots (unless it bleeds), so rows end level."""
        return self._height - (0.0 if self._bleed else DOTS_HEIGHT + 14)

    # Motion --------------------------------------------------------------------------------------------------
    def _max_offset(self) -> float:
        return self._stops[-1]

    def _set_offset(self, offset: float) -> None:
        """Scroll to ``offset``, shown at the nearest whole pixel of the screen: a move by a part of one makes Qt
        draw every tile's cache again instead of copying it."""
        self._offset = offset
        self._strip.setPos(-on_whole_pixels(self, offset), 0)
        if self._dots is not None:
            self._dots.set_current(self.index)

    def scroll_to(self, index: int, animate: bool = True) -> None:
        index = min(self.stops - 1, max(0, index))
        target = self._stops[index]
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
        stops = self._stops
        index = min(range(len(stops)), key=lambda i: abs(stops[i] - projected))
        if index == self.index and abs(velocity.x()) > 600:  # a flick always moves at least one tile
            index += -1 if velocity.x() > 0 else 1
        self.scroll_to(index)
        index = min(self.stops - 1, max(0, index))
        if index != self._drag_index:
            self.turned.emit(self.name, index)

    def boundingRect(self) -> QRectF:
        bleed = self._bleed if self.stops > 1 else 0.0
        return QRectF(0, 0, self._width + bleed, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass
