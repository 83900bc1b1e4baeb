"""A static home screen: title, the headline figures and the four pillars, sized to any screen.

The foundation's window, so that `kiosk run` shows the real content in the real fonts; the interactive screens
(attract loop, pillar pages, cards, touch) replace it. Everything is drawn as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from ..content.model import Content
from ..content.text import Language
from ..number_format import format_number

_WRAP = Qt.TextFlag.TextWordWrap


class HomePreview(QWidget):
    def __init__(self, content: Content, language: Language, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.language = language
        self.family = family
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._fonts: dict[str, QFont] = {}
        self._variants: dict[tuple[str, float, str], QFont] = {}  # (role, scale, language): built once per size
        self._layout_fonts()

    def set_language(self, language: Language) -> None:
        self.language = language
        self.update()

    def _font(self, fraction: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(max(8, round(self._short_side() * fraction)))
        font.setBold(bold)
        # Tabular digits so numbers do not jitter while counting (Noto CJK digits are equal-width already).
        font.setFeature(QFont.Tag("tnum"), 1)
        return font

    def _language_font(self, key: str, scale: float = 1.0) -> QFont:
        cache_key = (key, scale, self.language)
        if cache_key not in self._variants:
            font = QFont(self._fonts[key])
            font.setPixelSize(max(8, round(font.pixelSize() * scale)))
            if self.language == "en":  # proportional Latin quotes and apostrophes instead of full-width CJK ones
                font.setFeature(QFont.Tag("pwid"), 1)
            self._variants[cache_key] = font
        return self._variants[cache_key]

    def _short_side(self) -> int:
        return max(1, min(self.width(), self.height()))

    def _layout_fonts(self) -> None:
        self._variants.clear()
        self._fonts = {
            "title": self._font(0.058, bold=True),
            "subtitle": self._font(0.030),
            "figure": self._font(0.072, bold=True),
            "label": self._font(0.026),
            "tile_title": self._font(0.034, bold=True),
            "tile_number": self._font(0.085, bold=True),
        }

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._layout_fonts()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme = self.content.exhibit.theme
        lang = self.language
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.ground))
        s = self._short_side()
        margin = 0.05 * s
        width = self.width() - 2 * margin
        portrait = self.height() > self.width()

        y = margin
        painter.fillRect(QRectF(margin, y, 0.012 * s, 0.06 * s), QColor(theme.signature))
        y = self._text(painter, "title", theme.text, QRectF(margin + 0.03 * s, y, width - 0.03 * s, 0.15 * s),
                       self.content.exhibit.title.get(lang))
        y = self._text(painter, "subtitle", theme.muted, QRectF(margin + 0.03 * s, y, width, 0.1 * s),
                       self.content.exhibit.subtitle.get(lang)) + 0.05 * s

        figures = self.content.headline_numbers()
        columns = 3 if portrait else len(figures)
        cell_w = width / columns
        row_h = 0.25 * s
        for i, number in enumerate(figures):
            x = margin + (i % columns) * cell_w
            top = y + (i // columns) * row_h
            self._text(painter, "figure", theme.number, QRectF(x, top, cell_w - 0.02 * s, 0.1 * s),
                       format_number(number, lang))
            self._text(painter, "label", theme.text, QRectF(x, top + 0.1 * s, cell_w - 0.03 * s, 0.12 * s),
                       number.label.get(lang))
        rows = -(-len(figures) // columns)
        y += rows * row_h + 0.03 * s

        pillars = self.content.pillars
        tile_columns = 2 if portrait else len(pillars)
        gap = 0.025 * s
        tile_w = (width - gap * (tile_columns - 1)) / tile_columns
        tile_rows = -(-len(pillars) // tile_columns)
        tile_h = min(0.42 * s, (self.height() - margin - y - gap * (tile_rows - 1)) / tile_rows)
        for i, pillar in enumerate(pillars):
            x = margin + (i % tile_columns) * (tile_w + gap)
            top = y + (i // tile_columns) * (tile_h + gap)
            tile = QRectF(x, top, tile_w, tile_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.ground).lighter(150))
            painter.drawRoundedRect(tile, 0.02 * s, 0.02 * s)
            painter.fillRect(QRectF(x, top, tile_w, 0.012 * s), QColor(pillar.accent))
            inner = tile.adjusted(0.03 * s, 0.04 * s, -0.03 * s, -0.02 * s)
            next_y = self._text(painter, "tile_title", pillar.accent, inner, pillar.short_title.get(lang))
            if pillar.headline_number:
                number = self.content.number(pillar.headline_number)
                number_rect = QRectF(inner.x(), next_y + 0.01 * s, inner.width(), 0.12 * s)
                next_y = self._text(painter, "tile_number", theme.number, number_rect, format_number(number, lang))
                label_rect = QRectF(inner.x(), next_y, inner.width(), inner.bottom() - next_y)
                self._text(painter, "label", theme.text, label_rect, number.label.get(lang))
        painter.end()

    def _text(self, painter: QPainter, font: str, colour: str, rect: QRectF, text: str) -> float:
        """Draw plain ``text`` wrapped inside ``rect``, shrunk (down to 60 %) until it fits, never outside it.

        Returns the y just below what was drawn."""
        painter.setPen(QColor(colour))
        for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
            painter.setFont(self._language_font(font, scale))
            used = painter.boundingRect(rect, _WRAP, text)
            if used.height() <= rect.height() and used.width() <= rect.width():
                break
        painter.save()
        painter.setClipRect(rect)
        painter.drawText(rect, _WRAP, text)
        painter.restore()
        return min(rect.bottom(), used.bottom())
