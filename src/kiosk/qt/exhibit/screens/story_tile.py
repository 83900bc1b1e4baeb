"""A story in a pillar's carousel: an achievement card or a policy. Tap opens it in the detail sheet."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Card, Pillar, Policy
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.look import RADIUS, mix
from kiosk.qt.foundations.words import say
from kiosk.qt.widgets.surface import IconItem, Panel

Story = Card | Policy


BADGE_HEIGHT = 48.0


def badge_width(ctx: PageContext, text: str) -> float:
    style = ctx.look.style("label", bold=True)
    return QFontMetricsF(ctx.typography.font(style.px, True, style.language)).horizontalAdvance(text) + 40


def badge(
    ctx: PageContext,
    text: str,
    parent: QGraphicsItem,
    x: float,
    y: float,
    max_width: float,
    origin: str = "badge",
    fill: str | None = None,
) -> Panel:
    """A small filled label (e.g. 全球首个 / World first) on the kapok-red signature colour."""
    look = ctx.look
    height = BADGE_HEIGHT
    width = min(max_width, badge_width(ctx, text))
    pill = Panel(width, height, fill or look.theme.signature, height / 2, parent)
    pill.setPos(x, y)
    ctx.text(
        text,
        "label",
        width - 24,
        height,
        pill,
        12,
        0,
        origin=origin,
        colour=look.theme.ground,
        bold=True,
        max_lines=1,
        align="center",
        valign="center",
    )
    return pill


class StoryTile(Panel):
    press_feedback = True

    def __init__(
        self,
        ctx: PageContext,
        pillar: Pillar,
        story: Story,
        index: int,
        width: float,
        height: float,
        parent: QGraphicsItem | None = None,
    ):
        look = ctx.look
        super().__init__(width, height, look.surface, RADIUS, parent, glow=mix(look.surface, pillar.accent, 0.1))
        self.name = f"story-{index}"
        self.index = index
        self._open = ctx.actions.open_story
        lang = ctx.language
        pad = 28.0
        inner = width - 2 * pad
        icon_name = story.icon if isinstance(story, Card) else pillar.icon
        IconItem(ctx.icons, icon_name, 56, pillar.accent, self).setPos(pad, pad + 4)
        first = story.first.get(lang) if isinstance(story, Card) and story.first else None
        y = pad + 64 + 20
        if first and badge_width(ctx, first) <= inner - 72:
            badge(ctx, first, self, pad + 72, pad + 8, inner - 72, origin=f"{story.id}.first")
        else:
            label = say("policy" if isinstance(story, Policy) else "achievement", lang)
            ctx.text(
                label,
                "label",
                inner - 72,
                64,
                self,
                pad + 72,
                pad,
                origin="kind",
                colour=pillar.accent,
                valign="center",
                max_lines=1,
            )
            if first:
                badge(ctx, first, self, pad, y - 8, inner, origin=f"{story.id}.first")
                y += BADGE_HEIGHT + 10
        chevron = 40.0  # bottom right; the text beside it stops short of it
        org_min = 42.0  # at least one line of who did it
        title_h = min(190.0, height - y - pad - org_min - 14)
        title = ctx.text(
            story.title.get(lang),
            "heading",
            inner,
            title_h,
            self,
            pad,
            y,
            origin=f"{story.id}.title",
            max_lines=4,
            px=34.0,
            min_px=28.0,
            line_height=1.18,
        )
        y += title.text_height() + 14
        # Below the title, previews (in full on the sheet): who did it and what, or the policy's text.
        text_w, bottom = inner - chevron - 8, height - pad
        if isinstance(story, Card):
            org = ctx.text(
                story.organisation.get(lang),
                "label",
                text_w,
                min(80.0, bottom - y),
                self,
                pad,
                y,
                origin=f"{story.id}.organisation",
                line_height=1.3,
                preview=True,
            )
            y += org.text_height() + 12
            if bottom - y >= 80:
                ctx.text(
                    story.achievement.get(lang),
                    "label",
                    text_w,
                    bottom - y,
                    self,
                    pad,
                    y,
                    origin=f"{story.id}.achievement",
                    line_height=1.3,
                    preview=True,
                    colour=look.theme.text,
                )
        else:
            ctx.text(
                story.text.get(lang),
                "label",
                text_w,
                bottom - y,
                self,
                pad,
                y,
                origin=f"{story.id}.text",
                line_height=1.3,
                preview=True,
            )
        IconItem(ctx.icons, "ui-chevron-right", chevron, pillar.accent, self).setPos(
            width - pad - chevron, height - pad - chevron
        )

    def on_tap(self, point: QPointF) -> None:
        self._open(self.index)
