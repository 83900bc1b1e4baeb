"""The attract loop: big numbers and pillar highlights in turn, a clear invitation, and a slow drift.

Slides change with a cross-fade; the whole composition drifts a few pixels a minute so that nothing stands still
long enough to burn into the panel. :meth:`AttractPage.update_to` is called with the seconds since the loop began.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import KeyNumber, Pillar
from kiosk.exhibit.attract import AttractLoop, NumberSlide, PillarSlide, Slide, TitleSlide, build_playlist
from kiosk.exhibit.motion import drift_offset, linear
from kiosk.qt.exhibit.screens.base import Page, PageContext
from kiosk.qt.foundations.item import Item, unparent
from kiosk.qt.foundations.look import mix
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.surface import IconItem, Panel

FADE_S = 0.8
PULSE_S = 2.4  # one breath of the invitation: well under 2 Hz


def _owner_pillar(ctx: PageContext, number: KeyNumber) -> Pillar | None:
    return next((p for p in ctx.content.pillars if any(n.id == number.id for n in p.numbers)), None)


class AttractPage(Page):
    name = "attract"

    def __init__(self, ctx: PageContext, slide_s: float, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        self.loop = AttractLoop(build_playlist(ctx.content), slide_s)
        self.layer = Item(self)  # everything that drifts
        self.slide_index = -1
        self.slide: Item | None = None
        self._prompt = self._build_prompt()

    def on_tap(self, point: QPointF) -> None:
        self.ctx.actions.wake()

    def enter(self) -> None:
        self.update_to(0.0)
        if not self.ctx.reduced_motion:
            self._breathe(0.0)

    def _breathe(self, _progress: float) -> None:
        self.ctx.ticker.tween(self, PULSE_S, self._pulse, easing=linear, on_done=self._again)

    def _again(self) -> None:
        self._breathe(0.0)

    def _pulse(self, progress: float) -> None:
        self._prompt.setOpacity(0.62 + 0.38 * (0.5 + 0.5 * math.cos(progress * 2 * math.pi)))

    def update_to(self, elapsed_s: float) -> None:
        """Show the slide due at ``elapsed_s`` and move the composition to its drift position."""
        dx, dy = drift_offset(elapsed_s)
        self.layer.setPos(dx, dy)
        index, slide, _into = self.loop.slide_at(elapsed_s)
        if index != self.slide_index:
            self.slide_index = index
            self._show(slide)

    def _show(self, slide: Slide) -> None:
        old = self.slide
        self.slide = self._build(slide)
        if old is None or self.ctx.reduced_motion:
            if old is not None:
                unparent(old)
                old.deleteLater()
            return
        new = self.slide
        new.setOpacity(0.0)

        def fade(progress: float) -> None:
            new.setOpacity(progress)
            old.setOpacity(1.0 - progress)

        def drop() -> None:
            if old.scene() is not None:
                old.scene().removeItem(old)
            old.deleteLater()

        self.ctx.ticker.tween(self, FADE_S, fade, on_done=drop)

    # Slides ---------------------------------------------------------------------------------------------------
    def _build(self, slide: Slide) -> Item:
        item = Item(self.layer)
        if isinstance(slide, NumberSlide):
            self._number_slide(item, self.ctx.content.number(slide.number_id))
        elif isinstance(slide, PillarSlide):
            self._pillar_slide(item, self.ctx.content.pillar(slide.pillar_id))
        elif isinstance(slide, TitleSlide):
            self._title_slide(item)
        return item

    def _frame(self) -> tuple[float, float, float, float]:
        look = self.ctx.look
        m = look.margin * 2
        return m, m, look.width - 2 * m, look.height - 2 * m - 220

    def _title_slide(self, item: Item) -> None:
        ctx, look, exhibit = self.ctx, self.ctx.look, self.ctx.content.exhibit
        x, y, w, h = self._frame()
        Panel(14, 150, look.theme.signature, 7, item).setPos(x, y + h * 0.3)
        title = ctx.text(
            exhibit.title.get(ctx.language),
            "display",
            w - 60,
            h * 0.45,
            item,
            x + 60,
            y + h * 0.3,
            origin="exhibit.title",
            px=96.0,
            max_lines=3,
        )
        ctx.text(
            exhibit.subtitle.get(ctx.language),
            "subheading",
            w - 60,
            120,
            item,
            x + 60,
            y + h * 0.3 + title.text_height() + 30,
            origin="exhibit.subtitle",
            px=44.0,
            max_lines=2,
        )

    def _number_slide(self, item: Item, number: KeyNumber) -> None:
        ctx, look = self.ctx, self.ctx.look
        x, y, w, h = self._frame()
        pillar = _owner_pillar(ctx, number)
        accent = pillar.accent if pillar else look.theme.signature
        hero_h = 250.0 if not look.portrait else 230.0
        top = y + h * (0.28 if look.portrait else 0.1)
        counter = CountingNumber(
            number, ctx.language, ctx.typography, w, hero_h, look.theme.number, hero_h * 0.9, item, align="center"
        )
        counter.setPos(x, top)
        counter.start(ctx.ticker, self, delay_s=0.3, reduced_motion=ctx.reduced_motion)
        Panel(120, 8, accent, 4, item).setPos(x + (w - 120) / 2, top + hero_h + 24)
        label = ctx.text(
            number.label.get(ctx.language),
            "display",
            w,
            200,
            item,
            x,
            top + hero_h + 64,
            origin=f"{number.id}.label",
            px=60.0,
            align="center",
            max_lines=2,
        )
        if number.note is not None:
            ctx.text(
                number.note.get(ctx.language),
                "subheading",
                w,
                120,
                item,
                x,
                top + hero_h + 64 + label.text_height() + 20,
                origin=f"{number.id}.note",
                px=40.0,
                colour=accent,
                align="center",
                max_lines=2,
            )

    def _pillar_slide(self, item: Item, pillar: Pillar) -> None:
        ctx, look = self.ctx, self.ctx.look
        x, y, w, h = self._frame()
        lang = ctx.language
        icon = 220.0
        if look.portrait:
            IconItem(ctx.icons, pillar.icon, icon, pillar.accent, item).setPos(x + (w - icon) / 2, y + h * 0.08)
            text_x, text_w, top, align = x, w, y + h * 0.08 + icon + 60, "center"
        else:
            IconItem(ctx.icons, pillar.icon, icon, pillar.accent, item).setPos(x, y + h * 0.2)
            text_x, text_w, top, align = x + icon + 80, w - icon - 80, y + h * 0.16, "left"
        title = ctx.text(
            pillar.title.get(lang),
            "display",
            text_w,
            260,
            item,
            text_x,
            top,
            origin=f"{pillar.id}.title",
            colour=pillar.accent,
            px=80.0,
            max_lines=3,
            align=align,
        )
        top += title.text_height() + 28
        tagline = ctx.text(
            pillar.tagline.get(lang),
            "subheading",
            text_w,
            130,
            item,
            text_x,
            top,
            origin=f"{pillar.id}.tagline",
            px=44.0,
            max_lines=2,
            align=align,
            colour=look.theme.text,
        )
        top += tagline.text_height() + 50
        if pillar.headline_number:
            number = ctx.content.number(pillar.headline_number)
            counter = CountingNumber(
                number, lang, ctx.typography, text_w, 150, look.theme.number, 140, item, align=align
            )
            counter.setPos(text_x, top)
            counter.start(ctx.ticker, self, delay_s=0.4, reduced_motion=ctx.reduced_motion)
            ctx.text(
                number.label.get(lang),
                "subheading",
                text_w,
                110,
                item,
                text_x,
                top + 160,
                origin=f"{number.id}.label",
                px=38.0,
                max_lines=2,
                align=align,
            )

    def _build_prompt(self) -> Item:
        """触摸屏幕 开始探索 / Touch to explore — in every language the exhibit offers, whatever is current."""
        ctx, look, exhibit = self.ctx, self.ctx.look, self.ctx.content.exhibit
        width = min(look.width - 2 * look.margin, 1100.0)
        height = 150.0
        pill = Panel(
            width,
            height,
            mix(look.theme.ground, look.theme.signature, 0.18),
            height / 2,
            self.layer,
            outline=mix(look.theme.ground, look.theme.signature, 0.7),
        )
        pill.setPos((look.width - width) / 2, look.height - look.margin * 1.6 - height)
        IconItem(ctx.icons, "ui-touch", 84, look.theme.text, pill).setPos(48, (height - 84) / 2)
        lines = [exhibit.attract_prompt.get(lang) for lang in exhibit.languages]
        zh = ctx.text(
            lines[0],
            "title",
            width - 200,
            76,
            pill,
            160,
            14 if len(lines) > 1 else 37,
            origin="exhibit.attract_prompt",
            px=52.0,
            max_lines=1,
            valign="center",
        )
        if len(lines) > 1:
            ctx.text(
                lines[1],
                "subheading",
                width - 200,
                50,
                pill,
                160,
                14 + zh.boundingRect().height(),
                origin="exhibit.attract_prompt",
                px=34.0,
                max_lines=1,
                language=exhibit.languages[1],
                colour=look.theme.text,
            )
        return pill
