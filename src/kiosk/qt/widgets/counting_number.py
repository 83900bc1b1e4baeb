"""A key number that counts up (or a rank that counts down) to its value, in tabular digits.

Only this small item repaints while it counts: the text is worked out by :mod:`kiosk.exhibit.motion` and drawn with a
font made once. Its size is fixed by the widest text it will show, so nothing moves or jitters.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.model import KeyNumber
from kiosk.content.number_format import format_number
from kiosk.content.text import Language
from kiosk.exhibit.motion import CountUp, count_up_for, count_up_text, linear
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.typography import Typography


class CountingNumber(Item):
    """Shows ``number`` in ``language``; :meth:`start` replays its count-up on ``ticker``."""

    def __init__(
        self,
        number: KeyNumber,
        language: Language,
        typography: Typography,
        width: float,
        height: float,
        colour: QColor | str,
        max_px: float,
        parent: QGraphicsItem | None = None,
        *,
        align: str = "left",
    ):
        super().__init__(parent)
        self.number = number
        self._language = language
        self._width, self._height = float(width), float(height)
        self._colour = QColor(colour)
        self._final = format_number(number, language)
        self._count_up: CountUp = count_up_for(number)
        widest = [self._final, count_up_text(number, language, 0.0, self._count_up)]
        px = max_px
        font = typography.font(px, True, language)
        while px > 12:
            font = typography.font(px, True, language)
            metrics = QFontMetricsF(font)
            if max(metrics.horizontalAdvance(t) for t in widest) <= width and metrics.height() <= height * 1.05:
                break
            px *= 0.95
        self._font = font
        metrics = QFontMetricsF(font)
        self.px = px
        self._text_width = max(metrics.horizontalAdvance(t) for t in widest)
        self._baseline = (height - metrics.height()) / 2 + metrics.ascent()
        self._x = {"left": 0.0, "center": (width - self._text_width) / 2, "right": width - self._text_width}[align]
        self._text = self._final

    @property
    def text(self) -> str:
        return self._text

    @property
    def final_text(self) -> str:
        return self._final

    def start(self, ticker: Ticker, owner: object, *, delay_s: float = 0.0, reduced_motion: bool = False) -> None:
        self._count_up = count_up_for(self.number, reduced_motion=reduced_motion)
        self._show(0.0)
        if self._count_up.duration_s > 0:
            ticker.tween(owner, self._count_up.duration_s, self._show, delay_s=delay_s, easing=linear)

    @property
    def duration_s(self) -> float:
        """How long its count-up takes."""
        return self._count_up.duration_s

    def show_at(self, seconds: float) -> None:
        """The text ``seconds`` into the count-up, for a timeline driven by hand (the attract loop's)."""
        duration = self._count_up.duration_s
        self._show(1.0 if duration <= 0 else min(1.0, max(0.0, seconds / duration)))

    def _show(self, progress: float) -> None:
        text = count_up_text(self.number, self._language, progress * self._count_up.duration_s, self._count_up)
        if text != self._text:
            self._text = text
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        painter.setPen(self._colour)
        painter.drawText(QPointF(self._x, self._baseline), self._text)
