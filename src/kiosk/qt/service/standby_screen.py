"""The standby screen outside opening hours: nearly black, over everything, with the exhibit's title and when it
opens again in small dim text that drifts slowly across the screen (no pixel lit in one place for long)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.text import Language
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.dates import day_and_month, time_of_day, weekday_name
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix
from kiosk.qt.foundations.words import say
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock

STANDBY_Z = 2000  # above sheets (10), the idle warning (100) and transition pictures (1000, 1001)
DRIFT_PERIODS_MIN = (47.0, 31.0)  # a slow Lissajous path: it takes hours to come back to the same place
_GROUND_DARKNESS = 0.82  # how far the ground colour goes towards black
_BLOCK_WIDTH = 1000.0


def opening_words(now: datetime, opens: datetime | None, language: Language) -> str:
    """``Opens at 09:00 Monday`` / ``周一 09:00 开放`` (today, tomorrow, a weekday within a week, else a date)."""
    if opens is None:
        return say("closed_for_now", language)
    time = time_of_day(opens, language)
    days = (opens.date() - now.date()).days
    if days <= 0:
        return say("opens_today", language, time=time)
    if days == 1:
        return say("opens_tomorrow", language, time=time)
    if days < 7:
        return say("opens_on_day", language, time=time, day=weekday_name(opens.date(), language))
    return say("opens_on_date", language, time=time, date=day_and_month(opens.date(), language))


def drift_offset(minutes: float, room_width: float, room_height: float) -> QPointF:
    """Where the text block stands ``minutes`` into its slow path through a room of the given size."""
    px, py = DRIFT_PERIODS_MIN
    x = 0.5 + 0.5 * math.sin(2 * math.pi * minutes / px)
    y = 0.5 + 0.5 * math.sin(2 * math.pi * minutes / py + 1.0)
    return QPointF(max(0.0, room_width) * x, max(0.0, room_height) * y)


def _natural_width(block: TextBlock) -> float:
    layout = block.fitted.layout
    return max((layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())), default=0.0)


class StandbyText(Item):
    """The exhibit's titles and when it opens, drifting together over the standby screen."""

    name = "standby-text"


class StandbyScreen(Item):
    """Covers the exhibit and takes every touch (``on_touch`` is told); :meth:`drift` moves the text."""

    blocks_input = True
    name = "standby"

    def __init__(
        self,
        ctx: PageContext,
        now: datetime,
        opens: datetime | None,
        on_touch: Callable[[], None] | None = None,
        parent: QGraphicsItem | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        look = ctx.look
        self._rect = QRectF(0, 0, look.width, look.height)
        self._on_touch = on_touch
        self.ground = mix(look.theme.ground, "#000000", _GROUND_DARKNESS)
        exhibit = ctx.content.exhibit
        languages = [exhibit.default_language] + [
            lang for lang in exhibit.languages if lang != exhibit.default_language
        ]
        self.languages: tuple[Language, ...] = tuple(languages)
        self.title_colour = mix(look.theme.text, self.ground, 0.42).name()
        self.words_colour = mix(look.theme.muted, self.ground, 0.3).name()
        width = min(_BLOCK_WIDTH, look.width - 2 * look.margin)
        self.block = StandbyText(self)
        Panel(48, 4, mix(look.theme.signature, self.ground, 0.45), 2, self.block)
        y = 28.0
        self.titles: list[TextBlock] = []
        for i, lang in enumerate(self.languages):
            px = 40.0 if i == 0 else 28.0
            style = look.style(
                "heading" if i == 0 else "label", self.title_colour, px=px, min_px=28.0, max_lines=2, language=lang
            )
            block = TextBlock(
                exhibit.title.get(lang),
                style,
                ctx.typography,
                width,
                px * 3.0,
                self.block,
                origin=f"standby.title.{lang}",
            )
            block.setPos(0, y)
            self.titles.append(block)
            y += block.text_height() + 8
        y += 20
        self.words: list[TextBlock] = []
        for lang in self.languages:
            style = look.style("label", self.words_colour, px=28.0, max_lines=1, language=lang)
            block = TextBlock(
                opening_words(now, opens, lang),
                style,
                ctx.typography,
                width,
                48.0,
                self.block,
                origin=f"standby.opens.{lang}",
            )
            block.setPos(0, y)
            self.words.append(block)
            y += 48.0
        self._width = width
        self.block_size = (width, y)
        self._fit_boxes()
        self.setZValue(STANDBY_Z)
        self.drift(0.0)

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.titles + self.words)

    def set_opening(self, now: datetime, opens: datetime | None) -> None:
        """Say when the exhibit opens (``today`` becomes a weekday name as the days go by)."""
        words = [opening_words(now, opens, lang) for lang in self.languages]
        if words != [block.text for block in self.words]:
            for block, text in zip(self.words, words, strict=True):
                block.set_box(self._width, block.boundingRect().height())
                block.set_text(text)
            self._fit_boxes()

    def _fit_boxes(self) -> None:
        """Boxes as wide as the text: the text drifts in all the rest of the screen."""
        blocks = self.titles + self.words
        used = min(self._width, max(_natural_width(block) for block in blocks) + 2)
        for block in blocks:
            block.set_box(used, block.boundingRect().height())
        self.block_size = (used, self.block_size[1])

    def drift(self, minutes: float) -> None:
        """Put the text where its slow path is after ``minutes`` (called about once a minute)."""
        margin = self.ctx.look.margin
        width, height = self.block_size
        offset = drift_offset(
            minutes, self._rect.width() - width - 2 * margin, self._rect.height() - height - 2 * margin
        )
        self.block.setPos(margin + offset.x(), margin + offset.y())

    def on_tap(self, point: QPointF) -> None:
        if self._on_touch is not None:
            self._on_touch()

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._rect, QColor(self.ground))
