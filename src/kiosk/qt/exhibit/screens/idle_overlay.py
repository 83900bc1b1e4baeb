"""The idle warning: a countdown over the screen before the exhibit starts over. Any touch cancels it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import RADIUS, mix
from kiosk.qt.foundations.words import say
from kiosk.qt.widgets.backdrop import Backdrop, dimmed
from kiosk.qt.widgets.surface import Panel


class Countdown(Item):
    """The seconds left, inside a ring that empties as they run out."""

    def __init__(self, ctx: PageContext, size: float, total: int, parent: QGraphicsItem):
        super().__init__(parent)
        self._size = size
        self._total = max(1, total)
        self._seconds = total
        self._font = ctx.typography.font(size * 0.42, True, ctx.language)
        self._ring = QColor(ctx.look.theme.signature)
        self._track = mix(ctx.look.surface, "#FFFFFF", 0.12)
        self._text = QColor(ctx.look.theme.number)

    @property
    def seconds(self) -> int:
        return self._seconds

    def set_seconds(self, seconds: int) -> None:
        if seconds != self._seconds:
            self._seconds = seconds
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._size, self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self._size * 0.07
        ring = QRectF(width, width, self._size - 2 * width, self._size - 2 * width)
        painter.setPen(QPen(self._track, width))
        painter.drawEllipse(ring)
        pen = QPen(self._ring, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        span = int(-360 * 16 * self._seconds / self._total)
        painter.drawArc(ring, 90 * 16, span)
        painter.setFont(self._font)
        painter.setPen(self._text)
        painter.drawText(QRectF(0, 0, self._size, self._size), Qt.AlignmentFlag.AlignCenter, str(self._seconds))


MORE_TIME_H = 132.0


def _more_time_done_by_controller() -> None:
    """The overlay is gone by the time the finger lifts: the controller grants the time (ExhibitController)."""


class IdleOverlay(Item):
    blocks_input = True
    name = "idle-warning"

    def __init__(self, ctx: PageContext, seconds: int, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        look, lang = ctx.look, ctx.language
        self._rect = QRectF(0, 0, look.width, ctx.screen_height)
        Backdrop(look.width, ctx.screen_height, dimmed(look.theme.ground, 0.86), self._stay, self)
        width = min(look.width - 2 * look.margin, look.room(980.0))
        ring = 240.0
        # the rows from the top: the question, the countdown, what happens, what to do; then "more time"
        title_h, restart_h, touch_h = look.room(80.0), look.room(52.0), look.room(60.0)
        ring_y = 48 + title_h + 22
        restart_y = ring_y + ring + 24
        touch_y = restart_y + restart_h + 14
        more_y = touch_y + touch_h + 60
        height = more_y + MORE_TIME_H + 36
        panel = Panel(width, height, look.surface, RADIUS * 1.4, self, outline=look.hairline)
        bottom = look.height - look.margin if ctx.control_row_y is None else ctx.screen_height - look.gap
        top = (look.height - height) / 2
        if ctx.reach_line is not None:  # reach mode: the panel, and so "more time", as low as it goes
            top = bottom - height
        panel.setPos((look.width - width) / 2, top)
        ctx.text(
            say("still_there", lang),
            "title",
            width - 96,
            title_h,
            panel,
            48,
            48,
            origin="still_there",
            align="center",
            max_lines=1,
            px=56.0,
        )
        self.countdown = Countdown(ctx, ring, seconds, panel)
        self.countdown.setPos((width - ring) / 2, ring_y)
        ctx.text(
            say("restart_in", lang),
            "body",
            width - 96,
            restart_h,
            panel,
            48,
            restart_y,
            origin="restart_in",
            align="center",
            max_lines=1,
            colour=look.theme.muted,
        )
        ctx.text(
            say("touch_to_continue", lang),
            "heading",
            width - 96,
            touch_h,
            panel,
            48,
            touch_y,
            origin="touch_to_continue",
            align="center",
            max_lines=1,
            colour=look.theme.text,
        )
        # One large target for more time (WCAG 2.2.1): the press that lands on it cancels the warning like any
        # touch, and its tap gives this visitor the longer idle time (the controller looks at more_time_rect()).
        self.more_time = ctx.button(
            "more-time",
            _more_time_done_by_controller,
            panel,
            48,
            more_y,
            icon="ui-clock",
            label=say("more_time", lang),
            width=width - 96,
            height=MORE_TIME_H,
        )
        self.setZValue(100)

    def more_time_rect(self) -> QRectF:
        """Where the "more time" target is, in scene coordinates."""
        return self.more_time.mapRectToScene(self.more_time.boundingRect())

    def set_seconds(self, seconds: int) -> None:
        self.countdown.set_seconds(seconds)

    def on_tap(self, point: QPointF) -> None:
        """The touch that cancels the warning does nothing else."""

    def _stay(self) -> None:
        """A tap on the dimmed screen only cancels the warning (the controller did that on the press)."""

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)
