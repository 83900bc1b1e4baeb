"""The detail sheet over a pillar: one story large — illustration, what was achieved, the first it claims.

Swipe sideways or use the arrows for the neighbouring story; close, Back or a tap beside the sheet returns to
the pillar; Home is one tap away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.model import Card, Pillar
from kiosk.exhibit.navigation import Story, stories
from kiosk.qt.exhibit.screens.base import PageContext, build_access_buttons, build_access_column
from kiosk.qt.exhibit.screens.story_tile import badge
from kiosk.qt.foundations.dates import full_date
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import RADIUS, TARGET, Look, mix
from kiosk.qt.foundations.words import say
from kiosk.qt.widgets.backdrop import Backdrop, dimmed
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.surface import IconItem, Panel
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.safe_read import MAX_IMAGE_BYTES, FileRefused, read_regular

_log = logging.getLogger(__name__)


class CardImage(Item):
    """A card's image, scaled to cover its box once (kept as a pixmap, drawn from the cache)."""

    def __init__(self, pixmap: QPixmap, width: float, height: float, parent: QGraphicsItem):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._pixmap = pixmap.scaled(
            int(width * 2),
            int(height * 2),
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        source = QRectF(self._pixmap.rect())
        scale = max(self._rect.width() / source.width(), self._rect.height() / source.height())
        crop = QRectF(0, 0, self._rect.width() / scale, self._rect.height() / scale)
        crop.moveCenter(source.center())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self._rect, self._pixmap, crop)


class SheetPanel(Panel):
    """The sheet itself: a swipe on it turns to the neighbouring story; a tap on it does nothing (only the
    backdrop beside it closes)."""

    def __init__(self, width: float, height: float, look: Look, on_swipe: Callable[[str], None], parent: QGraphicsItem):
        super().__init__(width, height, look.surface, RADIUS * 1.4, parent, outline=look.hairline)
        self._on_swipe = on_swipe

    def on_swipe(self, direction: str) -> None:
        self._on_swipe(direction)

    def on_tap(self, point: QPointF) -> None:
        """Taken and dropped: a tap on the sheet goes no further."""


class StorySheet(Item):
    """One story of ``pillar`` as a sheet over the whole screen."""

    blocks_input = True

    def __init__(self, ctx: PageContext, pillar: Pillar, index: int, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pillar = pillar
        self.index = index
        self.name = f"story-sheet-{index}"
        look = ctx.look
        all_stories = stories(pillar)
        story = all_stories[index]
        self.story = story
        w, h, m = look.width, look.height, look.margin
        Backdrop(w, ctx.screen_height, dimmed(look.theme.ground, 0.88), ctx.actions.close_story, self)
        sheet_w = min(w - 2 * m, 1640.0)
        sheet_h = min(h - 2 * m, 920.0) if not look.portrait else h - 2 * m
        self.sheet = SheetPanel(sheet_w, sheet_h, look, self.on_swipe, self)
        self.sheet.setPos((w - sheet_w) / 2, (h - sheet_h) / 2)
        pad = 48.0
        if look.portrait:
            art = QRectF(0, 0, sheet_w, min(560.0, sheet_h * 0.34))
            text_box = QRectF(pad, art.height() + pad * 0.8, sheet_w - 2 * pad, 0)
        else:
            art = QRectF(0, 0, sheet_w * 0.38, sheet_h)
            text_box = QRectF(art.width() + pad, pad, sheet_w - art.width() - 2 * pad - TARGET - 12, 0)
        self._illustration(story, art)
        footer_y = sheet_h - pad * 0.6 - TARGET
        reach_row = TARGET + 20 if ctx.control_row_y is not None else 0.0  # reach mode: Close, Home above the footer
        text_box.setHeight(footer_y - text_box.y() - 20 - reach_row)
        body, source = self._text(story, text_box)
        spare = body.boundingRect().height() - body.text_height() - 48
        if look.portrait and spare > 0:  # a short story gets a shorter sheet, centred
            sheet_h -= spare
            footer_y -= spare
            body.set_box(body.boundingRect().width(), body.text_height())
            source.setY(source.y() - spare)
            self.sheet.set_size(sheet_w, sheet_h)
            low = ctx.control_row_y is not None  # reach mode: the shorter sheet stays down, its buttons in reach
            self.sheet.setPos((w - sheet_w) / 2, h - m - sheet_h if low else (h - sheet_h) / 2)
        self._buttons(sheet_w, sheet_h, pad, footer_y, art, len(all_stories))

    def _illustration(self, story: Story, art: QRectF) -> None:
        ctx, look = self.ctx, self.ctx.look
        accent = self.pillar.accent
        panel = Panel(
            art.width(),
            art.height(),
            mix(look.surface, accent, 0.22),
            RADIUS * 1.4,
            self.sheet,
            glow=mix(look.surface, accent, 0.45),
        )
        image = story.image if isinstance(story, Card) else None
        if image and ctx.content_dir is not None:
            pixmap = QPixmap()
            try:  # only a regular file within the limit: a pipe or a device put there cannot hang the exhibit
                pixmap.loadFromData(read_regular(ctx.content_dir / image, MAX_IMAGE_BYTES))
            except (OSError, FileRefused) as exc:
                _log.warning("%s: image %s: %s", story.id, image, exc)
            if not pixmap.isNull():
                CardImage(pixmap, art.width(), art.height(), panel)
                return
            _log.warning("%s: image %s cannot be read; showing its icon instead", story.id, image)
        icon_name = story.icon if isinstance(story, Card) else self.pillar.icon
        size = min(art.width(), art.height()) * 0.5
        IconItem(ctx.icons, icon_name, size, accent, panel).setPos((art.width() - size) / 2, (art.height() - size) / 2)

    def _text(self, story: Story, box: QRectF) -> tuple[TextBlock, TextBlock]:
        """The words of the sheet; returns the body text and the source line."""
        ctx, _look, lang = self.ctx, self.ctx.look, self.ctx.language
        y = box.y()
        first = story.first.get(lang) if isinstance(story, Card) and story.first else None
        if first:
            badge(ctx, first, self.sheet, box.x(), y, box.width(), origin=f"{story.id}.first")
            y += 48 + 24
        else:
            kind = say("policy" if not isinstance(story, Card) else "achievement", lang)
            ctx.text(
                kind,
                "label",
                box.width(),
                44,
                self.sheet,
                box.x(),
                y,
                origin="kind",
                colour=self.pillar.accent,
                bold=True,
                max_lines=1,
            )
            y += 44 + 16
        title = ctx.text(
            story.title.get(lang),
            "title",
            box.width(),
            200,
            self.sheet,
            box.x(),
            y,
            origin=f"{story.id}.title",
            px=50.0,
            max_lines=3,
        )
        y += title.text_height() + 14
        if isinstance(story, Card):
            org = ctx.text(
                story.organisation.get(lang),
                "subheading",
                box.width(),
                96,
                self.sheet,
                box.x(),
                y,
                origin=f"{story.id}.organisation",
                colour=self.pillar.accent,
                max_lines=2,
            )
            y += org.text_height() + 28
            body = story.achievement.get(lang)
        else:
            y += 14
            body = story.text.get(lang)
        article = ctx.content.exhibit.article
        credit = (
            f"{say('source_credit', lang, publisher=article.publisher.get(lang), date=full_date(article.date, lang))}"
        )
        source = ctx.text(
            credit, "label", box.width(), 44, self.sheet, box.x(), box.bottom() - 44, origin="source", max_lines=1
        )
        block = ctx.text(
            body,
            "body",
            box.width(),
            box.bottom() - 64 - y,
            self.sheet,
            box.x(),
            y,
            origin=f"{story.id}.{'achievement' if isinstance(story, Card) else 'text'}",
            px=36.0,
            line_height=1.45,
        )
        return block, source

    def _buttons(self, sheet_w: float, sheet_h: float, pad: float, footer_y: float, art: QRectF, count: int) -> None:
        ctx = self.ctx
        actions = ctx.actions
        right = sheet_w - pad * 0.6 - TARGET
        left = (art.width() + pad) if not ctx.look.portrait else pad
        if ctx.control_row_y is None:
            ctx.button("close", actions.close_story, self.sheet, right, pad * 0.6, icon="ui-close")
            ctx.button("home", actions.home, self.sheet, right, pad * 0.6 + TARGET + 20, icon="ui-home")
        languages = ctx.content.exhibit.languages
        if len(languages) > 1:
            switch = LanguageSwitch(
                languages, ctx.language, actions.set_language, ctx.look, ctx.typography, self.sheet, segment_width=132.0
            )
            switch.setPos(sheet_w - pad * 0.6 - switch.boundingRect().width(), footer_y)
        # The accessibility buttons under Home, each with its label; in reach mode Close, Home and they take the
        # row just above the footer (the text ends above it).
        row_y = footer_y - TARGET - 20
        if ctx.control_row_y is not None:
            ctx.button("home", actions.home, self.sheet, right, row_y, icon="ui-home")
            ctx.button("close", actions.close_story, self.sheet, right - TARGET - 20, row_y, icon="ui-close")
            build_access_buttons(ctx, self.sheet, right - TARGET - 40, row_y)
        else:
            build_access_column(ctx, self.sheet, right, pad * 0.6 + 2 * (TARGET + 20))
        if count > 1:
            previous = ctx.button(
                "previous", actions.previous_story, self.sheet, left, footer_y, icon="ui-chevron-left"
            )
            following = ctx.button(
                "next", actions.next_story, self.sheet, left + TARGET + 20, footer_y, icon="ui-chevron-right"
            )
            previous.setOpacity(1.0 if self.index > 0 else 0.3)  # the ends do not wrap round
            following.setOpacity(1.0 if self.index < count - 1 else 0.3)
            ctx.text(
                f"{self.index + 1} / {count}",
                "label",
                200,
                TARGET,
                self.sheet,
                left + 2 * TARGET + 44,
                footer_y,
                origin="position",
                valign="center",
                max_lines=1,
            )

    def on_swipe(self, direction: str) -> None:
        if direction == "left":
            self.ctx.actions.next_story()
        elif direction == "right":
            self.ctx.actions.previous_story()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.ctx.width, self.ctx.screen_height)
