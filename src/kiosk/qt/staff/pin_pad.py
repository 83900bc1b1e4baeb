"""The operator PIN pad: digits 0-9, delete, OK and cancel; dots for what was typed, never the digits.

The guard (wrong-PIN count and lock-out) belongs to whoever opens the pad, so a lock holds when the pad is closed
and opened again. :meth:`PinPad.refresh` brings the lock's countdown up to date (call it once a second).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.staff.overlay import OperatorOverlay
from kiosk.qt.staff.words import both
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.staff.pin_entry import PinEntry, PinGuard

KEY_W, KEY_H, KEY_GAP = 184.0, 108.0, 16.0
PAD = 44.0
DOT_SLOTS = 4  # empty slots shown before anything is typed


class PinDots(Item):
    """One filled dot per digit typed (at least four slots drawn, the rest hollow)."""

    def __init__(self, width: float, height: float, colour: QColor | str, slot: QColor | str, parent: QGraphicsItem):
        super().__init__(parent)
        self._size = (width, height)
        self._colour = QColor(colour)
        self._slot = QColor(slot)
        self.count = 0

    def set_count(self, count: int) -> None:
        if count != self.count:
            self.count = count
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self._size
        slots = max(DOT_SLOTS, self.count)
        diameter = min(height * 0.42, 30.0)
        step = min(diameter * 1.9, width / slots)
        x = (width - step * (slots - 1) - diameter) / 2
        y = (height - diameter) / 2
        for i in range(slots):
            rect = QRectF(x + i * step, y, diameter, diameter)
            if i < self.count:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._colour)
            else:
                painter.setPen(QPen(self._slot, 3.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect.adjusted(1.5, 1.5, -1.5, -1.5))


class PinPad(OperatorOverlay):
    name = "pin-pad"

    def __init__(
        self,
        ctx: PageContext,
        guard: PinGuard,
        on_accepted: Callable[[], None],
        on_cancel: Callable[[], None],
        parent: QGraphicsItem | None = None,
    ):
        super().__init__(ctx, parent=parent)
        self._guard = guard
        self._on_accepted = on_accepted
        self._on_cancel = on_cancel
        self.entry = PinEntry()
        self._locked_shown = False
        look = ctx.look
        grid_w = 3 * KEY_W + 2 * KEY_GAP
        grid_h = 4 * KEY_H + 3 * KEY_GAP
        width = grid_w + 2 * PAD
        title_h, dots_h, message_h, cancel_h = 58.0, 64.0, 88.0, 104.0
        top = 34.0
        height = top + title_h + 14 + dots_h + 10 + message_h + 18 + grid_h + 22 + cancel_h + top
        card = self.card(width, height)
        y = top
        ctx.text(
            both("pin_title"),
            "heading",
            grid_w,
            title_h,
            card,
            PAD,
            y,
            origin="pin_title",
            align="center",
            max_lines=1,
            valign="center",
        )
        y += title_h + 14
        self.dots = PinDots(grid_w, dots_h, look.theme.number, look.hairline, card)
        self.dots.setPos(PAD, y)
        y += dots_h + 10
        self.prompt = ctx.text(
            both("pin_prompt", "\n"),
            "label",
            grid_w,
            message_h,
            card,
            PAD,
            y,
            origin="pin_prompt",
            align="center",
            valign="center",
            max_lines=2,
        )
        self.alert: TextBlock = ctx.text(
            "",
            "label",
            grid_w,
            message_h,
            card,
            PAD,
            y,
            origin="pin_alert",
            align="center",
            valign="center",
            max_lines=2,
            colour=look.theme.signature,
        )
        self.alert.setVisible(False)
        y += message_h + 18
        keys = [*"123456789", "delete", "0", "ok"]
        for i, key in enumerate(keys):
            kx = PAD + (i % 3) * (KEY_W + KEY_GAP)
            ky = y + (i // 3) * (KEY_H + KEY_GAP)
            if key == "delete":
                self.button("pin-delete", both("delete"), self.delete, card, kx, ky, KEY_W, KEY_H, px=28.0)
            elif key == "ok":
                self.button(
                    "pin-ok",
                    both("ok"),
                    self.submit,
                    card,
                    kx,
                    ky,
                    KEY_W,
                    KEY_H,
                    px=28.0,
                    fill=look.theme.signature,
                    outline=look.theme.signature,
                    text_colour=look.theme.ground,
                )
            else:
                self.button(f"pin-key-{key}", key, self._digit_action(key), card, kx, ky, KEY_W, KEY_H, px=46.0)
        y += grid_h + 22
        self.button("pin-cancel", both("cancel"), self.cancel, card, PAD, y, grid_w, cancel_h)
        self.refresh()

    def _digit_action(self, digit: str) -> Callable[[], None]:
        return lambda: self.press_digit(digit)

    # Actions -------------------------------------------------------------------------------------------------
    @property
    def message(self) -> str:
        """What the pad tells the operator now (the prompt, or why the PIN was not taken)."""
        return self.alert.text if self.alert.isVisible() else self.prompt.text

    def press_digit(self, digit: str) -> None:
        if self._guard.locked_for():
            self.refresh()
            return
        if self.entry.add(digit):
            self.dots.set_count(len(self.entry))

    def delete(self) -> None:
        self.entry.delete()
        self.dots.set_count(len(self.entry))

    def submit(self) -> None:
        verdict = self._guard.check(self.entry.take())
        self.dots.set_count(0)
        if verdict.outcome == "accepted":
            self._on_accepted()
        elif verdict.outcome == "wrong":
            key = "pin_wrong_one" if verdict.tries_left == 1 else "pin_wrong"
            self._say(both(key, "\n", n=verdict.tries_left))
        elif verdict.outcome == "locked":
            self._say(both("pin_locked", "\n", s=verdict.locked_s), locked=True)

    def cancel(self) -> None:
        self.entry.clear()
        self._on_cancel()

    def refresh(self) -> None:
        """The lock's countdown while it holds; the prompt again once it has ended."""
        locked = self._guard.locked_for()
        if locked:
            self.entry.clear()
            self.dots.set_count(0)
            self._say(both("pin_locked", "\n", s=locked), locked=True)
        elif self._locked_shown:
            self._say(None)

    def _say(self, alert: str | None, locked: bool = False) -> None:
        """Show ``alert`` in place of the prompt (None: the prompt again)."""
        self._locked_shown = locked
        self.alert.setVisible(alert is not None)
        self.prompt.setVisible(alert is None)
        if alert is not None:
            self.alert.set_text(alert)
