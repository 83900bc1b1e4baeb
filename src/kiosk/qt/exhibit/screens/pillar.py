"""A pillar: its lead, its key numbers, its stories (cards and policies) and its charts, with Back and Home."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Chart, Pillar
from kiosk.exhibit.navigation import stories
from kiosk.qt.exhibit.screens.base import Page, PageContext, build_header
from kiosk.qt.exhibit.screens.story_tile import StoryTile
from kiosk.qt.foundations.look import RADIUS, mix
from kiosk.qt.widgets.carousel import Carousel, TileT
from kiosk.qt.widgets.number_tile import NumberTile
from kiosk.qt.widgets.surface import Panel


class ChartPanel(Panel):
    """One chart on a panel, with its title; the chart grows when :meth:`grow` runs."""

    def __init__(
        self,
        ctx: PageContext,
        pillar: Pillar,
        chart: Chart,
        width: float,
        height: float,
        parent: QGraphicsItem | None = None,
    ):
        look = ctx.look
        super().__init__(width, height, look.surface, RADIUS, parent)
        from kiosk.qt.exhibit.charts.chart import (
            ChartGraphic,
            ChartStyle,
        )  # pyqtgraph is imported only when a chart is shown

        self.name = f"chart-{chart.id}"
        pad = 28.0
        title = ctx.text(
            chart.title.get(ctx.language),
            "heading",
            width - 2 * pad,
            84,
            self,
            pad,
            pad * 0.8,
            origin=f"{chart.id}.title",
            px=30.0,
            min_px=28.0,
            max_lines=2,
            line_height=1.15,
        )
        top = pad * 0.8 + title.text_height() + 12
        box_h = height - top - pad
        scale = look.text_scale  # large text: the chart's words grow with the rest
        style = ChartStyle(
            language=ctx.language,
            theme=look.theme,
            accent=pillar.accent,
            label_px=30.0 * scale,
            value_px=(46.0 if box_h >= 300 else 40.0) * scale,
            min_px=28.0 * scale,
        )
        self.graphic = ChartGraphic(chart, style, ctx.typography, width - 2 * pad, box_h, self)
        self.graphic.setPos(pad, top)

    def grow(self, ctx: PageContext, owner: object, delay_s: float) -> None:
        if ctx.reduced_motion:
            self.graphic.set_progress(1.0)
            return
        self.graphic.set_progress(0.0)
        ctx.ticker.tween(owner, 1.2, self.graphic.set_progress, delay_s=delay_s)


class PillarPageView(Page):
    name = "pillar"

    def __init__(self, ctx: PageContext, pillar: Pillar, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        self.pillar = pillar
        self.name = f"pillar-{pillar.id}"
        look, lang = ctx.look, ctx.language
        m, gap, w, h = look.margin, look.gap, look.width, look.height
        y = build_header(
            self, pillar.title.get(lang), origin=f"{pillar.id}.title", accent=pillar.accent, icon=pillar.icon
        )
        dots_dim = mix(look.theme.ground, "#FFFFFF", 0.25)
        content_w = w - 2 * m
        charts = list(pillar.charts)
        if look.portrait:
            number_w = (content_w - gap) / 2
            lead_w, numbers_w = content_w, content_w
        else:
            number_w = (content_w * 0.54 - gap) / 2
            shown = min(2, len(pillar.numbers))
            numbers_w = shown * number_w + max(0, shown - 1) * gap
            lead_w = content_w - numbers_w - (gap * 1.5 if shown else 0.0)
        stories_min = 380.0 if not look.portrait else 440.0
        fixed_below = (350.0 + gap if look.portrait and pillar.numbers else 0.0) + (
            430.0 + gap if look.portrait and charts else 0.0
        )
        lead_max = h - m - y - gap - stories_min - fixed_below
        tagline = ctx.text(
            pillar.tagline.get(lang),
            "subheading",
            lead_w,
            100,
            self,
            m,
            y,
            origin=f"{pillar.id}.tagline",
            colour=pillar.accent,
            max_lines=2,
            bold=True,
        )
        lead_y = y + tagline.text_height() + 14
        lead = ctx.text(
            pillar.lead.get(lang),
            "body",
            lead_w,
            lead_max - (lead_y - y),
            self,
            m,
            lead_y,
            origin=f"{pillar.id}.lead",
            px=30.0,
            line_height=1.32,
        )
        row_h = max(362.0, lead_y - y + lead.text_height()) if not look.portrait else lead_y - y + lead.text_height()
        if look.portrait:
            numbers_box = (m, y + row_h + gap, content_w, 350.0)
            below = numbers_box[1] + (numbers_box[3] + gap if pillar.numbers else 0.0)
            chart_box = (m, below, content_w, 430.0)
            story_top = below + (430.0 + gap if charts else 0.0)
            stories_box = (m, story_top, content_w, h - m - story_top)
            story_w = (content_w - gap) / 2
        else:
            numbers_box = (m + lead_w + gap * 1.5, y, numbers_w, row_h)
            below = y + row_h + gap
            chart_w = content_w * 0.38 if charts else 0.0
            stories_box = (m, below, content_w - (chart_w + gap if charts else 0.0), h - m - below)
            chart_box = (m + content_w - chart_w, below, chart_w, h - m - below)
            story_w = (stories_box[2] - gap) / 2 if charts else (content_w - 3 * gap) / 4

        self.numbers: Carousel[NumberTile] = self._carousel("numbers", numbers_box, number_w, dots_dim)
        for number in pillar.numbers:
            self.numbers.add(
                NumberTile(number, look, ctx.typography, number_w, self.numbers.tile_height, pillar.accent)
            )
        self.numbers.finish()

        self.stories: Carousel[StoryTile] = self._carousel("stories", stories_box, story_w, dots_dim)
        tile_h = self.stories.tile_height
        for index, story in enumerate(stories(pillar)):
            self.stories.add(StoryTile(ctx, pillar, story, index, story_w, tile_h))
        self.stories.finish()

        self.charts: Carousel[ChartPanel] | None = None
        if charts:
            self.charts = self._carousel("charts", chart_box, chart_box[2], dots_dim)
            chart_h = self.charts.tile_height
            for chart in charts:
                self.charts.add(ChartPanel(ctx, pillar, chart, chart_box[2], chart_h))
            self.charts.finish()

    def _carousel(
        self, name: str, box: tuple[float, float, float, float], tile_w: float, dim: QColor
    ) -> Carousel[TileT]:
        x, y, width, height = box
        carousel: Carousel[TileT] = Carousel(
            width, height, tile_w, self.ctx.look.gap, self.ctx.ticker, self.pillar.accent, dim, self, name=name
        )
        carousel.setPos(x, y)
        return carousel

    def enter(self) -> None:
        ctx = self.ctx
        for i, tile in enumerate(self.numbers.items):
            tile.counter.start(ctx.ticker, self, delay_s=0.15 + 0.1 * i, reduced_motion=ctx.reduced_motion)
        self.stagger_in(self.numbers.items[: self.numbers.visible_count], delay_s=0.05)
        self.stagger_in(self.stories.items[: self.stories.visible_count], delay_s=0.25)
        if self.charts is not None:
            for panel in self.charts.items:
                panel.grow(ctx, self, 0.45)
