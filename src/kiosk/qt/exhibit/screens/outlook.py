"""Outlook 2025: the four tasks for the year ahead (四个“进一步”), each on a card in the colour of the pillar it
carries on (``pillar:`` in outlook.yaml), on the screen's column grid."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import OutlookTask
from kiosk.qt.exhibit.screens.base import Page, PageContext, build_header
from kiosk.qt.foundations.look import RADIUS, mix
from kiosk.qt.widgets.surface import IconItem, Panel
from kiosk.qt.widgets.text_block import fit_text

PAD = 32.0
ICON = 84.0


class TaskCard(Panel):
    """A task: its number and its pillar's icon at the top; the pillar's name, the task and what it is for set
    from the bottom up, so a tall card reads as a poster, not as a half-empty box."""

    def __init__(self, ctx: PageContext, task: TaskOnPage, width: float, height: float, title_px: float):
        look = ctx.look
        accent = task.accent
        super().__init__(
            width, height, look.surface, RADIUS, None, accent=accent, band=8.0, glow=mix(look.surface, accent, 0.14)
        )
        self.name = f"task-{task.task.id}"
        lang = ctx.language
        inner = width - 2 * PAD
        ctx.text(
            f"{task.index + 1:02d}",
            "display",
            inner - ICON,
            ICON,
            self,
            PAD,
            PAD + 8,
            origin="number",
            colour=accent,
            valign="center",
            max_lines=1,
        )
        IconItem(ctx.icons, task.task.icon, ICON, accent, self).setPos(width - PAD - ICON, PAD + 8)
        bottom = height - PAD
        text = ctx.text(
            task.task.text.get(lang), "body", inner, bottom - PAD - ICON, self, PAD, 0, origin=f"{task.task.id}.text"
        )
        text.set_box(inner, text.text_height() + 1)
        text.setY(bottom - text.text_height())
        title = ctx.text(
            task.task.title.get(lang),
            "heading",
            inner,
            bottom - text.text_height() - PAD - ICON - 20,
            self,
            PAD,
            0,
            origin=f"{task.task.id}.title",
            max_lines=5,
            px=title_px,
            min_px=title_px,
        )
        title.set_box(inner, title.text_height() + 1)
        title.setY(text.y() - 16 - title.text_height())
        if task.pillar_name:  # the pillar's name over the title, where the card has room for it
            name_style = look.style("label", accent, max_lines=2)
            name_fit = fit_text(task.pillar_name, ctx.typography, name_style, inner, 92)
            name_y = title.y() - 10 - name_fit.height
            if name_y >= PAD + ICON + 16 and not name_fit.elided:
                ctx.text(
                    task.pillar_name,
                    "label",
                    inner,
                    name_fit.height + 1,
                    self,
                    PAD,
                    name_y,
                    origin=task.pillar_origin,
                    colour=accent,
                    max_lines=2,
                )


class TaskOnPage:
    """A task with what its card shows beside it: its place, its pillar's colour and name."""

    def __init__(self, ctx: PageContext, task: OutlookTask, index: int):
        self.task, self.index = task, index
        pillar = next((p for p in ctx.content.pillars if p.id == task.pillar), None)
        self.accent = pillar.accent if pillar is not None else ctx.look.theme.signature
        self.pillar_name = pillar.short_title.get(ctx.language) if pillar is not None else ""
        self.pillar_origin = f"{pillar.id}.short_title" if pillar is not None else ""


class OutlookPageView(Page):
    name = "outlook"

    def __init__(self, ctx: PageContext, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        look, lang, outlook = ctx.look, ctx.language, ctx.content.outlook
        m, gap, h = look.margin, look.gap, ctx.canvas_height
        signature = look.theme.signature
        y = build_header(self, outlook.title.get(lang), origin="outlook.title", accent=signature, icon="rocket")
        lead = ctx.text(
            outlook.lead.get(lang), "heading", look.span(look.columns), 240, self, m, y, origin="outlook.lead"
        )
        y += lead.text_height() + gap * 1.6
        tasks = [TaskOnPage(ctx, task, i) for i, task in enumerate(outlook.tasks)]
        columns = min(look.columns, max(1, len(tasks)))
        rows = -(-len(tasks) // columns)
        tile_w = look.span(1) if columns == look.columns else (look.span(look.columns) - gap * (columns - 1)) / columns
        tile_h = (h - m - y - gap * (rows - 1)) / rows
        title_px = _shared_title_px(ctx, tasks, tile_w - 2 * PAD, tile_h)
        self.tiles: list[Panel] = []
        for i, task in enumerate(tasks):
            tile = TaskCard(ctx, task, tile_w, tile_h, title_px)
            tile.setParentItem(self)
            tile.setPos(m + (i % columns) * (tile_w + gap), y + (i // columns) * (tile_h + gap))
            self.tiles.append(tile)

    def enter(self) -> None:
        self.stagger_in(list(self.tiles), delay_s=0.08)


def _shared_title_px(ctx: PageContext, tasks: list[TaskOnPage], width: float, height: float) -> float:
    """The largest step of the scale, up to a title's, at which every task's title fits in a little over half its card
    (one size for the row): a tall card is filled by its task, set large, not by empty space."""
    look = ctx.look
    for px in sorted(look.type_scale[:3], reverse=True):
        style = look.style("heading", max_lines=5, px=px, min_px=px)
        room = height * 0.55 if px > look.type_scale[1] else height
        if all(not fit_text(t.task.title.get(ctx.language), ctx.typography, style, width, room).elided for t in tasks):
            return px
    return look.type_scale[0]
