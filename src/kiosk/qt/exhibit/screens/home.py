"""Home: the title, the headline figures (数说), the four pillars as large tiles, the 2025 outlook."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Content, KeyNumber, Pillar
from kiosk.qt.exhibit.screens.base import (
    Page,
    PageContext,
    access_buttons_width,
    build_access_buttons,
    build_control_row,
)
from kiosk.qt.foundations.dates import full_date
from kiosk.qt.foundations.look import RADIUS, TARGET, Look, mix
from kiosk.qt.foundations.words import credit
from kiosk.qt.widgets.carousel import Carousel
from kiosk.qt.widgets.counting_number import CountingNumber, Words, figure_room, hero_row, row_px
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.surface import IconItem, Panel
from kiosk.qt.widgets.text_block import fit_text


class PillarTile(Panel):
    """A pillar on the home screen: icon, short title, its hero number and what it counts. Tap opens the pillar.

    ``hero_px`` is the row's shared size for the hero numbers (:func:`row_px`), so the four tiles match."""

    press_feedback = True
    PAD = 18.0
    TITLE_H = 108.0  # at most two lines of a heading; the tiles share one title box

    def __init__(
        self,
        ctx: PageContext,
        pillar: Pillar,
        width: float,
        height: float,
        parent: QGraphicsItem,
        hero_px: float,
        label_h: float,
        title_h: float,
        words: Words = "beside",
    ):
        look = ctx.look
        super().__init__(
            width,
            height,
            look.surface,
            RADIUS,
            parent,
            accent=pillar.accent,
            band=10.0,
            glow=_tint(pillar.accent, look),
        )
        self.name = f"pillar-{pillar.id}"
        self.pillar_id = pillar.id
        self._open = ctx.actions.open_pillar
        lang = ctx.language
        pad = self.PAD
        inner = width - 2 * pad
        top = pad + 10.0
        icon = 48.0
        IconItem(ctx.icons, pillar.icon, icon, pillar.accent, self).setPos(pad, top + 2)
        ctx.text(
            pillar.short_title.get(lang),
            "heading",
            inner - icon - 14,
            title_h,
            self,
            pad + icon + 14,
            top,
            origin=f"{pillar.id}.short_title",
            max_lines=2,
            min_px=40.0,
        )
        self.number: CountingNumber | None = None
        if pillar.headline_number:
            number = ctx.content.number(pillar.headline_number)
            number_y = top + title_h
            number_h = height - number_y - label_h - pad
            self.number = CountingNumber(
                number,
                lang,
                ctx.typography,
                inner,
                number_h,
                look.theme.number,
                hero_px,
                self,
                px=hero_px,
                hero=True,
                words=words,
                steps=look.type_scale,
            )
            self.number.setPos(pad, number_y)
            ctx.text(
                number.label.get(lang),
                "label",
                inner,
                label_h,
                self,
                pad,
                height - pad - label_h,
                origin=f"{number.id}.label",
                max_lines=2,
                valign="bottom",
            )

    def on_tap(self, point: QPointF) -> None:
        self._open(self.pillar_id)


def _tint(accent: str, look: Look) -> QColor:
    return mix(look.surface, accent, 0.16)


def _labels_height(ctx: PageContext, numbers: list[KeyNumber], width: float, least: float) -> float:
    """One box height for the labels of a row of figures: ``least``, or in large text what the longest needs."""
    if ctx.look.text_scale <= 1.0:
        return least
    style = ctx.look.style("label", max_lines=2)
    needed = (fit_text(n.label.get(ctx.language), ctx.typography, style, width, 1e4).height for n in numbers)
    return max([ctx.look.room(least), *(h + 4 for h in needed)])


def ribbon_numbers(content: Content) -> list[KeyNumber]:
    """The 数说 figures the ribbon shows: those a pillar tile does not already show (each figure once a screen)."""
    on_tiles = {p.headline_number for p in content.pillars if p.headline_number}
    return [n for n in content.headline_numbers() if n.id not in on_tiles]


class HomePage(Page):
    """On the screen's column grid: the title and the introduction, the 数说 figures, the four pillars."""

    name = "home"

    def _outlook_icon(self, label: str, width: float, height: float) -> str | None:
        """The Outlook button's symbol, or none where its words would not fit beside it (one row of controls in
        reach mode on a narrow screen: the words then take the whole button)."""
        look = self.ctx.look
        icon_w = height / 2 + min(height * 0.46, 56.0) * 1.5  # the button's pads and symbol (widgets.button)
        style = look.style("button", max_lines=look.lines(2), line_height=1.12)
        beside = fit_text(label, self.ctx.typography, style, width - icon_w - height * 0.27, height)
        return None if beside.elided and self.ctx.control_row_y is not None else "rocket"

    def __init__(self, ctx: PageContext, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        look, lang, exhibit = ctx.look, ctx.language, ctx.content.exhibit
        m, gap, w, h = look.margin, look.gap, look.width, ctx.canvas_height
        top = m * 0.65
        cols = look.columns
        switch_right = w - m
        switch_x = w - m + gap  # reach mode: where the control row's language switch starts (Outlook ends before it)
        if ctx.control_row_y is not None:  # reach mode: the language switch goes to the row along the bottom
            build_control_row(self, back=False, home=False)
            if ctx.control_rows == 1:
                switches = [item.x() for item in self.childItems() if isinstance(item, LanguageSwitch)]
                switch_x = min(switches, default=switch_x)
        else:
            if len(exhibit.languages) > 1:
                switch = LanguageSwitch(exhibit.languages, lang, ctx.actions.set_language, look, ctx.typography, self)
                switch_right -= switch.boundingRect().width()
                switch.setPos(switch_right, top)
                self.pin(switch)
            switch_right = build_access_buttons(ctx, self, switch_right - gap, top) + gap
        # The title block: a kapok-red mark, the title and the subtitle, beside the switch and the access buttons.
        title_y = top if not look.portrait else top + TARGET + gap
        title_x = m + 36
        title_w = min(look.span(cols - 1), switch_right - gap - m) - 36 if not look.portrait else look.span(cols) - 36
        title = ctx.text(
            exhibit.title.get(lang), "title", title_w, 140, self, title_x, title_y, origin="exhibit.title", max_lines=2
        )
        sub_y = title_y + title.text_height() + 8
        subtitle = ctx.text(
            exhibit.subtitle.get(lang),
            "subheading",
            title_w,
            84,
            self,
            title_x,
            sub_y,
            origin="exhibit.subtitle",
            max_lines=2,
        )
        mark_h = sub_y + subtitle.text_height() - title_y - 8
        Panel(10, mark_h, look.theme.signature, 5, self).setPos(m, title_y + 6)
        y = sub_y + subtitle.text_height() + gap

        # The introduction (cols 1–3 in landscape, full width in portrait); the article and Outlook beside it.
        intro_w = look.span(cols - 1) if not look.portrait else look.span(cols)
        side_x = look.column_x(cols - 1)
        intro_h = 0.0
        if exhibit.intro is not None:
            intro = ctx.text(
                exhibit.intro.get(lang),
                "body",
                intro_w,
                340,
                self,
                m,
                y,
                origin="exhibit.intro",
                colour=look.theme.muted,
            )
            intro_h = intro.text_height()
        article = exhibit.article
        credit_line = credit("credit", lang, article.publisher.get(lang), full_date(article.date, lang))
        # The credit under the introduction; Outlook beside the introduction in the last column (landscape) or
        # beside the credit (portrait); in reach mode, in the row of controls along the bottom.
        credit_at = (m, y + intro_h + (gap if look.portrait else 8))
        credit_block = ctx.text(
            credit_line,
            "label",
            look.column if look.portrait and ctx.control_rows == 1 else intro_w,  # two rows: Outlook is not beside it
            92,
            self,
            *credit_at,
            origin="exhibit.article",
            max_lines=2,
        )
        outlook_w = look.column
        outlook_h = max(TARGET, look.room(TARGET * 1.1))  # large text: room for three lines
        if ctx.control_row_y is not None and ctx.nav_row_y is not None:
            # in the row of controls, before the language switch: after the accessibility buttons, or (two rows)
            # on the lower row, where it has the width for its words on one line
            x = m if ctx.control_rows > 1 else m + access_buttons_width(ctx)
            outlook_at = (x, ctx.nav_row_y)
            outlook_w = (
                switch_x - gap - x if ctx.control_rows > 1 or look.portrait else min(look.column, switch_x - gap - x)
            )
            outlook_h = TARGET
        elif look.portrait:
            outlook_at = (side_x, credit_at[1])
        else:
            outlook_at = (side_x, y)
        label = ctx.content.outlook.title.get(lang)
        outlook = ctx.button(
            "outlook",
            ctx.actions.open_outlook,
            self,
            *outlook_at,
            icon=self._outlook_icon(label, outlook_w, outlook_h),
            label=label,
            width=outlook_w,
            height=outlook_h,
        )
        below = [credit_at[1] + credit_block.text_height()]
        if ctx.control_row_y is None:
            below.append(outlook_at[1] + outlook_h)
        else:
            self.pin(outlook)  # in the row of controls
        y = max(below) + gap

        # 数说: the headline figures, one per column, sharing one size.
        figures = ribbon_numbers(ctx.content)
        fig_cols = min(cols if not look.portrait else 2, max(1, len(figures))) if figures else 1
        fig_w = (look.span(cols) - (fig_cols - 1) * gap) / fig_cols if figures else 0.0
        figure_h = look.room(64.0)
        label_h = _labels_height(ctx, figures, fig_w, 88.0)
        fig_px = row_px(figures, lang, ctx.typography, fig_w, figure_h, 72.0, look.type_scale)
        self.numbers: list[CountingNumber] = []
        self.figures: list[QGraphicsItem] = []
        rows = -(-len(figures) // fig_cols) if figures else 0
        ribbon_h = rows * (figure_h + label_h + gap)
        if ctx.reach_line is not None and y + ribbon_h < ctx.reach_line:  # reach mode: the room above the tiles'
            y += (ctx.reach_line - y - ribbon_h) / 2  # row shared above and below the figures (no empty band)
        for i, number in enumerate(figures):
            cell = self._figure(number, fig_w, figure_h, label_h, fig_px)
            cell.setPos(m + (i % fig_cols) * (fig_w + gap), y + (i // fig_cols) * (figure_h + label_h + gap))
        y += ribbon_h

        # The pillars on the same columns, their hero numbers sharing one size.
        pillars = sorted(ctx.content.pillars, key=lambda p: p.order)
        tile_cols = cols
        tile_rows = -(-len(pillars) // tile_cols)
        row: Carousel[PillarTile] | None = None
        in_row = ctx.reach_line is not None and y < ctx.reach_line and tile_rows > 1
        if in_row:  # reach mode: the tiles in one row from the reach line, the next one showing at the edge (drag it)
            assert ctx.reach_line is not None
            y, tile_cols, tile_rows = ctx.reach_line, len(pillars), 1
        tile_w = look.column
        tile_h = (h - top - y - gap * (tile_rows - 1)) / tile_rows
        heroes = [ctx.content.number(p.headline_number) for p in pillars if p.headline_number]
        tile_label_h = _labels_height(ctx, heroes, tile_w - 2 * PillarTile.PAD, 86.0)  # two lines of a label
        # The titles share one box, as tall as the longest needs (up to two lines).
        title_style = look.style("heading", max_lines=2)
        title_w = tile_w - 2 * PillarTile.PAD - 48 - 14
        title_h = (
            max(
                fit_text(
                    p.short_title.get(lang), ctx.typography, title_style, title_w, look.room(PillarTile.TITLE_H)
                ).height
                for p in pillars
            )
            + 12
        )
        hero_box_h = tile_h - PillarTile.PAD * 2 - 10 - title_h - tile_label_h
        hero_px, words = hero_row(
            heroes, lang, ctx.typography, tile_w - 2 * PillarTile.PAD, hero_box_h, look.hero_px, look.type_scale
        )
        grow = figure_room(ctx.typography, lang, look.hero_px[0]) - hero_box_h
        if ctx.page_height is not None and hero_px < look.hero_px[0] - 0.5 and grow > 0:
            # large text: the tiles grow to what a hero number needs (the screen scrolls) rather than being laid
            # out again on a taller canvas
            tile_h, hero_box_h = tile_h + grow, hero_box_h + grow
            hero_px, words = hero_row(
                heroes, lang, ctx.typography, tile_w - 2 * PillarTile.PAD, hero_box_h, look.hero_px, look.type_scale
            )
        if in_row:
            row = Carousel(
                look.span(cols), tile_h, look.column, gap, ctx.ticker, look.theme.text, look.hairline, self,
                name="pillars", bleed=m,
            )  # fmt: skip
            row.setPos(m, y)
        self.tiles: list[PillarTile] = []
        for i, pillar in enumerate(pillars):
            tile = PillarTile(ctx, pillar, tile_w, tile_h, self, hero_px, tile_label_h, title_h, words)
            if row is not None:
                row.add(tile)
            else:
                tile.setPos(look.column_x(i % tile_cols), y + (i // tile_cols) * (tile_h + gap))
            self.tiles.append(tile)
        if row is not None:
            row.finish()

    def _figure(self, number: KeyNumber, width: float, figure_h: float, label_h: float, px: float) -> QGraphicsItem:
        ctx = self.ctx
        holder = Panel(width, figure_h + label_h, "#00000000", 0, self)
        counter = CountingNumber(
            number,
            ctx.language,
            ctx.typography,
            width,
            figure_h,
            ctx.look.theme.number,
            px,
            holder,
            px=px,
            steps=ctx.look.type_scale,
        )
        ctx.text(
            number.label.get(ctx.language),
            "label",
            width,
            label_h,
            holder,
            0,
            figure_h,
            origin=f"{number.id}.label",
            max_lines=2,
        )
        self.numbers.append(counter)
        self.figures.append(holder)
        return holder

    def enter(self) -> None:
        ctx = self.ctx
        for i, counter in enumerate(self.numbers):
            counter.start(ctx.ticker, self, delay_s=0.1 + 0.08 * i, reduced_motion=ctx.reduced_motion)
        for i, tile in enumerate(self.tiles):
            if tile.number is not None:
                tile.number.start(ctx.ticker, self, delay_s=0.35 + 0.08 * i, reduced_motion=ctx.reduced_motion)
        self.stagger_in(list(self.tiles), delay_s=0.15)
