"""The detail sheet over a pillar: one story large — its picture, the key fact large, what was achieved, and a QR
code to take it home.

The picture is the story's own scene (kiosk/assets/art), or an editor's photo (``image:``: the sheet becomes
photo-led, the title set over the photo as its caption), or a designed pattern when it has neither. A story whose
sentence carries a figure (``figure:``, a number's id) shows that number large; a claimed first leads otherwise.

The picture takes the space the words leave, so the text column is never more than a quarter empty: on a landscape
screen it widens (narrowing the column, so the text takes more lines), on a portrait one it grows taller. The
controls do not move from story to story: Close and Home at the top right, the arrows, the position and the language
switch along the bottom right.

Swipe sideways or use the arrows for the neighbouring story; close, or a tap beside the sheet, returns to the
pillar; Home is one tap away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Unpack

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPixmap
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import Card, Pillar
from kiosk.content.number_format import format_number
from kiosk.exhibit.navigation import Story, stories
from kiosk.qt.exhibit.screens.base import PageContext, build_access_buttons, build_access_column
from kiosk.qt.exhibit.screens.story_art import PhotoArt, drawn_picture
from kiosk.qt.exhibit.screens.story_tile import badge, badge_height
from kiosk.qt.exhibit.screens.take_home import QrCode
from kiosk.qt.foundations.dates import full_date
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import RADIUS, TARGET, Look
from kiosk.qt.foundations.text_style import StyleChanges
from kiosk.qt.foundations.words import credit as credit_line
from kiosk.qt.foundations.words import say
from kiosk.qt.widgets.backdrop import Backdrop, dimmed
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.scroll_area import scroll_below
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import fit_text
from kiosk.safe_read import MAX_IMAGE_BYTES, FileRefused, read_regular

_log = logging.getLogger(__name__)

PAD = 48.0
GAP = 22.0
# The QR code's side in logical px, quiet zone included: at least 4 px modules for the article's address (170 px,
# 104 mm on a 55" 1080p panel), up to 6 px when the words leave room.
QR_SIDE = (170.0, 250.0)
MIN_QR_SIDE = 130.0  # 3 px modules, where the rail is short: the code is still 63 mm across
FIGURE_H = 150.0  # the key figure: about 14 % of the short side
MOST_EMPTY = 0.25  # the text column's largest hole, as a share of its height
# Landscape: the shares of the sheet's width the picture may take, the largest first: the first that leaves the
# words room is taken (the wider the picture, the more lines the words take and the less of the column is empty).
PICTURE_SHARES = (0.56, 0.52, 0.48, 0.44, 0.40)  # below 0.4 the scenes' subjects would be cut
PHOTO_SHARES = (0.64, 0.6, 0.56, 0.52, 0.48, 0.44, 0.40)  # a photo may be cropped any way
PORTRAIT_PICTURE = (680.0, 1100.0)  # the picture's height on a portrait sheet: least and most
RAIL_W = 250.0  # landscape: the rail under Close and Home that takes the QR code when the words need the column


@dataclass(frozen=True)
class _Block:
    """One piece of the text column: its height, and how to make it at (x, y)."""

    height: float
    make: Callable[[float, float], object]
    cut: bool = False  # the text does not fit its box whole


class SheetPanel(Panel):
    """The sheet itself: a swipe on it turns to the neighbouring story; a tap on it does nothing (only the
    backdrop beside it closes)."""

    def __init__(self, width: float, height: float, look: Look, on_swipe: Callable[[str], None], parent: QGraphicsItem):
        super().__init__(width, height, look.surface, RADIUS * 1.4, parent, outline=look.hairline)
        # Drawn, not cached: a plain rounded fill over most of the screen costs less drawn (0.5 ms a band at 4K)
        # than its 25 MB cache costs to make in the frame it first shows (about 17 ms) and to keep.
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
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
        w, h, m = look.width, ctx.canvas_height, look.margin
        if ctx.page_height is None:  # the sheet covers the whole screen, reach mode's control row too
            h = ctx.screen_height
        backdrop = Backdrop(w, ctx.screen_height, dimmed(look.theme.ground, 0.88), ctx.actions.close_story, self)
        sheet_w = min(w - 2 * m, 1640.0)
        # large text: the sheet is as much taller as its words are larger, and scrolls
        sheet_h = min(h - 2 * m, look.room(952.0)) if not look.portrait else h - 2 * m
        self.photo = self._photo(story)
        reach_row = TARGET + 20 if ctx.control_row_y is not None else 0.0  # reach mode: Close, Home above the footer
        if look.portrait and ctx.control_row_y is not None:
            # reach mode: where the words would be cut under the shortest picture, the sheet grows to what they
            # need and scrolls above its controls (a bar at the foot of the screen, as with large text)
            sheet_h += self._portrait_shortfall(story, sheet_w, sheet_h - PAD * 0.6 - TARGET - 28 - reach_row)
        elif ctx.control_row_y is not None:  # reach mode on a wide screen: the row it gives its controls is added,
            sheet_h += reach_row  # and the sheet scrolls above its control bar
        self.sheet = SheetPanel(sheet_w, sheet_h, look, self.on_swipe, self)
        self.sheet.setPos((w - sheet_w) / 2, max(m, (h - sheet_h) / 2))
        self.in_rail = False  # where the take-home block is: under the words, or in the rail under Home
        footer_y = sheet_h - PAD * 0.6 - TARGET
        bottom = footer_y - 28 - reach_row
        if look.portrait:
            width = sheet_w - 2 * PAD
            least, most = PORTRAIT_PICTURE
            blocks = self._blocks(story, width, self._portrait_room(bottom))
            top = bottom - self._needed(blocks) / (1 - MOST_EMPTY / 2)  # a little air, well within the limit
            art_h = min(most, max(least, top - PAD * 0.8))
            art = QRectF(0, 0, sheet_w, art_h)
            column = QRectF(PAD, art_h + PAD * 0.8, width, bottom - art_h - PAD * 0.8)
        else:
            shares = PHOTO_SHARES if self.photo is not None else PICTURE_SHARES
            for share in shares:  # the take-home block under the words
                art = QRectF(0, 0, sheet_w * share, sheet_h)
                column = QRectF(art.width() + PAD, PAD, sheet_w - art.width() - 2 * PAD - TARGET - 16, bottom - PAD)
                blocks = self._blocks(story, column.width())
                if self._needed(blocks) <= column.height() and not any(b.cut for b in blocks):
                    break
            else:  # long words: the take-home block moves to the rail under Home, the words get the column
                self.in_rail = True
                for share in shares:
                    art = QRectF(0, 0, sheet_w * share, sheet_h)
                    right = sheet_w - PAD * 0.6 - RAIL_W - 32
                    column = QRectF(art.width() + PAD, PAD, right - art.width() - PAD, bottom - PAD)
                    blocks = self._blocks(story, column.width(), column.height())
                    if self._used(blocks) <= column.height() and not any(b.cut for b in blocks):
                        break
        self.picture = self._picture(story, art)
        self.column = column
        spare = column.height() - self._needed(blocks)
        self.qr_side = min(QR_SIDE[1], QR_SIDE[0] + max(0.0, spare - column.height() * MOST_EMPTY / 2))
        if self.in_rail:
            self.qr_side = QR_SIDE[0]
        y = column.y()
        for block in blocks:
            block.make(column.x(), y)
            y += block.height + GAP
        controls_end = self._buttons(sheet_w, footer_y, len(all_stories))
        if self.in_rail:
            self.take_home = self._take_home_rail(sheet_w, controls_end + GAP, bottom)
            self.empty_share = max(0.0, column.height() - self._used(blocks)) / column.height()
        else:
            self.take_home = self._take_home(column)
            self.empty_share = self._hole(blocks, column, self.take_home.side)
        # large text: the sheet scrolls in a window as wide as itself (a tap beside it still closes it); in reach
        # mode its controls stay in view at the foot of the screen, under the window, while the words scroll
        pinned: list[QGraphicsItem] = [backdrop]
        window_h = ctx.screen_height
        self.control_bar: SheetPanel | None = None
        if ctx.control_row_y is not None:
            self.control_bar = self._control_bar(footer_y - TARGET - 20 - PAD * 0.4)
            if self.control_bar is not None:
                pinned.append(self.control_bar)
                window_h = self.control_bar.y()
        self.scroll_area = scroll_below(
            self,
            pinned,
            QRectF(self.sheet.x(), 0, sheet_w, window_h),
            ctx.ticker,
            (look.surface, look.theme.muted, look.hairline),
            end_gap=m,
            z=1.0,
        )

    @staticmethod
    def _portrait_room(bottom: float) -> float:
        """A portrait sheet: the most height its words may take above ``bottom``, under the shortest picture."""
        return bottom - PORTRAIT_PICTURE[0] - PAD * 0.8 - GAP - QR_SIDE[0]

    def _portrait_shortfall(self, story: Story, sheet_w: float, bottom: float) -> float:
        """How much taller a portrait sheet whose words end at ``bottom`` must be so that none is cut (0 when they
        fit)."""
        width = sheet_w - 2 * PAD
        room = self._portrait_room(bottom)
        if not any(block.cut for block in self._blocks(story, width, room)):
            return 0.0
        return max(0.0, self._used(self._blocks(story, width)) - room)

    def _control_bar(self, top: float) -> SheetPanel | None:
        """Reach mode, on a sheet taller than the screen: the controls (everything on the sheet below ``top``)
        moved onto a bar of their own at the foot of the screen, the sheet ending above them; None when the sheet
        fits on the screen."""
        look, sheet = self.ctx.look, self.sheet
        sheet_w, sheet_h = sheet.boundingRect().width(), sheet.boundingRect().height()
        if sheet.y() + sheet_h <= self.ctx.screen_height + 0.5:
            return None
        bar = SheetPanel(sheet_w, sheet_h - top, look, self.on_swipe, self)
        bar.setPos(sheet.x(), self.ctx.screen_height - look.margin - (sheet_h - top))  # as low as it goes
        for item in sheet.childItems():
            if item.y() >= top - 0.5:
                item.setParentItem(bar)
                item.setY(item.y() - top)
        sheet.set_size(sheet_w, top)
        return bar

    # The picture ----------------------------------------------------------------------------------------------------
    def _photo(self, story: Story) -> QPixmap | None:
        """The editor's photo, when it has one that can be read."""
        ctx = self.ctx
        if not story.image or ctx.content_dir is None:
            return None
        pixmap = QPixmap()
        try:  # only a regular file within the limit: a pipe or a device put there cannot hang the exhibit
            pixmap.loadFromData(read_regular(ctx.content_dir / story.image, MAX_IMAGE_BYTES))
        except (OSError, FileRefused) as exc:
            _log.warning("%s: image %s: %s", story.id, story.image, exc)
        if pixmap.isNull():
            _log.warning("%s: image %s cannot be read; showing its illustration instead", story.id, story.image)
            return None
        return pixmap

    def _picture(self, story: Story, art: QRectF) -> Item:
        ctx, look = self.ctx, self.ctx.look
        radius = RADIUS * 1.4
        if self.photo is not None:
            photo = PhotoArt(self.photo, art.width(), art.height(), radius, self.sheet)
            self._caption(story, art, photo)
            return photo
        return drawn_picture(
            ctx.art,
            story,
            self.pillar.accent,
            look.theme.ground,
            ctx.typography,
            ctx.language,
            art.width(),
            art.height(),
            radius,
            self.sheet,
        )

    def _caption(self, story: Story, art: QRectF, photo: Item) -> None:
        """A photo-led sheet sets the story's title over the foot of the photo, as its caption."""
        ctx = self.ctx
        inner = art.width() - 2 * PAD - (TARGET + 20 if ctx.look.portrait else 0)
        title = story.title.get(ctx.language)
        height = fit_text(title, ctx.typography, ctx.look.style("title", max_lines=3), inner, 600).height
        ctx.text(
            title,
            "title",
            inner,
            height + 2,
            photo,
            PAD,
            art.height() - PAD - height,
            origin=f"{story.id}.title",
            max_lines=3,
        )

    # The words --------------------------------------------------------------------------------------------------------
    def _text_block(
        self,
        text: str,
        role: str,
        width: float,
        origin: str,
        colour: str | None = None,
        box: float = 2000.0,
        **style: Unpack[StyleChanges],
    ) -> _Block:
        """A text of the column; within ``box`` (its most height) the text may take a smaller size of its role."""
        ctx = self.ctx
        fitted = fit_text(text, ctx.typography, ctx.look.style(role, colour, **style), width, box)
        height = fitted.height + 2

        def make(x: float, y: float) -> object:
            return ctx.text(text, role, width, height, self.sheet, x, y, origin=origin, colour=colour, **style)

        return _Block(height, make, fitted.elided)

    def _blocks(self, story: Story, width: float, room: float | None = None) -> list[_Block]:
        """The column from the top: what kind of story (or the first it claims), title, who, the key fact, the text."""
        ctx, lang, accent = self.ctx, self.ctx.language, self.pillar.accent
        first = story.first.get(lang) if isinstance(story, Card) and story.first else None
        blocks: list[_Block] = []
        if first and story.figure:
            blocks.append(
                _Block(badge_height(ctx), lambda x, y: badge(ctx, first, self.sheet, x, y, width, f"{story.id}.first"))
            )
        elif not isinstance(story, Card):  # a card names who did it under its title; a policy says what it is
            kind = say("policy", lang)
            blocks.append(self._text_block(kind, "label", width, "kind", colour=accent, bold=True, max_lines=1))
        if self.photo is None:
            blocks.append(self._text_block(story.title.get(lang), "title", width, f"{story.id}.title", max_lines=3))
        if isinstance(story, Card):
            blocks.append(
                self._text_block(
                    story.organisation.get(lang),
                    "subheading",
                    width,
                    f"{story.id}.organisation",
                    colour=accent,
                    max_lines=2,
                )
            )
        if story.figure:
            blocks += self._figure(story.figure, width)
        elif first:
            blocks.append(
                # one line: a long claim takes a smaller size of the role rather than two lines
                self._text_block(
                    first, "display", width, f"{story.id}.first", colour=ctx.look.theme.signature, max_lines=1
                )
            )
        body = story.achievement if isinstance(story, Card) else story.text
        field = "achievement" if isinstance(story, Card) else "text"
        article = ctx.content.exhibit.article
        credit = credit_line("source_credit", lang, article.publisher.get(lang), full_date(article.date, lang))
        source = self._text_block(credit, "label", width, "source", max_lines=2)
        box = 2000.0 if room is None else room - self._used([*blocks, source]) - GAP
        blocks.append(self._text_block(body.get(lang), "body", width, f"{story.id}.{field}", box=box))
        return [*blocks, source]

    def _figure(self, number_id: str, width: float) -> list[_Block]:
        """The number the story's sentence carries, large, with what it counts beside it (or under it when the
        number is too wide to share the row)."""
        ctx = self.ctx
        number = ctx.content.number(number_id)
        look = ctx.look
        metrics = QFontMetricsF(ctx.typography.font(FIGURE_H * 0.9, True, ctx.language))
        number_w = min(width, metrics.horizontalAdvance(format_number(number, ctx.language)) + 8)
        beside = width - number_w - 32 >= 240

        def label_of(label_w: float, lines: int) -> _Block:
            text, origin = number.label.get(ctx.language), f"{number.id}.label"
            return self._text_block(text, "label", label_w, origin, colour=look.theme.text, max_lines=lines)

        label = label_of(width - number_w - 32, 3) if beside else label_of(width, 2)

        def make(x: float, y: float) -> object:
            counter = CountingNumber(
                number,
                ctx.language,
                ctx.typography,
                number_w,
                FIGURE_H,
                look.theme.number,
                FIGURE_H * 0.9,
                self.sheet,
                steps=look.type_scale,
            )
            counter.setPos(x, y)
            self.figure = counter
            if beside:
                label.make(x + number_w + 32, y + (FIGURE_H - label.height) / 2)
            return counter

        if beside and label.height <= FIGURE_H and not label.cut:
            return [_Block(FIGURE_H, make)]
        beside = False
        label = label_of(width, 2)
        return [_Block(FIGURE_H - GAP, make), label]

    @staticmethod
    def _used(blocks: list[_Block]) -> float:
        """The height the column's words take."""
        return sum(b.height for b in blocks) + GAP * (len(blocks) - 1)

    @classmethod
    def _needed(cls, blocks: list[_Block]) -> float:
        """The height the column's words and the take-home block under them need."""
        return cls._used(blocks) + GAP + QR_SIDE[0]

    @classmethod
    def _hole(cls, blocks: list[_Block], column: QRectF, qr_side: float) -> float:
        """The share of the column left empty between the words and the take-home block at its foot."""
        return max(0.0, column.height() - cls._needed(blocks) - (qr_side - QR_SIDE[0])) / column.height()

    def _take_home(self, column: QRectF) -> QrCode:
        """The article's address as a QR code at the foot of the column, captioned in both languages."""
        ctx, lang = self.ctx, self.ctx.language
        article = ctx.content.exhibit.article
        qr = QrCode(article.url, self.qr_side, self.sheet)
        top = column.bottom() - qr.side
        qr.setPos(round(column.x()), round(top))
        rule = Panel(column.width(), 8, self.pillar.accent, 4, self.sheet)  # the words end; the deeper layer begins
        rule.setPos(column.x(), top - GAP - 8)
        x = column.x() + qr.side + 28
        width = column.right() - x
        other = next((language for language in ctx.content.exhibit.languages if language != lang), None)
        caption = ctx.text(
            say("take_home", lang),
            "subheading",
            width,
            100,
            self.sheet,
            x,
            top,
            origin="take-home",
            max_lines=2,
            colour=self.pillar.accent,
            bold=True,
        )
        y = top + caption.text_height() + 4
        if other is not None:
            ctx.text(
                say("take_home", other),
                "label",
                width,
                90,
                self.sheet,
                x,
                y,
                origin="take-home-other",
                max_lines=2,
                language=other,
            )
        return qr

    def _take_home_rail(self, sheet_w: float, top: float, bottom: float) -> QrCode:
        """The take-home block in the rail under Close, Home and the accessibility buttons (between ``top`` and
        ``bottom``): the QR code, its caption in both languages under it; where the rail is short, a smaller code."""
        ctx, lang = self.ctx, self.ctx.language
        x = sheet_w - PAD * 0.6 - RAIL_W
        other = next((language for language in ctx.content.exhibit.languages if language != lang), None)
        captions = [
            self._text_block(
                say("take_home", lang), "label", RAIL_W, "take-home", colour=self.pillar.accent, bold=True, max_lines=2
            )
        ]
        if other is not None:
            captions.append(
                self._text_block(
                    say("take_home", other), "label", RAIL_W, "take-home-other", max_lines=2, language=other
                )
            )
        room = bottom - top - self._used(captions) - GAP / 2
        qr = QrCode(ctx.content.exhibit.article.url, max(MIN_QR_SIDE, min(self.qr_side, room)), self.sheet)
        # the words end above the controls
        rule = Panel(sheet_w - PAD * 0.6 - self.column.x(), 8, self.pillar.accent, 4, self.sheet)
        rule.setPos(self.column.x(), bottom + 10)
        y = bottom - self._used(captions) - GAP / 2 - qr.side
        qr.setPos(round(x), round(y))
        y += qr.side + GAP / 2
        for caption in captions:
            caption.make(x, y)
            y += caption.height + GAP
        return qr

    # The controls: always in the same place ---------------------------------------------------------------------
    def _buttons(self, sheet_w: float, footer_y: float, count: int) -> float:
        """Close, Home and the accessibility buttons at the top right (in reach mode: in the row above the footer),
        the arrows, position and language along the bottom right; returns the y below the top right's controls."""
        ctx = self.ctx
        actions = ctx.actions
        right = sheet_w - PAD * 0.6 - TARGET
        if ctx.control_row_y is None:
            ctx.button("close", actions.close_story, self.sheet, right, PAD * 0.6, icon="ui-close")
            ctx.button("home", actions.home, self.sheet, right, PAD * 0.6 + TARGET + 20, icon="ui-home")
            controls_end = build_access_column(ctx, self.sheet, right, PAD * 0.6 + 2 * (TARGET + 20))
        else:
            row_y = footer_y - TARGET - 20
            ctx.button("home", actions.home, self.sheet, right, row_y, icon="ui-home")
            ctx.button("close", actions.close_story, self.sheet, right - TARGET - 20, row_y, icon="ui-close")
            build_access_buttons(ctx, self.sheet, right - TARGET - 40, row_y)
            controls_end = PAD * 0.6
        x = sheet_w - PAD * 0.6
        languages = ctx.content.exhibit.languages
        if len(languages) > 1:
            switch = LanguageSwitch(
                languages, ctx.language, actions.set_language, ctx.look, ctx.typography, self.sheet, segment_width=132.0
            )
            x -= switch.boundingRect().width()
            switch.setPos(x, footer_y)
            x -= 40
        if count > 1:
            x -= TARGET
            following = ctx.button("next", actions.next_story, self.sheet, x, footer_y, icon="ui-chevron-right")
            x -= 140
            ctx.text(
                f"{self.index + 1} / {count}",
                "label",
                140,
                TARGET,
                self.sheet,
                x,
                footer_y,
                origin="position",
                valign="center",
                align="center",
                max_lines=1,
            )
            x -= TARGET
            previous = ctx.button("previous", actions.previous_story, self.sheet, x, footer_y, icon="ui-chevron-left")
            previous.setOpacity(1.0 if self.index > 0 else 0.3)  # the ends do not wrap round
            following.setOpacity(1.0 if self.index < count - 1 else 0.3)
        return controls_end

    def on_swipe(self, direction: str) -> None:
        if direction == "left":
            self.ctx.actions.next_story()
        elif direction == "right":
            self.ctx.actions.previous_story()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.ctx.width, self.ctx.screen_height)
