"""The attract loop's invitation: 触摸屏幕 开始探索 / Touch to explore, in every language the exhibit offers, in a
pill along the bottom. The hand and the lines are centred in the pill as one unit; the pill breathes slowly.
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import QGraphicsItem

from kiosk.qt.exhibit.attract.layout import PROMPT_GAP, PROMPT_H
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix
from kiosk.qt.widgets.surface import IconItem, Panel
from kiosk.qt.widgets.text_block import TextBlock

BREATH_S = 3.2  # one breath of the pill: 0.31 Hz, far below anything that flashes
SLOW_BREATH_S = 6.4  # with reduced motion
BREATH_STEP = 0.005  # of opacity: the breath in 40 steps each way
ICON = 80.0
ICON_GAP = 30.0
PAD = 64.0


def natural_width(block: TextBlock) -> float:
    """How wide ``block``'s longest line really is (the box may be wider)."""
    layout = block.fitted.layout
    return max((layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())), default=0.0)


class Prompt(Item):
    """The pill with the hand and the invitation; :meth:`breathe` sets its glow for a time."""

    def __init__(self, ctx: PageContext, parent: QGraphicsItem):
        super().__init__(parent)
        look, exhibit = ctx.look, ctx.content.exhibit
        languages = [ctx.language, *(lang for lang in exhibit.languages if lang != ctx.language)]
        lines = [exhibit.attract_prompt.get(lang) for lang in languages]
        if len(lines) > 1 and lines[1] == lines[0]:
            lines, languages = lines[:1], languages[:1]
        limit = look.width - 2 * look.margin - PAD * 2 - ICON - ICON_GAP
        self.lines: list[TextBlock] = []
        heights = (60.0, 46.0) if len(lines) > 1 else (66.0,)
        for k, (text, lang) in enumerate(zip(lines, languages, strict=False)):
            role, px = ("title", 50.0) if k == 0 else ("subheading", 34.0)
            block = TextBlock(
                text,
                look.style(role, look.theme.text if k == 0 else None, px=px, max_lines=1, language=lang),
                ctx.typography,
                limit,
                heights[k],
                None,
                origin="exhibit.attract_prompt",
            )
            self.lines.append(block)
        text_w = max(natural_width(b) for b in self.lines)
        width = PAD * 2 + ICON + ICON_GAP + text_w
        self.pill = Panel(
            width,
            PROMPT_H,
            mix(look.theme.ground, look.theme.signature, 0.2),
            PROMPT_H / 2,
            self,
            outline=mix(look.theme.ground, look.theme.signature, 0.75),
        )
        self.setPos((look.width - width) / 2, look.height - PROMPT_GAP - PROMPT_H)
        self.hand = IconItem(ctx.icons, "ui-touch", ICON, look.theme.text, self.pill)
        self.hand.setPos(PAD, (PROMPT_H - ICON) / 2)
        total_h = sum(b.text_height() for b in self.lines)
        y = (PROMPT_H - total_h) / 2
        x = PAD + ICON + ICON_GAP
        for block in self.lines:
            block.setParentItem(self.pill)
            block.set_box(text_w + 2, block.text_height())
            block.setPos(x, y)
            y += block.text_height()
        self.unit_width = ICON + ICON_GAP + text_w  # hand and lines: what is centred

    def breathe(self, elapsed_s: float, slow: bool) -> None:
        """The pill at ``elapsed_s``: its opacity swells and settles between 0.8 and 1."""
        period = SLOW_BREATH_S if slow else BREATH_S
        opacity = round((0.9 + 0.1 * math.cos(2 * math.pi * elapsed_s / period)) / BREATH_STEP) * BREATH_STEP
        if opacity != self.pill.opacity():  # in steps too small to see: drawn again some 25 times a second, not 60
            self.pill.setOpacity(opacity)
