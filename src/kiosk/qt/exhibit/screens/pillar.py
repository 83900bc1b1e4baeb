"""A pillar: its lead, its key numbers, its stories (cards and policies) and its charts, with Back and Home."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Chart, KeyNumber, Pillar
from kiosk.content.number_format import format_number
from kiosk.exhibit.navigation import stories
from kiosk.qt.exhibit.screens.base import Page, PageContext, build_header
from kiosk.qt.exhibit.screens.story_tile import StoryTile
from kiosk.qt.foundations.item import unparent
from kiosk.qt.foundations.look import DEAD_BAND, RADIUS, mix
from kiosk.qt.widgets.carousel import Carousel, TileT
from kiosk.qt.widgets.counting_number import CountingNumber, Words, hero_row, row_px, stackable
from kiosk.qt.widgets.number_tile import NumberTile
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import fit_text


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
            max_lines=2,
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


class LeadFigure(Panel):
    """A pillar's lead figure: its hero number beside what it counts (and its note)."""

    PAD = 32.0

    FIGURE_H = 190.0  # the figure's box beside its words (a hero of 162 px with room above and below)

    @classmethod
    def _counter(
        cls,
        ctx: PageContext,
        number: KeyNumber,
        figure_w: float,
        figure_h: float,
        parent: QGraphicsItem | None,
        words: Words | None = None,
    ) -> CountingNumber:
        """The hero number in a box of ``figure_w`` × ``figure_h``, at the size (and with its words set as) the
        hero row of one gives it, or with its words stacked under it."""
        look, lang = ctx.look, ctx.language
        if words == "stacked":  # "million" under "1.65", the figure at the least hero size (as a hero row sets it)
            steps = look.type_scale
            modes: Words = "stacked"
            chosen = row_px([number], lang, ctx.typography, figure_w, figure_h, look.hero_px[0], steps, modes)
        else:
            chosen, modes = hero_row([number], lang, ctx.typography, figure_w, figure_h, look.hero_px, look.type_scale)
        return CountingNumber(
            number,
            lang,
            ctx.typography,
            figure_w,
            figure_h,
            look.theme.number,
            chosen,
            parent,
            px=chosen,
            steps=look.type_scale,
            hero=True,
            words=modes,
        )

    @classmethod
    def layout(cls, ctx: PageContext, number: KeyNumber, width: float) -> tuple[float, Words | None, float]:
        """The least height that shows the figure and all its words beside it (a wide panel; the words take what
        the figure leaves), and how the figure sets its own words for that: where "1.65 million" pushes what it
        counts onto a third line, "million" under "1.65" may keep it to two. Also the share of the width the
        figure's box takes."""
        look, lang = ctx.look, ctx.language
        inner = width - 2 * cls.PAD
        best: tuple[float, Words | None, float] = (1e9, None, 0.52)
        tries: tuple[tuple[Words | None, float], ...] = ((None, 0.52), ("stacked", 0.36))
        for words, share in tries:
            if words == "stacked" and not stackable(format_number(number, lang)):
                continue
            figure = cls._counter(ctx, number, inner * share, cls.FIGURE_H, None, words)
            if figure.px < look.hero_px[0] - 0.5:
                continue
            words_w = inner - figure.text_rect().right() - 28
            label = fit_text(number.label.get(lang), ctx.typography, look.style("heading", max_lines=3), words_w, 1e4)
            note = (
                fit_text(number.note.get(lang), ctx.typography, look.style("body"), words_w, 1e4).height + 10
                if number.note is not None
                else 0.0
            )
            least_box = figure.box_height * look.hero_px[0] / figure.px  # the figure may be set smaller, to hero size
            needed = max(label.height + note, least_box) + 2 * cls.PAD + 8
            if needed < best[0] - 1:
                best = (needed, words, share)
        if best[0] >= 1e9:  # the figure is under hero size either way: as the hero row sets it
            best = (cls.FIGURE_H + 2 * cls.PAD, None, 0.52)
        return best

    @classmethod
    def needed_height(cls, ctx: PageContext, number: KeyNumber, width: float) -> float:
        """The least height that shows the figure and all its words beside it (see :meth:`layout`)."""
        return cls.layout(ctx, number, width)[0]

    def __init__(self, ctx: PageContext, pillar: Pillar, number: KeyNumber, width: float, height: float):
        look = ctx.look
        super().__init__(width, height, look.surface, RADIUS, None, accent=pillar.accent, band=8.0, band_edge="left")
        self.name = f"lead-{number.id}"
        lang = ctx.language
        pad = self.PAD
        # the words beside the figure on a wide panel, under it on a narrow or a tall one
        beside = width >= 700 and height < 2.2 * self.FIGURE_H
        self.number = number
        _, words, share = self.layout(ctx, number, width) if beside else (0.0, None, 1.0)
        figure_w = (width - 2 * pad) * share
        if beside:
            figure_h = min(height - 2 * pad, self.FIGURE_H)
        else:  # the figure takes what its label leaves
            label_h = fit_text(
                number.label.get(lang), ctx.typography, look.style("heading", max_lines=3), width - 2 * pad, 1e4
            )
            figure_h = max((height - 2 * pad) * 0.4, height - 2 * pad - label_h.height - 8)
        self.counter = self._counter(ctx, number, figure_w, figure_h, self, words)

        self.counter.setPos(pad, (height - figure_h) / 2 if beside else pad)
        words_x = pad + (self.counter.text_rect().right() + 28 if beside else 0.0)
        words_w = width - words_x - pad
        words_y = pad if beside else pad + figure_h + 8
        words_h = height - words_y - pad
        label = ctx.text(
            number.label.get(lang),
            "heading",
            words_w,
            words_h,
            self,
            words_x,
            words_y,
            origin=f"{number.id}.label",
            max_lines=3,
        )
        used = label.text_height()
        note = None
        room = words_h - used - 10
        note_style = look.style("body", pillar.accent, max_lines=2)
        if (
            number.note is not None
            and not fit_text(number.note.get(lang), ctx.typography, note_style, words_w, room).elided
        ):
            note = ctx.text(
                number.note.get(lang),
                "body",
                words_w,
                room,
                self,
                words_x,
                words_y + used + 10,
                origin=f"{number.id}.note",
                colour=pillar.accent,
                max_lines=2,
            )  # a note that does not fit is left out (the figure and its label are what matter), never cut
            used += 10 + note.text_height()
        if beside:  # the words centred on the figure
            shift = (words_h - used) / 2
            for block in (label, note):
                if block is not None:
                    block.set_box(words_w, block.text_height())
                    block.setY(block.y() + shift)


def page_charts(pillar: Pillar) -> list[Chart]:
    """The charts on the pillar page: all but one that draws the lead figure (the page shows it large)."""
    return [c for c in pillar.charts if pillar.headline_number not in c.numbers]


def figure_numbers(pillar: Pillar) -> list[KeyNumber]:
    """The numbers shown as tiles on the pillar page: all but the lead figure and those its charts draw."""
    drawn = {ref for chart in page_charts(pillar) for ref in chart.numbers}
    return [n for n in pillar.numbers if n.id != pillar.headline_number and n.id not in drawn]


class PillarPageView(Page):
    """On the screen's column grid: the tagline and lead beside the lead figure; then the figures (charts over two
    columns, numbers over one) and the stories, each a row that bleeds past the right margin when there is more
    to drag."""

    name = "pillar"

    def __init__(self, ctx: PageContext, pillar: Pillar, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        self.pillar = pillar
        self.name = f"pillar-{pillar.id}"
        look, lang = ctx.look, ctx.language
        m, gap, h = look.margin, look.gap, ctx.canvas_height
        y = build_header(
            self, pillar.title.get(lang), origin=f"{pillar.id}.title", accent=pillar.accent, icon=pillar.icon
        )
        cols = look.columns
        lead_number = ctx.content.number(pillar.headline_number) if pillar.headline_number else None
        extra = figure_numbers(pillar)
        charts = page_charts(pillar)
        # One number and no chart: it stands beside the lead figure, and the page needs no row of figures.
        aside = extra[0] if len(extra) == 1 and not charts and lead_number is not None and not look.portrait else None
        row_figures = [] if aside is not None else extra
        text_w = look.span(cols) if look.portrait or lead_number is None else look.span(2)
        tagline = ctx.text(
            pillar.tagline.get(lang),
            "heading",
            text_w,
            110,
            self,
            m,
            y,
            origin=f"{pillar.id}.tagline",
            colour=pillar.accent,
            max_lines=2,
        )
        lead_y = y + tagline.text_height() + 10
        lead = ctx.text(pillar.lead.get(lang), "body", text_w, 300, self, m, lead_y, origin=f"{pillar.id}.lead")
        text_h = lead_y - y + lead.text_height()
        self.lead: LeadFigure | None = None
        self.aside: NumberTile | None = None
        if look.portrait:
            y += text_h + gap
            if lead_number is not None:
                self.lead = LeadFigure(ctx, pillar, lead_number, look.span(cols), 250.0)
                self.lead.setParentItem(self)
                self.lead.setPos(m, y)
                y += 250.0 + gap
        else:
            # The lead figure over the last two columns; a single further number under it.
            lead_h = LeadFigure.needed_height(ctx, lead_number, look.span(2)) if lead_number is not None else 0.0
            lead_h = max(lead_h, 200.0)
            aside_h = 170.0 if aside is not None else 0.0
            row_h = max(text_h, lead_h + (aside_h + gap if aside is not None else 0.0))
            if aside is not None:
                lead_h = row_h - aside_h - gap
            if lead_number is not None:
                self.lead = LeadFigure(ctx, pillar, lead_number, look.span(2), lead_h if aside is not None else row_h)
                self.lead.setParentItem(self)
                self.lead.setPos(look.column_x(2), y)
            if aside is not None:
                aside_px = row_px([aside], lang, ctx.typography, look.span(2) - 52, 84.0, 72.0, look.type_scale)
                self.aside = NumberTile(
                    aside, look, ctx.typography, look.span(2), aside_h, pillar.accent, self, px=aside_px
                )
                self.aside.setPos(look.column_x(2), y + row_h - aside_h)
            y += row_h + gap
        bleed = m  # rows run on to the screen's edge
        rest = h - m - y
        figures_h = 0.0
        if row_figures or charts:
            figures_h = min(rest * 0.5, look.room(420.0)) if look.portrait else rest * 0.5
            if not charts:  # number tiles only: as tall as a number and its words need, the stories take the rest
                figures_h = min(figures_h, 230.0)
        self.charts: list[ChartPanel] = []
        self.number_tiles: list[NumberTile] = []
        self.figures: Carousel[QGraphicsItem] | None = None
        if ctx.reach_line is not None and figures_h and y + figures_h + gap < ctx.reach_line:
            figures_h = ctx.reach_line - gap - y  # reach mode: the figures take the room above the stories' row
        if figures_h:
            self.figures = self._figures_row(y, figures_h, charts, row_figures, bleed)
            for _ in range(3):  # large text: the row grows to what its charts need (a taller one sets larger values)
                short = max((panel.graphic.shortfall for panel in self.charts), default=0.0)
                if short <= 0.5 or ctx.page_height is None:
                    break
                unparent(self.figures)
                figures_h += short
                self.figures = self._figures_row(y, figures_h, charts, row_figures, bleed)
            y += figures_h + gap
        if ctx.reach_line is not None and y < ctx.reach_line:  # reach mode: the tiles a visitor taps start within
            room = ctx.reach_line - y  # reach, the room above shared around what is above them
            if look.portrait and self.lead is not None and self.figures is None and room > 2 * look.height * DEAD_BAND:
                # no row of figures to take it: the lead figure takes all but a band above and below it that is
                # well short of an empty one (its words then under the figure)
                band = min(room / 4, look.height * DEAD_BAND / 2)
                grown = LeadFigure(ctx, pillar, self.lead.number, self.lead.boundingRect().width(),
                                   self.lead.boundingRect().height() + room - 2 * band)  # fmt: skip
                grown.setParentItem(self)
                grown.setPos(self.lead.pos())
                unparent(self.lead)
                self.lead, room = grown, 2 * band
            self.shift_unpinned(room / 2)
            y = ctx.reach_line
        row_h = h - m - y
        self.stories = self._stories_row(y, row_h, bleed)
        for _ in range(3):  # large text: the row grows to what its words need (a taller tile may add a badge's row)
            over = max((tile.overflow for tile in self.stories.items), default=0.0)
            if over <= 0.5 or ctx.page_height is None:
                break
            unparent(self.stories)
            row_h += over
            self.stories = self._stories_row(y, row_h, bleed, self.stories.items[0].title_px)
        StoryTile.add_pictures(self.stories.items)
        self.stories.finish()

    def _stories_row(self, y: float, height: float, bleed: float, title_px: float | None = None) -> Carousel[StoryTile]:
        """The row of the pillar's stories (its tiles as wide as their titles' longest words need), its titles at
        ``title_px`` or the largest size at which they all fit."""
        ctx, told = self.ctx, stories(self.pillar)
        story_w = StoryTile.width_for(ctx, told)
        row: Carousel[StoryTile] = self._row("stories", y, height, bleed, story_w)
        if title_px is None:
            title_px = StoryTile.row_title_px(ctx, told, story_w, row.tile_height)
        for index, story in enumerate(told):
            row.add(StoryTile(ctx, self.pillar, story, index, story_w, row.tile_height, title_px))
        return row

    def _figures_row(
        self, y: float, height: float, charts: list[Chart], numbers: list[KeyNumber], bleed: float
    ) -> Carousel[QGraphicsItem]:
        """The row of the page's charts (two columns each) and further numbers (one column each)."""
        ctx, look, lang, pillar = self.ctx, self.ctx.look, self.ctx.language, self.pillar
        row: Carousel[QGraphicsItem] = self._row("figures", y, height, bleed)
        tile_h = row.tile_height
        self.charts, self.number_tiles = [], []
        for chart in charts:
            panel = ChartPanel(ctx, pillar, chart, look.span(2), tile_h)
            self.charts.append(panel)
            row.add(panel, look.span(2))
        figure_h = min(look.room(84.0), tile_h * 0.3)
        words: Words = "beside"
        if look.text_scale > 1.0:  # large text: words too wide beside the figure go under it (over 200 | billion yuan)
            sizes = (look.type_scale[1], look.type_scale[-1])
            fig_px, words = hero_row(numbers, lang, ctx.typography, look.column - 52, figure_h, sizes, look.type_scale)
        else:
            fig_px = row_px(numbers, lang, ctx.typography, look.column - 52, figure_h, 72.0, look.type_scale)
        for number in numbers:
            tile = NumberTile(
                number, look, ctx.typography, look.column, tile_h, pillar.accent, px=fig_px, words=words,
                figure_h=figure_h,
            )  # fmt: skip
            self.number_tiles.append(tile)
            row.add(tile)
        row.finish()
        return row

    def _row(self, name: str, y: float, height: float, bleed: float, tile_w: float | None = None) -> Carousel[TileT]:
        """A row of tiles (column-wide unless ``tile_w``) across the grid at ``y`` that bleeds ``bleed`` past the
        right margin."""
        look = self.ctx.look
        row: Carousel[TileT] = Carousel(
            look.span(look.columns),
            height,
            look.column if tile_w is None else tile_w,
            look.gap,
            self.ctx.ticker,
            self.pillar.accent,
            mix(look.theme.ground, "#FFFFFF", 0.25),
            self,
            name=name,
            bleed=bleed,
        )
        row.setPos(look.margin, y)
        return row

    def enter(self) -> None:
        ctx = self.ctx
        counters = [t.counter for t in self.number_tiles]
        if self.lead is not None:
            counters.insert(0, self.lead.counter)
        if self.aside is not None:
            counters.append(self.aside.counter)
        for i, counter in enumerate(counters):
            counter.start(ctx.ticker, self, delay_s=0.15 + 0.1 * i, reduced_motion=ctx.reduced_motion)
        if self.figures is not None:
            self.stagger_in(self.figures.items[: self.figures.visible_count + 1], delay_s=0.05)
        self.stagger_in(self.stories.items[: self.stories.visible_count + 1], delay_s=0.25)
        for panel in self.charts:
            panel.grow(ctx, self, 0.45)
