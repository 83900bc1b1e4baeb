"""Outlook 2025: the four tasks for the year ahead (四个“进一步”)."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from kiosk.qt.exhibit.screens.base import Page, PageContext, build_header
from kiosk.qt.foundations.look import RADIUS, mix
from kiosk.qt.widgets.surface import IconItem, Panel


class OutlookPageView(Page):
    name = "outlook"

    def __init__(self, ctx: PageContext, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        look, lang, outlook = ctx.look, ctx.language, ctx.content.outlook
        m, gap, w, h = look.margin, look.gap, look.width, look.height
        signature = look.theme.signature
        y = build_header(self, outlook.title.get(lang), origin="outlook.title", accent=signature, icon="rocket")
        lead = ctx.text(outlook.lead.get(lang), "body", w - 2 * m, 240, self, m, y, origin="outlook.lead", px=34.0)
        y += lead.text_height() + gap * 1.6
        tasks = outlook.tasks
        columns = 2 if look.portrait else min(4, len(tasks))
        rows = -(-len(tasks) // columns)
        tile_w = (w - 2 * m - gap * (columns - 1)) / columns
        tile_h = (h - m - y - gap * (rows - 1)) / rows
        self.tiles: list[Panel] = []
        for i, task in enumerate(tasks):
            tile = Panel(
                tile_w,
                tile_h,
                look.surface,
                RADIUS,
                self,
                accent=signature,
                band=8.0,
                glow=mix(look.surface, signature, 0.12),
            )
            tile.setPos(m + (i % columns) * (tile_w + gap), y + (i // columns) * (tile_h + gap))
            pad = 32.0
            icon = 84.0
            IconItem(ctx.icons, task.icon, icon, signature, tile).setPos(pad, pad + 12)
            ctx.text(
                f"{i + 1:02d}",
                "display",
                140,
                icon,
                tile,
                tile_w - pad - 140,
                pad + 12,
                origin="number",
                colour=look.theme.number,
                align="right",
                valign="center",
                max_lines=1,
                px=60.0,
            )
            top = pad + 12 + icon + 28
            title = ctx.text(
                task.title.get(lang),
                "heading",
                tile_w - 2 * pad,
                250,
                tile,
                pad,
                top,
                origin=f"{task.id}.title",
                max_lines=5,
                px=38.0,
            )
            top += title.text_height() + 18
            ctx.text(
                task.text.get(lang),
                "body",
                tile_w - 2 * pad,
                tile_h - top - pad,
                tile,
                pad,
                top,
                origin=f"{task.id}.text",
                px=30.0,
            )
            self.tiles.append(tile)

    def enter(self) -> None:
        self.stagger_in(list(self.tiles), delay_s=0.08)
