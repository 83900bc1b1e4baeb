"""Fonts for the exhibit, made once per (size, weight, language) and reused: no font is built while painting."""

from __future__ import annotations

from PySide6.QtGui import QFont

from kiosk.content.line_breaks import LineBreaker
from kiosk.content.text import Language
from kiosk.qt.painting.glyph_atlas import GlyphAtlas


class Typography:
    """Hands out ``QFont`` objects for the bundled family (each distinct variant built once), and the line breaker
    that knows the content's words and names, and the glyph images of text too large for Qt's own glyph cache."""

    def __init__(self, family: str, breaker: LineBreaker | None = None):
        self.family = family
        self.breaker = breaker or LineBreaker()
        self._fonts: dict[tuple[int, bool, str], QFont] = {}
        self._half_width: dict[tuple[int, bool, str], QFont] = {}
        self.glyphs = GlyphAtlas()

    def half_width_marks(self, px: float, bold: bool = False, language: Language = "zh") -> QFont:
        """The font with OpenType ``halt``: full-width punctuation set at half width (where two marks meet)."""
        key = (max(6, round(px)), bold, language)
        font = self._half_width.get(key)
        if font is None:
            font = QFont(self.font(px, bold, language))
            font.setFeature(QFont.Tag("halt"), 1)
            self._half_width[key] = font
        return font

    def font(self, px: float, bold: bool = False, language: Language = "zh") -> QFont:
        key = (max(6, round(px)), bold, language)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.family)
            font.setPixelSize(key[0])
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # the same shapes at every scale
            # Tabular digits so numbers do not jitter while counting (Noto CJK digits are equal-width already).
            font.setFeature(QFont.Tag("tnum"), 1)
            if language == "en":  # proportional Latin quotes and apostrophes instead of full-width CJK ones
                font.setFeature(QFont.Tag("pwid"), 1)
            self._fonts[key] = font
        return font

    def __len__(self) -> int:
        return len(self._fonts)
