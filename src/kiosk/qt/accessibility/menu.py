"""The accessibility menu: six choices as large switches over a dimmed screen, each named in both languages, and
Done. A tap on a switch turns its choice on or off at once (the screen beneath is redrawn in it); a tap beside the
panel or on Done closes the menu. In reach mode the panel sits at the bottom, within reach."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.accessibility.choices import CHOICES, AccessChoices, Choice
from kiosk.qt.accessibility.words import ACCESS_WORDS, CHOICE_WORDS
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import RADIUS, TARGET
from kiosk.qt.widgets.backdrop import Backdrop, dimmed
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock, fit_text

MENU_Z = 60  # over a story sheet, under the idle warning
ROW_GAP = 16.0


class SwitchMark(Item):
    """The on/off mark of a choice: a pill, filled with the knob at the right when on."""

    def __init__(self, on: bool, on_colour: str, off_colour: QColor, knob_on: str, parent: QGraphicsItem):
        super().__init__(parent)
        self._on = on
        self._on_colour, self._off_colour, self._knob_on = QColor(on_colour), off_colour, QColor(knob_on)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 88, 48)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.boundingRect().adjusted(2, 2, -2, -2)
        if self._on:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._on_colour)
        else:
            painter.setPen(self._off_colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        knob = rect.height() - 10
        x = rect.right() - 5 - knob if self._on else rect.left() + 5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._knob_on if self._on else self._off_colour)
        painter.drawEllipse(QRectF(x, rect.top() + 5, knob, knob))


def label_w(width: float) -> float:
    """The width of a switch's name in a switch ``width`` wide."""
    return width - 88 - 3 * 28


def stacked_names(ctx: PageContext, width: float) -> bool:
    """Whether the switches of ``width`` set their names on two lines, Chinese over English (all of them, when one
    does not fit on one line: never 高对比度 High | contrast)."""
    style = ctx.look.style("button", max_lines=1)
    return any(
        fit_text(f"{zh} {en}", ctx.typography, style, label_w(width), 1e4).elided for zh, en in CHOICE_WORDS.values()
    )


def row_height(ctx: PageContext) -> float:
    """A switch's height: a touch target, taller in large text (its two lines grow)."""
    return max(TARGET, ctx.look.room(TARGET * 0.86))


class ChoiceSwitch(Panel):
    """One choice: its name in both languages and its on/off mark; a tap flips it."""

    def __init__(
        self,
        ctx: PageContext,
        choice: Choice,
        on: bool,
        flip: Callable[[Choice], object],
        width: float,
        parent: QGraphicsItem,
        stacked: bool = False,
    ):
        look = ctx.look
        height = row_height(ctx)
        super().__init__(width, height, look.surface_high, TARGET / 2, parent, outline=look.theme.text if on else None)
        self.name = f"choice-{choice}"
        self.choice = choice
        self.on = on
        self._flip = flip
        zh, en = CHOICE_WORDS[choice]
        style = look.style("button", max_lines=2, valign="center", line_height=1.1)
        words = f"{zh}\n{en}" if stacked else f"{zh} {en}"
        self.label = TextBlock(words, style, ctx.typography, label_w(width), height, self, origin=self.name)
        self.label.setPos(28, 0)
        mark = SwitchMark(on, look.theme.number, QColor(look.theme.muted), look.theme.ground, self)
        mark.setPos(width - 88 - 28, (height - 48) / 2)

    def on_tap(self, point: QPointF) -> None:
        self._flip(self.choice)


class AccessMenu(Item):
    """The menu over the whole screen; ``flip(choice)`` turns a choice on or off, ``close()`` closes it."""

    blocks_input = True
    name = "accessibility-menu"

    def __init__(
        self,
        ctx: PageContext,
        choices: AccessChoices,
        flip: Callable[[Choice], object],
        close: Callable[[], object],
        parent: QGraphicsItem | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        look = ctx.look
        full_height = ctx.screen_height
        self._rect = QRectF(0, 0, look.width, full_height)
        Backdrop(look.width, full_height, dimmed(look.theme.ground, 0.9), close, self)
        # Large text in portrait: one wide column; with reach mode too, two columns on a wider panel so that every
        # switch fits below the reach line.
        low = ctx.reach_line is not None and look.portrait and look.text_scale > 1.0
        pad = 32.0 if low else 44.0
        columns = 1 if look.portrait and look.text_scale > 1.0 and not low else 2
        width = look.width - look.margin if low else min(look.width - 2 * look.margin, 1240.0)
        rows = -(-len(CHOICES) // columns)
        row_h, head_h = row_height(ctx), max(TARGET, look.room(TARGET * 0.8))
        height = 2 * pad + head_h + ROW_GAP * 1.5 + rows * (row_h + ROW_GAP) - ROW_GAP
        panel = Panel(width, height, look.surface, RADIUS * 1.4, self, outline=look.hairline)
        if ctx.reach_line is not None:
            top = full_height - look.gap - height
        else:
            top = (full_height - height) / 2
        panel.setPos((look.width - width) / 2, top)
        self.box = panel
        done_w = max(TARGET * 2, look.room(220.0))
        ctx.button(
            "done",
            close,
            panel,
            width - pad - done_w,
            pad,
            label=ACCESS_WORDS.both("done", " "),
            width=done_w,
            height=head_h,
        )
        ctx.text(
            ACCESS_WORDS.both("menu_title", "  "),
            "title",
            width - 3 * pad - done_w,
            head_h,
            panel,
            pad,
            pad,
            origin="menu_title",
            valign="center",
            max_lines=1 if look.text_scale <= 1.0 else 2,
            px=48.0,
        )
        cell_w = (width - 2 * pad - ROW_GAP * (columns - 1)) / columns
        y0 = pad + head_h + ROW_GAP * 1.5
        self.switches: dict[Choice, ChoiceSwitch] = {}
        stacked = stacked_names(ctx, cell_w)
        for i, choice in enumerate(CHOICES):
            switch = ChoiceSwitch(ctx, choice, choices.is_on(choice), flip, cell_w, panel, stacked)
            switch.setPos(pad + (i % columns) * (cell_w + ROW_GAP), y0 + (i // columns) * (row_h + ROW_GAP))
            self.switches[choice] = switch
        self.setZValue(MENU_Z)

    def on_tap(self, point: QPointF) -> None:
        """A tap on the panel between its switches does nothing."""

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)
