"""Home: the title, the headline figures (数说), the four pillars as large tiles, the 2025 outlook."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import KeyNumber, Pillar
from kiosk.qt.exhibit.screens.base import Page, PageContext, build_access_buttons, build_control_row
from kiosk.qt.foundations.dates import full_date
from kiosk.qt.foundations.look import RADIUS, TARGET, Look, mix
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.surface import IconItem, Panel


class PillarTile(Panel):
    """A pillar on the home screen: icon, short title, headline number. Tap opens the pillar."""

    press_feedback = True

    def __init__(self, ctx: PageContext, pillar: Pillar, width: float, height: float, parent: QGraphicsItem):
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
        pad = 28.0
        inner = width - 2 * pad
        top = pad + 10.0
        icon = 60.0
        IconItem(ctx.icons, pillar.icon, icon, pillar.accent, self).setPos(pad, top + 4)
        title_h = 96.0
        ctx.text(
            pillar.short_title.get(lang),
            "heading",
            inner - icon - 18,
            title_h,
            self,
            pad + icon + 18,
            top,
            origin=f"{pillar.id}.short_title",
            max_lines=2,
            px=36.0,
            min_px=28.0,
            valign="center",
        )
        label_h = min(118.0, height - top - title_h - 12 - 76 - pad)
        number_h = height - top - title_h - 12 - label_h - pad
        self.number: CountingNumber | None = None
        if pillar.headline_number:
            number = ctx.content.number(pillar.headline_number)
            self.number = CountingNumber(
                number, lang, ctx.typography, inner, number_h, look.theme.number, min(96.0, number_h * 0.95), self
            )
            self.number.setPos(pad, top + title_h + 12)
            ctx.text(
                number.label.get(lang),
                "label",
                inner,
                label_h,
                self,
                pad,
                height - pad - label_h,
                origin=f"{number.id}.label",
                max_lines=3,
                line_height=1.3,
            )

    def on_tap(self, point: QPointF) -> None:
        self._open(self.pillar_id)


def _tint(accent: str, look: Look) -> QColor:
    return mix(look.surface, accent, 0.16)


class HomePage(Page):
    name = "home"

    def __init__(self, ctx: PageContext, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        look, lang, exhibit = ctx.look, ctx.language, ctx.content.exhibit
        m, gap, w, h = look.margin, look.gap, look.width, look.height
        top = m * 0.85
        switch_right = w - m
        if ctx.control_row_y is not None:  # reach mode: the language switch goes to the row along the bottom
            build_control_row(self, back=False, home=False)
        else:
            if len(exhibit.languages) > 1:
                switch = LanguageSwitch(exhibit.languages, lang, ctx.actions.set_language, look, ctx.typography, self)
                switch_right -= switch.boundingRect().width()
                switch.setPos(switch_right, top)
            switch_right = build_access_buttons(ctx, self, switch_right - gap, top) + gap
        # Title block: a kapok-red mark, the title and the subtitle.
        mark = Panel(10, 96, look.theme.signature, 5, self)
        mark.setPos(m, top + 4)
        title_x = m + 36
        title_w = (switch_right - gap - title_x) if not look.portrait else (w - m - title_x)
        title_y = top if not look.portrait else top + TARGET + gap
        if look.portrait:
            mark.setPos(m, title_y + 4)
        title = ctx.text(
            exhibit.title.get(lang),
            "title",
            title_w,
            130,
            self,
            title_x,
            title_y,
            origin="exhibit.title",
            max_lines=2,
            px=52.0,
        )
        sub_y = title_y + title.text_height() + 8
        ctx.text(
            exhibit.subtitle.get(lang),
            "subheading",
            title_w,
            48,
            self,
            title_x,
            sub_y,
            origin="exhibit.subtitle",
            max_lines=1,
            px=32.0,
        )
        y = sub_y + 48 + gap * 1.3

        # 数说: the headline figures.
        figures = ctx.content.headline_numbers()
        columns = 3 if look.portrait else max(1, len(figures))
        rows = -(-len(figures) // columns)
        cell_w = (w - 2 * m) / columns
        figure_h = 92.0
        label_h = 155.0 if look.portrait else 118.0
        self.numbers: list[CountingNumber] = []
        self.figures: list[QGraphicsItem] = []
        for i, number in enumerate(figures):
            cell = self._figure(number, cell_w - gap, figure_h, label_h)
            cell.setPos(m + (i % columns) * cell_w, y + (i // columns) * (figure_h + label_h + gap))
        y += rows * (figure_h + label_h + gap)

        # The pillars, then the outlook and the article credit along the bottom.
        footer_h = TARGET
        pillars = sorted(ctx.content.pillars, key=lambda p: p.order)
        tile_cols = 2 if look.portrait else max(1, len(pillars))
        tile_rows = -(-len(pillars) // tile_cols)
        tile_w = (w - 2 * m - gap * (tile_cols - 1)) / tile_cols
        tile_h = (h - m - footer_h - gap - y - gap * (tile_rows - 1)) / tile_rows
        self.tiles: list[PillarTile] = []
        for i, pillar in enumerate(pillars):
            tile = PillarTile(ctx, pillar, tile_w, tile_h, self)
            tile.setPos(m + (i % tile_cols) * (tile_w + gap), y + (i // tile_cols) * (tile_h + gap))
            self.tiles.append(tile)
        footer_y = h - m - footer_h
        outlook_w = 520.0 if not look.portrait else 500.0
        ctx.button(
            "outlook",
            ctx.actions.open_outlook,
            self,
            w - m - outlook_w,
            footer_y,
            icon="rocket",
            label=ctx.content.outlook.title.get(lang),
            width=outlook_w,
        )
        article = exhibit.article
        credit = f"{article.publisher.get(lang)} · {full_date(article.date, lang)}"
        ctx.text(
            credit,
            "label",
            w - 2 * m - outlook_w - gap,
            footer_h,
            self,
            m,
            footer_y,
            origin="exhibit.article",
            valign="center",
            max_lines=2,
        )

    def _figure(self, number: KeyNumber, width: float, figure_h: float, label_h: float) -> QGraphicsItem:
        ctx = self.ctx
        holder = Panel(width, figure_h + label_h, "#00000000", 0, self)
        counter = CountingNumber(
            number, ctx.language, ctx.typography, width, figure_h, ctx.look.theme.number, figure_h * 0.9, holder
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
            max_lines=4,
            line_height=1.3,
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
