"""A window onto content taller than it, for a screen whose words need more room than the screen has (large text):
the content follows a vertical drag, flicks on with momentum and eases back inside at the ends.

What shows there is more: the edge where content is hidden fades into the ground, and a scroll indicator along the
right edge shows how much of the content is in view and where. Horizontal drags are left to the rows inside it
(carousels): the gesture router gives a drag to the item that follows its axis (``drag_axis``).

:func:`scroll_below` moves what a screen built into one (everything but what it pins: its header, its controls),
only when the screen is taller than its window; a screen that fits is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.ticker import Ticker

MOMENTUM_S = 0.3  # how far a flick carries: velocity × this
RUBBER = 0.35  # how much of a drag beyond the ends is followed
FADE = 110.0  # the fade at an edge where content is hidden
INDICATOR_W = 10.0
SCROLL_Z = -1.0  # under what the screen pins over it (its controls)


class _Content(Item):
    """What scrolls: the screen's items, moved as one."""


class _Fade(Item):
    """The ground colour fading in over the content at one edge (``top`` or bottom) of the window."""

    def __init__(self, width: float, ground: QColor, top: bool, parent: QGraphicsItem):
        super().__init__(parent)
        self._width, self._ground, self._top = width, QColor(ground), top
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, FADE)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        clear = QColor(self._ground)
        clear.setAlphaF(0.0)
        gradient = QLinearGradient(0, 0, 0, FADE)
        gradient.setColorAt(0.0, self._ground if self._top else clear)
        gradient.setColorAt(1.0, clear if self._top else self._ground)
        painter.fillRect(self.boundingRect(), gradient)


class _Indicator(Item):
    """A slim bar along the right edge: its thumb is the part of the content in view."""

    def __init__(self, height: float, colour: QColor, track: QColor, parent: QGraphicsItem):
        super().__init__(parent)
        self._height = height
        self._colour, self._track = QColor(colour), QColor(track)
        self._start, self._share = 0.0, 1.0

    def set_thumb(self, start: float, share: float) -> None:
        """The thumb from ``start`` (0..1 of the track) over ``share`` of it."""
        if (start, share) != (self._start, self._share):
            self._start, self._share = start, share
            self.update()

    @property
    def thumb(self) -> QRectF:
        length = max(INDICATOR_W * 4, self._height * self._share)
        top = (self._height - length) * (self._start / max(1e-6, 1.0 - self._share)) if self._share < 1 else 0.0
        return QRectF(0, max(0.0, min(self._height - length, top)), INDICATOR_W, length)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, INDICATOR_W, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = INDICATOR_W / 2
        painter.setBrush(self._track)
        painter.drawRoundedRect(self.boundingRect(), radius, radius)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(self.thumb, radius, radius)


class ScrollArea(Item):
    """``width`` × ``height`` of content ``extent`` tall (its own coordinates: 0 at the window's top)."""

    drag_axis = "y"  # the gesture router gives it the drags that go up or down

    def __init__(
        self,
        width: float,
        height: float,
        extent: float,
        ticker: Ticker,
        ground: QColor | str,
        indicator: QColor | str,
        track: QColor | str,
        parent: QGraphicsItem | None = None,
        *,
        margin: float = 0.0,
        name: str = "scroll",
    ):
        super().__init__(parent)
        self.name = name
        self.setObjectName(name)
        self._width, self._height = float(width), float(height)
        self._extent = max(float(extent), self._height)
        self._ticker = ticker
        self._offset = 0.0
        self._drag_base = 0.0
        self.content = _Content(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        ground = QColor(ground)
        self._top_fade = _Fade(width, ground, True, self)
        self._bottom_fade = _Fade(width, ground, False, self)
        self._bottom_fade.setPos(0, self._height - FADE)
        self._indicator = _Indicator(self._height - 2 * 24.0, QColor(indicator), QColor(track), self)
        self._indicator.setPos(self._width - max(margin, INDICATOR_W * 2) / 2 - INDICATOR_W / 2, 24.0)
        for cue in (self._top_fade, self._bottom_fade, self._indicator):
            cue.setZValue(1)
        self._set_offset(0.0)

    # What it shows ---------------------------------------------------------------------------------------------
    @property
    def offset(self) -> float:
        """How far the content is scrolled (0: its top in view)."""
        return self._offset

    @property
    def extent(self) -> float:
        """The content's height."""
        return self._extent

    @property
    def max_offset(self) -> float:
        return self._extent - self._height

    def content_rect(self) -> QRectF:
        """Where the content can be brought into view, in this item's coordinates (at the current offset)."""
        return QRectF(0, -self._offset, self._width, self._extent)

    def window_rect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def adopt(self, items: Iterable[QGraphicsItem]) -> None:
        """Move ``items`` (children of this item's parent) into the content, keeping where they are drawn."""
        shift = self.pos()
        for item in items:
            at = item.pos() - shift
            item.setParentItem(self.content)
            item.setPos(at)

    # Motion ----------------------------------------------------------------------------------------------------
    def _set_offset(self, offset: float) -> None:
        self._offset = offset
        self.content.setPos(0, -offset)
        inside = max(0.0, min(self.max_offset, offset))
        self._top_fade.setVisible(inside > 1.0)
        self._bottom_fade.setVisible(inside < self.max_offset - 1.0)
        self._indicator.set_thumb(inside / self._extent, self._height / self._extent)

    def scroll_to(self, offset: float, animate: bool = True) -> None:
        """Bring the content ``offset`` down into view (kept within its ends)."""
        target = max(0.0, min(self.max_offset, offset))
        self._ticker.cancel(self)
        if not animate:
            self._set_offset(target)
            return
        start = self._offset
        distance = target - start

        def glide(progress: float) -> None:
            self._set_offset(start + distance * progress)

        self._ticker.tween(self, 0.45, glide)

    def on_drag_begin(self, start: QPointF) -> None:
        self._ticker.cancel(self)
        self._drag_base = self._offset

    def on_drag(self, start: QPointF, current: QPointF) -> None:
        offset = self._drag_base - (current.y() - start.y())
        over = min(offset, 0.0) + max(offset - self.max_offset, 0.0)
        self._set_offset(offset - over * (1 - RUBBER))

    def on_drag_end(self, start: QPointF, end: QPointF, velocity: QPointF) -> None:
        self.scroll_to(self._offset - velocity.y() * MOMENTUM_S)

    def on_drag_cancel(self) -> None:
        self.scroll_to(self._offset)

    def boundingRect(self) -> QRectF:
        return self.window_rect()


def content_bottom(items: Iterable[QGraphicsItem], owner: QGraphicsItem) -> float:
    """The lowest edge of ``items`` in ``owner``'s coordinates."""
    return max((owner.mapRectFromItem(item, item.boundingRect()).bottom() for item in items), default=0.0)


def scroll_below(
    owner: QGraphicsItem,
    pinned: Iterable[QGraphicsItem],
    window: QRectF,
    ticker: Ticker,
    colours: tuple[QColor | str, QColor | str, QColor | str],
    *,
    margin: float = 0.0,
    end_gap: float = 0.0,
    z: float = SCROLL_Z,
) -> ScrollArea | None:
    """When ``owner``'s children (but ``pinned``) reach below the ``window`` (in ``owner``'s coordinates), move
    them into a :class:`ScrollArea` there, ``end_gap`` of room kept under the last; None (nothing changed) when they
    fit (however little room is left under them). ``colours``: the ground the edges fade into, the indicator's
    thumb and its track; ``z``: under what is pinned (its controls) or over it (a sheet's backdrop)."""
    keep = {id(item) for item in pinned}
    moving = [item for item in owner.childItems() if id(item) not in keep]
    bottom = content_bottom(moving, owner)
    if bottom <= window.bottom() + 0.5 or not moving:
        return None
    extent = bottom + end_gap
    ground, indicator, track = colours
    area = ScrollArea(
        window.width(), window.height(), extent - window.top(), ticker, ground, indicator, track, owner, margin=margin
    )
    area.setPos(window.topLeft())
    area.setZValue(z)
    area.adopt(moving)
    return area
