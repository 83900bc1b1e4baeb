"""The language switch: one pill with 中文 and English, each labelled in its own language."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.text import Language
from kiosk.qt.foundations.look import Look
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock

NAMES: dict[str, str] = {"zh": "中文", "en": "English"}


class _Segment(Panel):
    """One language: the whole height of the switch is its touch target; the highlight is drawn inset."""

    press_feedback = True

    def __init__(
        self,
        language: Language,
        active: bool,
        choose: Callable[[Language], object],
        width: float,
        height: float,
        inset: float,
        look: Look,
        typography: Typography,
        parent: QGraphicsItem,
    ):
        super().__init__(width, height, QColor(0, 0, 0, 0), height / 2, parent)
        self.name = f"language-{language}"
        self.language = language
        self._choose = choose
        if active:
            Panel(width - inset, height - 2 * inset, look.theme.text, (height - 2 * inset) / 2, self).setPos(
                inset / 2, inset
            )
        colour = look.theme.ground if active else look.theme.text
        style = look.style("button", colour, language=language, align="center", valign="center", max_lines=1)
        self.label = TextBlock(
            NAMES.get(language, language), style, typography, width - 24, height, self, origin=self.name
        )
        self.label.setPos(12, 0)

    def on_tap(self, point: QPointF) -> None:
        self._choose(self.language)


class LanguageSwitch(Panel):
    """Tapping a language calls ``choose(language)``; the current one is filled."""

    def __init__(
        self,
        languages: Sequence[Language],
        current: Language,
        choose: Callable[[Language], object],
        look: Look,
        typography: Typography,
        parent: QGraphicsItem | None = None,
        height: float = 104.0,
        segment_width: float = 150.0,
    ):
        pad = 8.0
        if look.text_scale > 1.0:  # large text: each segment as wide as its name needs
            style = look.style("button")
            for language in languages:
                font = typography.font(style.px, style.bold, language)
                name_w = QFontMetricsF(font).horizontalAdvance(NAMES.get(language, language))
                segment_width = max(segment_width, name_w + 48)
        width = len(languages) * segment_width + 2 * pad
        super().__init__(width, height, look.surface_high, height / 2, parent, outline=look.hairline)
        self.name = "language-switch"
        for i, language in enumerate(languages):
            segment = _Segment(
                language, language == current, choose, segment_width, height, pad, look, typography, self
            )
            segment.setPos(pad + i * segment_width, 0)
