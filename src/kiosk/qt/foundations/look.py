"""The exhibit's look in one place: sizes in logical pixels (the short side is always 1080) and colours.

Body text is at least 28 px (2.6 % of the short side), hero numbers 150 px (about 14 %), touch targets at
least 104 px (9.6 %). Colours come from the content's theme; surfaces are mixed from its ground colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Unpack

from PySide6.QtGui import QColor

from kiosk.content.model import Theme
from kiosk.content.text import Language
from kiosk.qt.foundations.text_style import StyleChanges, TextStyle

TEXT_MIN = 28.0
TARGET = 104.0
RADIUS = 26.0


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
    text_scale: float = 1.0  # every text this many times larger (the visitor's large-text choice: 1.43)

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def margin(self) -> float:
        return 56.0 if self.portrait else 64.0

    @property
    def gap(self) -> float:
        return 28.0

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
        scale = self.text_scale
        style = TextStyle(
            px=base[0] * scale,
            min_px=max(TEXT_MIN, base[1]) * scale,
            colour=colour or self._colour(base[3]),
            bold=base[2],
            language=self.language,
            line_height=1.22 if base[2] else 1.38,
        )
        if scale != 1.0:  # a screen's own sizes for a role grow with the rest
            for key in ("px", "min_px"):
                if key in changes:
                    changes[key] = changes[key] * scale
        return style.with_(**changes) if changes else style

    def _colour(self, name: _RoleColour) -> str:
        return self.theme.muted if name == "muted" else self.theme.text


_RoleColour = Literal["text", "muted"]  # the theme colours a role's text takes
# role: (preferred px, minimum px, bold, theme colour)
_ROLES: dict[str, tuple[float, float, bool, _RoleColour]] = {
    "display": (72.0, 44.0, True, "text"),
    "title": (56.0, 38.0, True, "text"),
    "heading": (40.0, 32.0, True, "text"),
    "subheading": (34.0, 28.0, False, "muted"),
    "body": (32.0, 28.0, False, "text"),
    "label": (30.0, 28.0, False, "muted"),
    "button": (30.0, 28.0, True, "text"),
}
