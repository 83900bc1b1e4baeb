"""How a text is set: size and its floor, colour, weight, alignment, lines and language (no Qt needed to hold one).

Screens and the look choose styles; :class:`kiosk.qt.widgets.text_block.TextBlock` sets text with them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypedDict, Unpack

from kiosk.content.text import Language

HEADING_LINES = 3  # a text of at most this many lines (as designed, before large text) is a heading or a label


class StyleChanges(TypedDict, total=False):
    """What a role's style may change (its colour is chosen on its own: see ``Look.style``)."""

    px: float
    min_px: float
    bold: bool
    align: str
    valign: str
    max_lines: int
    line_height: float
    language: Language
    heading: bool


class TextStyleChanges(StyleChanges, total=False):
    """What :meth:`TextStyle.with_` may change: any field."""

    colour: str


@dataclass(frozen=True)
class TextStyle:
    px: float  # preferred size in logical pixels
    min_px: float  # never smaller than this; below it the text is elided instead
    colour: str
    bold: bool = False
    align: str = "left"  # left | center | right
    valign: str = "top"  # top | center | bottom
    max_lines: int = 99
    line_height: float = 1.3  # line spacing as a multiple of the font size
    language: Language = "zh"
    steps: tuple[float, ...] = ()  # the sizes a text may shrink to (smallest first); empty: any size
    # A heading or a label (balanced; a Chinese last line of two Han characters will do) rather than body text (a
    # last line of three). None: judged by ``max_lines`` — which large text doubles, so a look says it itself.
    heading: bool | None = None

    @property
    def is_heading(self) -> bool:
        return self.heading if self.heading is not None else self.max_lines <= HEADING_LINES

    def smaller(self, px: float, factor: float) -> float:
        """The next size below ``px`` when a text does not fit: the next step down, or ``px`` × ``factor``."""
        lower = [step for step in self.steps if step < px - 0.01]
        return lower[-1] if lower else (0.0 if self.steps else px * factor)

    def with_(self, **changes: Unpack[TextStyleChanges]) -> TextStyle:
        return replace(self, **changes)
