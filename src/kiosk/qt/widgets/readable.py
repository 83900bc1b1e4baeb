"""Whether a visitor can read a whole text where it is shown: the large-text screens are laid out until every text
is (kiosk.qt.exhibit.screens.base), and ``kiosk validate --layout`` reports one that is not (rule ``cut``).

A text is reachable when all of it is inside every tile (panel) it sits on — a text that spills out of its card is
cut by the card's edge, or runs over what is beside it — and inside the screen, or inside what the visitor can bring
into view: the content of a scrolling screen (:class:`~kiosk.qt.widgets.scroll_area.ScrollArea`, up and down) or
the strip of a row (:class:`~kiosk.qt.widgets.carousel.Carousel`, sideways). A row still cuts what reaches above or
below it, and a scrolling window what is wider than it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.qt.widgets.carousel import Carousel
from kiosk.qt.widgets.scroll_area import ScrollArea
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock

SLACK = 1.5  # logical px: antialiasing and rounding


def drawn_rect(block: TextBlock) -> QRectF:
    """Where ``block``'s lines are, in its own coordinates (its box's width, the lines' height where the
    alignment puts them)."""
    height = block.fitted.height
    spare = max(0.0, block.boundingRect().height() - height)
    offset = {"top": 0.0, "center": spare / 2, "bottom": spare}.get(block.style.valign, 0.0)
    return QRectF(0, offset, block.boundingRect().width(), height)


def _outside(inner: QRectF, outer: QRectF, *, across: bool = True, along: bool = True) -> bool:
    """``inner`` reaches out of ``outer``: sideways (``across``), up or down (``along``)."""
    wide = across and (inner.left() < outer.left() - SLACK or inner.right() > outer.right() + SLACK)
    tall = along and (inner.top() < outer.top() - SLACK or inner.bottom() > outer.bottom() + SLACK)
    return wide or tall


def where_cut(block: TextBlock, top: QGraphicsItem, screen: QRectF) -> str | None:
    """Why part of ``block`` (on ``top``, a page or a sheet, whose visible part is ``screen``) cannot be read, or
    None when all of it can."""
    rect = drawn_rect(block)
    node: QGraphicsItem = block
    parent = block.parentItem()
    while parent is not None and parent is not top:
        rect = parent.mapRectFromItem(node, rect)
        if isinstance(parent, ScrollArea):
            if _outside(rect, parent.content_rect()) or _outside(rect, parent.window_rect(), along=False):
                return "is outside what its scrolling screen can show"
            rect = parent.window_rect()  # brought into view by scrolling: what matters now is the window
        elif isinstance(parent, Carousel):
            if _outside(rect, parent.boundingRect(), across=False):
                return f"reaches out of the row {parent.name} (above or below it)"
            rect = parent.boundingRect()  # the row brings its tiles into view sideways
        elif isinstance(parent, Panel) and _outside(rect, parent.boundingRect()):
            return f"spills out of {getattr(parent, 'name', type(parent).__name__)}"
        node, parent = parent, parent.parentItem()
    rect = top.mapRectFromItem(node, rect) if node is not top else rect
    if _outside(rect, screen):
        return f"is off the screen (y {rect.top():.0f} to {rect.bottom():.0f} of {screen.height():.0f})"
    return None
