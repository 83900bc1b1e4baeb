"""A story in a pillar's carousel: an achievement card or a policy. Tap opens it in the detail sheet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Card, Pillar, Policy, art_name
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.exhibit.screens.story_art import SceneArt
from kiosk.qt.foundations.look import RADIUS, mix
from kiosk.qt.foundations.words import say
from kiosk.qt.widgets.surface import IconItem, Panel
from kiosk.qt.widgets.text_block import TextBlock, fit_text, widest_word

Story = Card | Policy


BADGE_HEIGHT = 48.0


def badge_height(ctx: PageContext) -> float:
    """A badge is one line of a label: as tall as its text is large."""
    return ctx.look.room(BADGE_HEIGHT)


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
    height = badge_height(ctx)
    width = min(max_width, badge_width(ctx, text))
    lines = 1
    if badge_width(ctx, text) > max_width and look.text_scale > 1.0:  # large text: a long one takes two lines
        lines, height = 2, height * 1.9
    pill = Panel(width, height, fill or look.theme.signature, min(height, badge_height(ctx)) / 2, parent)
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
        max_lines=lines,
        align="center",
        valign="center",
        line_height=1.1,
    )
    return pill


class StoryTile(Panel):
    press_feedback = True
    TITLE_H = 200.0  # four lines of a heading at most
    PICTURE_MIN = 136.0  # the least room below a row's words that takes the stories' pictures

    @staticmethod
    def width_for(ctx: PageContext, told: Sequence[Story]) -> float:
        """A tile's width in a row of ``told``: a column, or in large text, where a title has a word too long for
        a column even at the smallest size (Commercialisation), the width of fewer tiles across the grid."""
        look = ctx.look
        style = look.style("heading", px=look.type_scale[0], min_px=look.type_scale[0])
        needed = max((widest_word(s.title.get(ctx.language), ctx.typography, style) for s in told), default=0.0)
        for across in range(look.columns, 0, -1):
            width = (look.span(look.columns) - (across - 1) * look.gap) / across
            if width - 52 >= needed + 1:
                return width
        return look.span(look.columns)

    @staticmethod
    def row_title_px(ctx: PageContext, told: Sequence[Story], width: float, height: float) -> float:
        """One size for the titles of a row of tiles: the largest step at which every title fits its box."""
        look = ctx.look
        sizes = []
        for story in told:
            first = story.first.get(ctx.language) if isinstance(story, Card) and story.first else None
            below = first is not None and badge_width(ctx, first) > width - 52 - 64  # the badge takes a row
            box = min(look.room(StoryTile.TITLE_H), height - 26 * 2 - 64 - (badge_height(ctx) + 12 if below else 0.0))
            for px in sorted(look.type_scale[:2], reverse=True):
                style = look.style("heading", max_lines=4, px=px, min_px=px)
                if not fit_text(story.title.get(ctx.language), ctx.typography, style, width - 52, box).elided:
                    sizes.append(px)
                    break
            else:
                sizes.append(look.type_scale[0])
        return min(sizes, default=look.type_scale[1])

    def __init__(
        self,
        ctx: PageContext,
        pillar: Pillar,
        story: Story,
        index: int,
        width: float,
        height: float,
        title_px: float | None = None,
        parent: QGraphicsItem | None = None,
    ):
        look = ctx.look
        super().__init__(width, height, look.surface, RADIUS, parent, glow=mix(look.surface, pillar.accent, 0.1))
        self.name = f"story-{index}"
        self.index = index
        self._open = ctx.actions.open_story
        self.title_px = title_px
        lang = ctx.language
        pad = 26.0
        inner = width - 2 * pad
        icon_name = story.icon if isinstance(story, Card) else pillar.icon
        IconItem(ctx.icons, icon_name, 48, pillar.accent, self).setPos(pad, pad)
        first = story.first.get(lang) if isinstance(story, Card) and story.first else None
        y = pad + 48 + 16
        if first and badge_width(ctx, first) <= inner - 64:
            badge(ctx, first, self, pad + 64, pad, inner - 64, origin=f"{story.id}.first")
        else:
            label = say("policy" if isinstance(story, Policy) else "achievement", lang)
            ctx.text(
                label,
                "label",
                inner - 64,
                48,
                self,
                pad + 64,
                pad,
                origin="kind",
                colour=pillar.accent,
                valign="center",
                max_lines=1,
            )
            title_room = height - y - pad - badge_height(ctx) - 12
            title_fits = not fit_text(
                story.title.get(lang),
                ctx.typography,
                look.style("heading", max_lines=4, px=30, min_px=30),
                inner,
                title_room,
            ).elided
            if first and title_fits:  # a badge of its own row only where the title still fits (else on the sheet)
                pill = badge(ctx, first, self, pad, y - 4, inner, origin=f"{story.id}.first")
                y += pill.boundingRect().height() + 12
        chevron = 40.0  # bottom right; the text beside it stops short of it
        # The title, then the story's teaser — one complete line an editor wrote (the sheet shows it all); without
        # one, who did it. Nothing on a tile is ever cut short: a text that does not fit is left to the sheet.
        title = ctx.text(
            story.title.get(lang),
            "heading",
            inner,
            min(look.room(self.TITLE_H), height - y - pad),
            self,
            pad,
            y,
            origin=f"{story.id}.title",
            max_lines=4,
            px=title_px or 40.0,
            min_px=title_px or 30.0,
        )
        y += title.text_height() + 10
        text_w, bottom = inner - chevron - 8, height - pad
        teaser = story.teaser
        if teaser is not None:
            line, origin, colour = teaser.get(lang), f"{story.id}.teaser", look.theme.text
        elif isinstance(story, Card):
            line, origin, colour = story.organisation.get(lang), f"{story.id}.organisation", look.theme.muted
        else:
            line, origin, colour = "", "", look.theme.muted
        if line and bottom - y >= 40:
            probe = fit_text(line, ctx.typography, look.style("body"), text_w, bottom - y)
            if not probe.elided:
                block = ctx.text(line, "body", text_w, bottom - y, self, pad, y, origin=origin, colour=colour)
                y += block.text_height()
        self.free = height - pad - chevron - 8 - y  # the room the words leave (a row's pictures share it)
        # how far its words reach past its foot (large text gives a text the height it needs): the row grows by it
        self.overflow = max(
            (c.y() + c.boundingRect().height() - (height - pad) for c in self.childItems() if isinstance(c, TextBlock)),
            default=0.0,
        )
        IconItem(ctx.icons, "ui-chevron-right", chevron, pillar.accent, self).setPos(
            width - pad - chevron, height - pad - chevron
        )
        self._ctx, self._story, self._inner = ctx, story, inner

    @staticmethod
    def add_pictures(tiles: Sequence[StoryTile]) -> None:
        """On tiles taller than their words (a portrait screen's row), each story's picture across the top, all
        of one height, the words moved down under them: the tiles fill with what the sheets open on."""
        free = min((tile.free for tile in tiles), default=0.0)
        if free < StoryTile.PICTURE_MIN:
            return
        for tile in tiles:
            tile._picture(min(free - 16, tile._inner))

    def _picture(self, height: float) -> None:
        ctx = self._ctx
        renderer = ctx.art.renderer(art_name(self._story)) if ctx.art is not None else None
        if ctx.art is None or renderer is None:
            return
        chevron = self.childItems()[-1]
        shift = height + 16
        for child in self.childItems():
            if child is chevron:
                continue
            box = child.boundingRect()
            if isinstance(child, TextBlock) and child.y() + shift + box.height() > self.boundingRect().height() - 26:
                child.set_box(box.width(), child.text_height())  # a box down to the tile's foot ends at its text
            child.moveBy(0, shift)
        data = ctx.art.data(art_name(self._story))
        SceneArt(renderer, self._inner, height, RADIUS * 0.6, self, data=data).setPos(26.0, 26.0)

    def on_tap(self, point: QPointF) -> None:
        self._open(self.index)
