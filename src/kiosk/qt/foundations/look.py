"""The exhibit's look in one place: sizes in logical pixels (the short side is always 1080) and colours.

Text comes in four sizes, the type scale (:data:`TYPE_SCALE`): body and labels 30 px (2.8 % of the short side),
headings 40, titles 54, display 72 — each step 1.33× or more above the last. A text that does not fit its box
steps down the scale, never to a size between. Hero numbers are set apart from the scale, at 12–15 % of the short
side (:data:`HERO_PX`). Touch targets are at least 104 px (9.6 %). Colours come from the content's theme; surfaces
are mixed from its ground colour. ``text_scale`` enlarges every text (large text for visitors who need it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Unpack

from PySide6.QtGui import QColor

from kiosk.content.model import Theme
from kiosk.content.text import Language
from kiosk.qt.foundations.text_style import HEADING_LINES, StyleChanges, TextStyle

TYPE_SCALE = (30.0, 40.0, 54.0, 72.0)  # body/label/button, heading, title, display
SCALE_RATIO = 1.33  # the smallest step between two sizes of the scale
HERO_PX = (130.0, 162.0)  # hero numbers: 12 % to 15 % of the short side
TEXT_MIN = TYPE_SCALE[0]
TARGET = 104.0
RADIUS = 26.0
DEAD_BAND = 0.10  # the most of a screen's height that a band across it may stay empty


def mix(a: str | QColor, b: str | QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * amount,
        ca.greenF() + (cb.greenF() - ca.greenF()) * amount,
        ca.blueF() + (cb.blueF() - ca.blueF()) * amount,
    )


@dataclass(frozen=True)
class Look:
    """Sizes and colours for one screen shape and language."""

    width: float
    height: float
    theme: Theme
    language: Language
    text_scale: float = 1.0  # every text size × this (large text)

    @property
    def type_scale(self) -> tuple[float, ...]:
        """The text sizes this look sets, smallest first."""
        return tuple(px * self.text_scale for px in TYPE_SCALE)

    @property
    def hero_px(self) -> tuple[float, float]:
        """The smallest and the preferred size of a hero number."""
        return (HERO_PX[0] * self.text_scale, HERO_PX[1] * self.text_scale)

    def snap(self, px: float) -> float:
        """``px`` (a size on the unscaled 1080 grid) moved down to the nearest step of the scale (a text set for a
        box never grows out of it); sizes above the scale are hero sizes, and sizes below it the operator's small
        print: both only scaled."""
        if self.text_scale != 1.0 and any(abs(px - step) < 0.01 for step in self.type_scale):
            return px  # a step of this look's scale already (a row's shared size from look.type_scale)
        if px > TYPE_SCALE[-1] * 1.12 or px < TYPE_SCALE[0]:
            return px * self.text_scale
        return max(step for step in TYPE_SCALE if step <= px * 1.02) * self.text_scale

    def room(self, px: float) -> float:
        """A height meant for text (a line, a label's box) on the unscaled grid, grown with the text."""
        return px * self.text_scale

    def lines(self, count: int) -> int:
        """At most ``count`` lines on the unscaled grid: in large text a text of two lines or more may take twice as
        many (its words wrap sooner: about 1.4 times as many lines, more where a long word moves down), a single
        line stays one."""
        return count if self.text_scale <= 1.0 or count < 2 else count * 2

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def margin(self) -> float:
        return 56.0 if self.portrait else 64.0

    @property
    def gap(self) -> float:
        return 28.0

    # The column grid every screen is laid out on: four columns in landscape, two in portrait.
    @property
    def columns(self) -> int:
        return 2 if self.portrait else 4

    @property
    def column(self) -> float:
        """The width of one column."""
        return (self.width - 2 * self.margin - (self.columns - 1) * self.gap) / self.columns

    def column_x(self, index: int) -> float:
        """Where column ``index`` (0-based) starts."""
        return self.margin + index * (self.column + self.gap)

    def span(self, count: int) -> float:
        """The width of ``count`` columns and the gaps between them."""
        return count * self.column + (count - 1) * self.gap

    # Surfaces ------------------------------------------------------------------------------------------------
    @property
    def surface(self) -> QColor:
        return mix(self.theme.ground, "#FFFFFF", 0.06)

    @property
    def surface_high(self) -> QColor:
        return mix(self.theme.ground, "#FFFFFF", 0.11)

    @property
    def hairline(self) -> QColor:
        return mix(self.theme.ground, "#FFFFFF", 0.22)

    # Text styles ---------------------------------------------------------------------------------------------
    def style(self, role: str, colour: str | None = None, **changes: Unpack[StyleChanges]) -> TextStyle:
        """A text style by role: title, heading, subheading, body, label, caption, button."""
        base = _ROLES[role]
        px = self.snap(changes.pop("px", base[0]))
        # A floor below the scale only where a screen asks for one (the attract loop's small print beside its heroes).
        min_px = self.snap(changes.pop("min_px")) if "min_px" in changes else self.snap(max(TEXT_MIN, base[1]))
        steps = self.type_scale if min_px >= self.type_scale[0] - 0.01 else (min_px, *self.type_scale)
        style = TextStyle(
            px=px,
            min_px=min(px, min_px),
            colour=colour or self._colour(base[3]),
            bold=base[2],
            language=self.language,
            line_height=1.22 if base[2] else 1.38,
            steps=steps,
        )
        # What the designer set decides whether it is a heading (a title, a heading, a button, any text of a few
        # lines): large text only lets it take more lines.
        changes.setdefault("heading", base[2] or changes.get("max_lines", style.max_lines) <= HEADING_LINES)
        if "max_lines" in changes:
            changes["max_lines"] = self.lines(changes["max_lines"])
        return style.with_(**changes) if changes else style

    def _colour(self, name: _RoleColour) -> str:
        return self.theme.muted if name == "muted" else self.theme.text


_RoleColour = Literal["text", "muted"]  # the theme colours a role's text takes
# role: (preferred px, minimum px, bold, theme colour)
_ROLES: dict[str, tuple[float, float, bool, _RoleColour]] = {
    "display": (72.0, 40.0, True, "text"),
    "title": (54.0, 40.0, True, "text"),
    "heading": (40.0, 30.0, True, "text"),
    "subheading": (30.0, 30.0, False, "muted"),
    "body": (30.0, 30.0, False, "text"),
    "label": (30.0, 30.0, False, "muted"),
    "button": (30.0, 30.0, True, "text"),
}
