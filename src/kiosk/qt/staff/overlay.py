"""What the operator screens share: a full-screen layer over the exhibit that takes every touch, bilingual
buttons at full touch-target size, and the notice shown when no operator PIN is set."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import RADIUS
from kiosk.qt.staff.words import both
from kiosk.qt.widgets.backdrop import Backdrop, dimmed
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.surface import Panel

OPERATOR_Z = 5000  # above the pages, sheets, idle warning and transition pictures
BUTTON_H = 112.0  # operator buttons: taller than the 104 px minimum, for gloved or hurried fingers


class OperatorOverlay(Item):
    """A full-screen layer: the exhibit beneath is dimmed and gets no touch while it is shown."""

    blocks_input = True
    name = "operator-overlay"

    def __init__(self, ctx: PageContext, opacity: float = 0.93, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        look = ctx.look
        self._rect = QRectF(0, 0, look.width, look.height)
        self.backdrop = Backdrop(look.width, look.height, dimmed(look.theme.ground, opacity), self._ignore, self)
        self.backdrop.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)  # under what the layer paints
        self.setZValue(OPERATOR_Z)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def on_tap(self, point: QPointF) -> None:
        """A tap beside the controls does nothing (it still counts as the operator being there)."""

    def _ignore(self) -> None:
        pass

    def card(self, width: float, height: float, x: float | None = None, y: float | None = None) -> Panel:
        """The raised surface the controls sit on, centred unless placed."""
        look = self.ctx.look
        panel = Panel(width, height, look.surface, RADIUS * 1.4, self, outline=look.hairline)
        panel.setPos((look.width - width) / 2 if x is None else x, (look.height - height) / 2 if y is None else y)
        return panel

    def button(
        self,
        name: str,
        label: str,
        action: Callable[[], None],
        parent: QGraphicsItem,
        x: float,
        y: float,
        width: float,
        height: float = BUTTON_H,
        *,
        fill: QColor | str | None = None,
        px: float = 30.0,
        outline: QColor | str | None = None,
        text_colour: str | None = None,
    ) -> Button:
        look = self.ctx.look
        button = Button(
            name,
            action,
            width,
            height,
            fill if fill is not None else look.surface_high,
            parent,
            label=label,
            label_style=look.style("button", text_colour, px=px),
            typography=self.ctx.typography,
            outline=outline if outline is not None else look.hairline,
        )
        button.setPos(x, y)
        return button


class NoPinNotice(OperatorOverlay):
    """Shown instead of the PIN pad when no operator PIN is set: how to set one."""

    name = "no-pin-notice"

    def __init__(self, ctx: PageContext, on_close: Callable[[], None], parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent=parent)
        look = ctx.look
        width = min(look.width - 2 * look.margin, 900.0)
        pad = 48.0
        height = 470.0
        card = self.card(width, height)
        ctx.text(
            both("no_pin_title", "\n"),
            "heading",
            width - 2 * pad,
            110,
            card,
            pad,
            40,
            origin="no_pin_title",
            align="center",
            max_lines=2,
        )
        ctx.text(
            both("no_pin_body", "\n"),
            "body",
            width - 2 * pad,
            110,
            card,
            pad,
            168,
            origin="no_pin_body",
            align="center",
            max_lines=3,
            colour=look.theme.muted,
        )
        self.button("no-pin-ok", both("understood"), on_close, card, (width - 320) / 2, height - pad - 104 - 8, 320)
