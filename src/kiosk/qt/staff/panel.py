"""The operator panel, over the exhibit: the content's status and errors, and Return / Reload / Touch test / Exit.

Landscape: the status on the left, the buttons in a column on the right. Portrait: the status above, the buttons
below. Exit asks once more before it acts. Under the content's status, the visitor summary: today's and this
week's sessions, the week's median time in use and its three most read stories.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGraphicsItem

from kiosk.analytics.summary import duration_text
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.staff.overlay import BUTTON_H, OperatorOverlay
from kiosk.qt.staff.words import both
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.text_block import TextBlock, fit_text
from kiosk.staff.content_status import ContentStatus, VisitorSummary

PAD = 48.0
BUTTONS_W = 520.0
ERROR_GAP = 12.0
LABEL_W = 320.0  # the status's names column


class OperatorPanel(OperatorOverlay):
    name = "operator-panel"

    def __init__(
        self,
        ctx: PageContext,
        status: ContentStatus,
        *,
        on_return: Callable[[], None],
        on_reload: Callable[[], None],
        on_touch_test: Callable[[], None],
        on_exit: Callable[[], None],
        timeout_s: float,
        visitors: VisitorSummary | None = None,
        parent: QGraphicsItem | None = None,
    ):
        super().__init__(ctx, opacity=0.95, parent=parent)
        self.visitors = visitors
        self._on_exit = on_exit
        self.confirming_exit = False
        look = ctx.look
        m = look.margin
        width, height = look.width - 2 * m, look.height - 2 * m
        self.sheet = self.card(width, height, m, m)
        ctx.text(
            both("panel_title"),
            "title",
            width - 2 * PAD,
            72,
            self.sheet,
            PAD,
            36,
            origin="panel_title",
            max_lines=1,
            valign="center",
            px=52.0,
        )
        ctx.text(
            both("panel_closes", s=round(timeout_s)),
            "label",
            width - 2 * PAD,
            46,
            self.sheet,
            PAD,
            110,
            origin="panel_closes",
            max_lines=1,
        )
        top = 180.0
        inner_w = width - 2 * PAD
        if look.portrait:
            buttons_w = inner_w
            buttons_h = 4 * BUTTON_H + 3 * look.gap
            buttons_x, buttons_y = PAD, height - PAD - buttons_h
            self._status_box = (PAD, top, inner_w, buttons_y - look.gap * 1.5 - top)
        else:
            buttons_w = BUTTONS_W
            buttons_x, buttons_y = width - PAD - buttons_w, top
            self._status_box = (PAD, top, inner_w - buttons_w - look.gap * 2, height - PAD - top)
        actions = [
            ("operator-return", "return", on_return),
            ("operator-reload", "reload", on_reload),
            ("operator-touch-test", "touch_test", on_touch_test),
        ]
        y = buttons_y
        for name, key, action in actions:
            self.button(name, both(key), action, self.sheet, buttons_x, y, buttons_w)
            y += BUTTON_H + look.gap
        self._exit_at = (buttons_x, y, buttons_w)
        self.exit_button = self._exit_button()
        self.status: Item | None = None
        self.error_blocks: list[TextBlock] = []
        self.more: TextBlock | None = None
        self.set_status(status)

    # Exit, confirmed once ---------------------------------------------------------------------------------------
    def _exit_button(self) -> Button:
        look = self.ctx.look
        x, y, width = self._exit_at
        if self.confirming_exit:
            return self.button(
                "operator-exit",
                both("exit_confirm"),
                self.exit,
                self.sheet,
                x,
                y,
                width,
                fill=look.theme.signature,
                outline=look.theme.signature,
                text_colour=look.theme.ground,
            )
        return self.button(
            "operator-exit", both("exit"), self.exit, self.sheet, x, y, width, outline=look.theme.signature
        )

    def exit(self) -> None:
        if self.confirming_exit:
            self._on_exit()
            return
        self.confirming_exit = True
        old = self.exit_button
        self.exit_button = self._exit_button()
        if old.scene() is not None:
            old.scene().removeItem(old)
        old.deleteLater()

    # Content status ------------------------------------------------------------------------------------------
    def set_status(self, status: ContentStatus) -> None:
        """Show ``status`` (after a reload, say) in place of what was shown."""
        if self.status is not None:
            if self.status.scene() is not None:
                self.status.scene().removeItem(self.status)
            self.status.deleteLater()
        x, y, width, height = self._status_box
        self.status = Item(self.sheet)
        self.status.setPos(x, y)
        self._fill_status(status, width, height)

    def _fill_status(self, status: ContentStatus, width: float, height: float) -> None:
        ctx, look, box = self.ctx, self.ctx.look, self.status
        assert box is not None
        rows = [
            ("source", status.source),
            ("version", status.version or both("no_version")),
            ("loaded_at", status.loaded_at),
        ]
        if status.pending:
            rows.append(("pending", status.pending))
        rows.extend(visitor_rows(self.visitors))
        y = 0.0
        value_x = LABEL_W + look.gap
        for key, value in rows:
            ctx.text(both(key), "label", LABEL_W, 46, box, 0, y, origin=f"status_{key}", max_lines=1)
            lines = 2 * (value.count("\n") + 1)  # each line of the value may wrap once (portrait)
            block = ctx.text(
                value,
                "body",
                width - value_x,
                44 * lines,
                box,
                value_x,
                y,
                origin=f"status_{key}_value",
                max_lines=lines,
                px=30.0,
            )
            y += max(46.0, block.text_height()) + look.gap * 0.5
        y += look.gap * 0.4
        errors = status.errors
        heading = both("errors") + f" ({len(errors)})" if errors else both("no_errors")
        ctx.text(
            heading,
            "heading",
            width,
            52,
            box,
            0,
            y,
            origin="status_errors",
            max_lines=1,
            colour=look.theme.signature if errors else look.theme.text,
        )
        y += 52 + look.gap * 0.6
        self.error_blocks, self.more = [], None
        more_h = 44.0
        style = look.style("label", look.theme.text, max_lines=2)
        for i, error in enumerate(errors):
            last = i == len(errors) - 1
            room = min(84.0, height - y - (0 if last else more_h + ERROR_GAP))
            if room < 40 or fit_text(error, ctx.typography, style, width, room).height > room + 0.5:
                break
            block = TextBlock(error, style, ctx.typography, width, room, box, origin="error")
            block.setPos(0, y)
            self.error_blocks.append(block)
            y += block.text_height() + ERROR_GAP
        hidden = len(errors) - len(self.error_blocks)
        if hidden:
            self.more = ctx.text(
                both("more_errors", n=hidden), "label", width, more_h, box, 0, y, origin="more_errors", max_lines=1
            )


def visitor_rows(visitors: VisitorSummary | None) -> list[tuple[str, str]]:
    """The visitor summary as the status's rows (name key, value)."""
    if visitors is None:
        return [("visitors", both("no_visitors"))]
    value = both(
        "visitors_value",
        separator="\n",
        today=visitors.sessions_today,
        week=visitors.sessions_week,
        median=duration_text(visitors.median_s, keep_together=True),
    )
    stories = "\n".join(f"{story.title_zh}\u00a0·\u00a0{story.reads}" for story in visitors.top_stories)
    return [("visitors", value), ("most_read", stories or both("none_read"))]
