"""The attract loop's scenes, built from the content: the title, a pillar with its stories, a chart drawn as things,
and a headline number as marks. Every figure, label and colour comes from the content; nothing is typed here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Iterator, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Chart, KeyNumber, Pillar
from kiosk.content.number_format import chart_number
from kiosk.content.text import Text
from kiosk.exhibit.attract import ChartSlide, Moment, NumberSlide, PillarSlide, Slide, marks_for, owner_of
from kiosk.exhibit.motion import DRIFT_AMPLITUDE_PX, clamp01, in_turns
from kiosk.exhibit.navigation import Home, PillarPage, StoryDetail, stories
from kiosk.qt.exhibit.attract.figures import (
    HundredGrid,
    LadderFigure,
    MarkGroup,
    MarksFigure,
    Rung,
    centre_of,
    stagger,
)
from kiosk.qt.exhibit.attract.layout import (
    Frame,
    Scene,
    bilingual,
    field_panel,
    frame,
    other_language,
    wipe_edge,
)
from kiosk.qt.exhibit.attract.picture_tile import PictureTile
from kiosk.qt.exhibit.attract.wipe import WipeRoot
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.surface import IconItem, Panel

TOUR_SPAN = 2.5  # how many tiles' turns one tile's light lasts
SPOTLIGHT_TURNS = 1.4  # a story picture's moment: its own turn and a little of the next (two change at a time)
STORY_TILES = 4  # a pillar's scene shows this many of its stories, the ones that claim a first before the rest
# A wall's pictures change in this many steps over their build (each about 4 frames apart at 60 Hz), one picture's
# step between another's: the wall was drawn again whole every frame while its four pictures faded in or stepped back.
WALL_STEPS = 48


Pieces = Iterator[None]  # a scene's parts made one at a time: each ``next`` makes one (a text, a tile, a figure)


def build_scene(
    ctx: PageContext, slide: Slide, side: int, parent: QGraphicsItem | None, offset: QPointF | None = None
) -> tuple[Scene, Pieces]:
    """The scene for ``slide`` with its field on ``side`` (0 left or top, 1 right or bottom), at ``offset`` (the
    drift), not yet shown (a wipe shows it), and what makes its parts: run it to the end before the scene is
    shown. Made piece by piece, a scene's cost spreads over many frames, and each part's cache is drawn (hidden by
    the wipe) as it comes, not in the frame that shows it."""
    look = ctx.look
    reach = DRIFT_AMPLITUDE_PX + 2  # the scene reaches past the screen's edges as far as it drifts
    whole = QRectF(-reach, -reach, look.width + 2 * reach, look.height + 2 * reach)
    root = WipeRoot(whole, wipe_edge(look, side), None, QRectF(0, 0, look.width, look.height))
    root.set_revealed(0.0)
    if offset is not None:
        root.setPos(offset)
    if parent is not None:
        root.setParentItem(parent)
    scene = Scene(root, root, Home(), QPointF())
    box = frame(look, side)
    pieces: Pieces
    if isinstance(slide, PillarSlide):
        pieces = _pillar(ctx, ctx.content.pillar(slide.pillar_id), box, scene)
    elif isinstance(slide, ChartSlide):
        pillar = ctx.content.pillar(slide.pillar_id)
        chart = next(c for c in pillar.charts if c.id == slide.chart_id)
        pieces = _chart(ctx, pillar, chart, box, scene)
    elif isinstance(slide, NumberSlide):
        pieces = _number(ctx, ctx.content.number(slide.number_id), box, scene)
    else:
        pieces = _title(ctx, box, scene)
    # No ground of its own: the stage's ground shows through, and the covered scene is not drawn where this one
    # has come (WipeRoot.cover_with) — a ground filled again under every change was a second fill of each pixel.
    return scene, pieces


def _reveal(items: Sequence[QGraphicsItem], part: str, spread: float = 0.6, steps: int = 0) -> Callable[[Moment], None]:
    """A step that fades ``items`` in one after another over the ``part`` ('appear' or 'fill') of the build; with
    ``steps``, in that many steps of the whole, each item's falling between the others' (:func:`in_turns`)."""

    def step(moment: Moment) -> None:
        progress = moment.appear if part == "appear" else moment.fill
        for i, item in enumerate(items):
            item.setOpacity(stagger(in_turns(progress, i, len(items), steps), i, len(items), spread))

    return step


def tour_glows(fill: float, count: int, turns: float = TOUR_SPAN) -> list[float]:
    """How lit each of ``count`` things is (0..1) at ``fill`` of the build: one after another, each swelling and
    settling over ``turns`` turns (``TOUR_SPAN``: about 1.3 s for six, the next starting as it peaks): every story or
    pillar gets its moment, and nothing flashes."""
    span = min(1.0, turns / max(1, count))
    glows = []
    for i in range(count):
        start = 0.0 if count == 1 else i * (1.0 - span) / (count - 1)
        x = (fill - start) / span
        glows.append(math.sin(math.pi * x) if 0.0 < x < 1.0 else 0.0)
    return glows


def _tour(tiles: Sequence[Panel], lit: Sequence[QColor], rest: QColor) -> Callable[[Moment], None]:
    """A step that lights ``tiles`` in turn (:func:`tour_glows`), each taking its lit colour."""

    def step(moment: Moment) -> None:
        for i, (tile, glow) in enumerate(zip(tiles, tour_glows(moment.fill, len(tiles)), strict=True)):
            tile.set_fill(mix(rest, lit[i], glow))

    return step


def _tile(ctx: PageContext, width: float, height: float, accent: str, parent: QGraphicsItem) -> Panel:
    """A light panel with the accent along its left edge: a thing to touch."""
    return Panel(width, height, tile_rest(ctx), 22, parent, accent=accent, band=12, band_edge="left")


def tile_rest(ctx: PageContext) -> QColor:
    return mix(ctx.look.theme.ground, "#FFFFFF", 0.12)


def tile_lit(ctx: PageContext, accent: str) -> QColor:
    """A tile's colour in its moment: the accent, deep enough for white text on it."""
    return mix(ctx.look.theme.ground, accent, 0.55)


def _title(ctx: PageContext, box: Frame, scene: Scene) -> Pieces:
    look, exhibit, root = ctx.look, ctx.content.exhibit, scene.root
    yield from field_panel(look, box.field, look.theme.signature, root)
    fig = box.figure
    title = ctx.text(
        exhibit.title.get(ctx.language), "display", fig.width(), fig.height() * 0.6, root, fig.x(), fig.y() + 24,
        origin="exhibit.title", px=120.0 if not look.portrait else 116.0, max_lines=4,
    )  # fmt: skip
    scene.hero, scene.demo_at = title, centre_of(title)
    scene.languages.add(ctx.language)
    yield
    y = fig.y() + 24 + title.text_height() + 40
    other = other_language(ctx)  # the title stands from the first moment (what a visitor walking away sees)
    if other is not None and exhibit.title.get(other) != exhibit.title.get(ctx.language):
        second = ctx.text(
            exhibit.title.get(other), "title", fig.width(), 170, root, fig.x(), y,
            origin="exhibit.title", px=54.0, max_lines=3, language=other, colour=look.theme.text,
        )  # fmt: skip
        scene.languages.add(other)
        y += second.text_height() + 40
        yield
    subtitle = Item(root)
    bilingual(ctx, scene, exhibit.subtitle, QRectF(fig.x(), y, fig.width(), fig.bottom() - y), subtitle,
              origin="exhibit.subtitle", role="subheading", px=42.0, second_px=30.0)  # fmt: skip
    yield
    # The four services, each in its colour: a touch opens it.
    col = box.column
    rows = sorted(ctx.content.pillars, key=lambda p: p.order)
    gap = 24.0
    columns = 2 if look.portrait else 1  # portrait: the four side by side in pairs, tall enough for both languages
    lines = -(-len(rows) // columns)
    row_w = (col.width() - gap * (columns - 1)) / columns
    row_h = min(230.0 if look.portrait else 200.0, (col.height() - gap * (lines - 1)) / max(1, lines))
    tiles: list[Panel] = []
    for i, pillar in enumerate(rows):
        tile = _tile(ctx, row_w, row_h, pillar.accent, root)
        tile.setPos(col.x() + (i % columns) * (row_w + gap), col.y() + (i // columns) * (row_h + gap))
        text_h = row_h - 36
        bilingual(ctx, scene, pillar.short_title, QRectF(44, 18, row_w - 70, text_h), tile,
                  origin=f"{pillar.id}.short_title", role="title", px=46.0 if look.portrait else 52.0,
                  second_px=30.0, colour=pillar.accent, max_lines=2 if look.portrait else 1,
                  second_lines=1)  # fmt: skip
        scene.targets.append((tile, PillarPage(pillar.id)))
        tiles.append(tile)
        yield
    scene.steps.append(_reveal(tiles, "appear", 0.6))
    scene.steps.append(_tour(tiles, [tile_lit(ctx, p.accent) for p in rows], tile_rest(ctx)))


def _pillar(ctx: PageContext, pillar: Pillar, box: Frame, scene: Scene) -> Pieces:
    """The pillar's stories as a wall of their pictures in its field (firsts first), each labelled with its title
    and lit in turn; its name, tagline and headline number beside them."""
    look, root = ctx.look, scene.root
    yield from field_panel(look, box.field, pillar.accent, root)
    fig, col = box.figure, box.column
    scene.whole = PillarPage(pillar.id)
    head = Item(root)
    icon = 0.0 if look.portrait else 96.0  # portrait: the column is short, the pillar's colour says enough
    if icon:
        IconItem(ctx.icons, pillar.icon, icon, pillar.accent, head).setPos(col.x(), col.y())
    y = bilingual(ctx, scene, pillar.short_title, QRectF(col.x(), col.y() + icon * 1.25, col.width(), 260), head,
                  origin=f"{pillar.id}.short_title", px=88.0, second_px=40.0, colour=pillar.accent,
                  max_lines=2)  # fmt: skip
    yield
    y = bilingual(ctx, scene, pillar.tagline, QRectF(col.x(), y + 24, col.width(), 180), head,
                  origin=f"{pillar.id}.tagline", role="subheading", px=40.0, second_px=30.0,
                  colour=look.theme.text, max_lines=2)  # fmt: skip
    yield
    parts: list[QGraphicsItem] = [head]
    if pillar.headline_number:
        number = ctx.content.number(pillar.headline_number)
        hero = Item(root)
        height = max(100.0, min(170.0, col.bottom() - 96 - y - 20))  # below the tagline, never over it
        counter = CountingNumber(number, ctx.language, ctx.typography, col.width(), height, look.theme.number,
                                 height * 0.94, hero)  # fmt: skip
        counter.setPos(col.x(), col.bottom() - 96 - height)
        scene.counters.append(counter)
        ctx.text(number.label.get(ctx.language), "subheading", col.width(), 96, hero, col.x(), col.bottom() - 96,
                 origin=f"{number.id}.label", px=32.0, min_px=28.0, colour=look.theme.text, max_lines=2)  # fmt: skip
        parts.append(hero)
        yield
    scene.steps.append(_reveal(parts, "appear", 0.4))
    wall = Item(root)
    wall.setPos(fig.topLeft())
    chosen = sorted(enumerate(stories(pillar)), key=lambda s: getattr(s[1], "first", None) is None)[:STORY_TILES]
    columns = 2 if len(chosen) > 3 or not look.portrait else 1
    rows = -(-len(chosen) // columns)
    gap = 24.0
    tile_w = (fig.width() - gap * (columns - 1)) / columns
    tile_h = (fig.height() - gap * (rows - 1)) / max(1, rows)
    tiles: list[PictureTile] = []
    for k, (index, story) in enumerate(chosen):
        tile = PictureTile(ctx, scene, pillar, story, tile_w, tile_h, wall)
        tile.setPos((k % columns) * (tile_w + gap), (k // columns) * (tile_h + gap))
        scene.targets.append((tile, StoryDetail(pillar.id, index)))
        tiles.append(tile)
        yield
    scene.steps.append(_reveal(tiles, "appear", 0.7, WALL_STEPS))
    scene.steps.append(_spotlight(tiles))
    scene.hero = wall
    scene.demo_at = centre_of(tiles[0]) if tiles else centre_of(wall)


def _spotlight(tiles: Sequence[PictureTile]) -> Callable[[Moment], None]:
    """A step that lights the story pictures one after another over the fill (the turns of :func:`_tour`): a
    ring in the pillar's colour swells round each and settles, and the others step back meanwhile (they come back
    as the scene ends, so it ends complete)."""

    def step(moment: Moment) -> None:
        count = len(tiles)
        for k, tile in enumerate(tiles):
            fill = in_turns(moment.fill, k, count, WALL_STEPS)  # one picture drawn again a frame, not the wall
            stepped_back = clamp01(fill * 6) * clamp01((1.0 - fill) * 6)
            glow = tour_glows(fill, count, SPOTLIGHT_TURNS)[k]
            tile.set_lit(glow, stepped_back * (1.0 - glow))

    return step


def _chart(ctx: PageContext, pillar: Pillar, chart: Chart, box: Frame, scene: Scene) -> Pieces:
    look, root = ctx.look, scene.root
    yield from field_panel(look, box.field, pillar.accent, root)
    fig, col = box.figure, box.column
    gold, bright = QColor(look.theme.number), mix(pillar.accent, "#FFFFFF", 0.25)
    dim, ink = mix(look.theme.ground, pillar.accent, 0.64), mix(look.theme.ground, pillar.accent, 0.14)
    palette = [gold, bright, mix(pillar.accent, look.theme.number, 0.5)]
    scene.whole = PillarPage(pillar.id)
    y = bilingual(ctx, scene, chart.title, QRectF(col.x(), col.y(), col.width(), 330), root,
                  origin=f"{chart.id}.title", px=60.0, second_px=34.0)  # fmt: skip
    yield
    legend: list[tuple[Text, KeyNumber, QColor]] = []
    figure: QGraphicsItem
    if chart.type == "part_of_whole":
        parts = [MarkGroup(int(item.value), palette[i % len(palette)]) for i, item in enumerate(chart.items)]
        rest = int((chart.total or 0) - sum(item.value for item in chart.items))
        marks = MarksFigure(fig.width(), fig.height(), [*parts, MarkGroup(rest, bright)], dim, "tile", ink, root)
        marks.setPos(fig.topLeft())
        figure = marks
        scene.steps.append(lambda m: marks.set_moment(m.appear, m.fill))
        legend = [(item.label, chart_number(chart, item.value, item.qualifier), palette[i % 3])
                  for i, item in enumerate(chart.items)]  # fmt: skip
        if chart.total is not None:
            legend.append((chart.total_label or chart.title, chart_number(chart, chart.total), bright))
    elif chart.type == "rank":
        trail = mix(dim, pillar.accent, 0.7)
        figure = _ladder(ctx, scene, chart, fig, root, (dim, trail), [gold, mix(bright, "#FFFFFF", 0.5)], ink)
        held = [gold, mix(bright, "#FFFFFF", 0.5)]
        legend = [(item.label, chart_number(chart, item.value), held[i % 2]) for i, item in enumerate(chart.items)]
    else:
        figure = yield from _shares(ctx, scene, chart, fig, root, (dim, bright, ink))
    scene.hero = figure
    scene.demo_at = centre_of(figure)
    yield
    legend_box = QRectF(col.x(), y + 30, col.width(), col.bottom() - y - 30)
    yield from _legend(ctx, scene, legend, legend_box, root,
                       total=chart.type == "part_of_whole" and chart.total is not None)  # fmt: skip


def _ladder(
    ctx: PageContext,
    scene: Scene,
    chart: Chart,
    fig: QRectF,
    root: Item,
    colours: tuple[QColor, QColor],
    palette: list[QColor],
    ink: QColor,
) -> LadderFigure:
    """The ranks as a ladder of bands from 1 down; each held band is labelled once its marker arrives."""
    rungs = [Rung(int(item.value), f"{item.value:g}") for item in chart.items]
    bottom = max(5, max(r.rank for r in rungs) + 2)
    ladder = LadderFigure(fig.width(), fig.height(), rungs, bottom, colours, palette, 40.0, ink, root)
    ladder.setPos(fig.topLeft())

    def step(moment: Moment) -> None:
        ladder.set_moment(moment.appear, moment.fill)

    scene.steps.append(step)
    return ladder


def _shares(
    ctx: PageContext, scene: Scene, chart: Chart, fig: QRectF, root: Item, colours: tuple[QColor, QColor, QColor]
) -> Generator[None, None, Item]:
    """One grid of 100 per item, its share lit; the share above it, its label below."""
    look, count = ctx.look, len(chart.items)
    group = Item(root)
    group.setPos(fig.topLeft())
    gap = 48.0
    width = (fig.width() - gap * (count - 1)) / count
    label_h, number_h = 180.0, 100.0
    height = fig.height() - label_h - number_h - 16
    grids: list[HundredGrid] = []
    counters: list[CountingNumber] = []
    for i, item in enumerate(chart.items):
        x = i * (width + gap)
        number = chart_number(chart, item.value, item.qualifier)
        counter = CountingNumber(number, ctx.language, ctx.typography, width, number_h, look.theme.number, 92, group,
                                 align="center")  # fmt: skip
        counters.append(counter)  # it counts as its cells light
        counter.setPos(x, 0)
        grid = HundredGrid(width, height, item.value, colours, group)
        grid.setPos(x, number_h + 8)
        grids.append(grid)
        bilingual(ctx, scene, item.label, QRectF(x - gap / 2 + 4, number_h + height + 24, width + gap - 8, label_h),
                  group, origin=f"{chart.id}.items", role="heading", px=34.0, second_px=26.0, align="center",
                  max_lines=2)  # fmt: skip
        yield

    def step(moment: Moment) -> None:
        for grid in grids:
            grid.set_moment(moment.appear, moment.fill)
        for counter in counters:
            counter.show_at(moment.fill * counter.duration_s)

    scene.steps.append(step)
    return group


def _legend(
    ctx: PageContext,
    scene: Scene,
    rows: list[tuple[Text, KeyNumber, QColor]],
    box: QRectF,
    root: Item,
    total: bool = False,
) -> Pieces:
    """The figures of a chart beside it: a swatch in the colour it is drawn in (a ring for the ``total``, the last
    row), the number, its label."""
    if not rows:
        return
    row_h = min(330.0, box.height() / len(rows))
    for k, (label, number, colour) in enumerate(rows):
        y = box.y() + k * row_h
        whole = k == len(rows) - 1 and total  # the whole: a ring around what the parts fill
        swatch = Panel(36, 36, QColor(0, 0, 0, 0) if whole else colour, 18, root, outline=colour if whole else None)
        swatch.setPos(box.x(), y + 34)
        counter = CountingNumber(number, ctx.language, ctx.typography, box.width() - 64, 104, colour, 100, root)
        counter.setPos(box.x() + 64, y)
        scene.counters.append(counter)
        bilingual(ctx, scene, label, QRectF(box.x() + 64, y + 104, box.width() - 64, row_h - 112), root,
                  origin=f"{number.id}.label", role="subheading", px=34.0, second_px=28.0,
                  colour=ctx.look.theme.text, max_lines=2)  # fmt: skip
        yield


def _number(ctx: PageContext, number: KeyNumber, box: Frame, scene: Scene) -> Pieces:
    look, root = ctx.look, scene.root
    pillar = owner_of(ctx.content, number.id)
    accent = pillar.accent if pillar is not None else look.theme.signature
    yield from field_panel(look, box.field, accent, root)
    fig, col = box.figure, box.column
    scene.whole = PillarPage(pillar.id) if pillar else Home()
    count = marks_for(number)
    figure: QGraphicsItem
    if count is not None:
        shape = "person" if number.unit is not None and number.unit.zh == "人" else "tile"
        marks = MarksFigure(fig.width(), fig.height(), [MarkGroup(count, QColor(look.theme.number))],
                            mix(look.theme.ground, accent, 0.6), shape, mix(look.theme.ground, accent, 0.3),
                            root)  # fmt: skip
        figure = marks
    else:
        figure = CountingNumber(number, ctx.language, ctx.typography, fig.width(), fig.height() * 0.5,
                                look.theme.number, fig.height() * 0.4, root, align="center")  # fmt: skip
    figure.setPos(fig.topLeft())
    scene.hero, scene.demo_at = figure, centre_of(figure)
    yield
    counter = CountingNumber(number, ctx.language, ctx.typography, col.width(), 230, look.theme.number, 210, root)
    counter.setPos(col.x(), col.y())
    if isinstance(figure, MarksFigure):
        marks_figure = figure

        def step(moment: Moment) -> None:  # the number counts as its marks appear
            marks_figure.set_moment(moment.appear, moment.fill)
            counter.show_at(moment.appear * counter.duration_s)

        scene.steps.append(step)
    else:
        scene.counters.append(counter)
    yield
    y = bilingual(ctx, scene, number.label, QRectF(col.x(), col.y() + 250, col.width(), 330), root,
                  origin=f"{number.id}.label", px=60.0, second_px=34.0)  # fmt: skip
    yield
    if number.note is not None:
        bilingual(ctx, scene, number.note, QRectF(col.x(), y + 30, col.width(), col.bottom() - y - 30), root,
                  origin=f"{number.id}.note", role="title", px=44.0, second_px=30.0, colour=accent)  # fmt: skip
