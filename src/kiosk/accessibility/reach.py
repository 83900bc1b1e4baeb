"""Reach mode: how high a visitor in a wheelchair can reach, as a line on the screen (pure Python, no Qt).

A floor-standing 55-inch kiosk: the panel's bottom edge is ``panel_bottom_m`` above the floor (a setting, 0.8 m by
default) and the panel is ``panel_diagonal_in`` across, 16:9. The highest operable part may be ``reach_m`` (1.2 m,
the forward reach of a seated visitor) above the floor, so on screen controls sit below the line that is
``reach_m - panel_bottom_m`` above the panel's bottom edge. A screen's logical pixels are spread evenly over the
panel's height, so the line is a fraction of the screen's height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

REACH_M = 1.2
_WIDE, _TALL = 16.0, 9.0


@dataclass(frozen=True)
class Mounting:
    """Where the panel hangs: its bottom edge above the floor, its diagonal, and the reach allowed."""

    panel_bottom_m: float = 0.8
    panel_diagonal_in: float = 55.0
    reach_m: float = REACH_M

    def __post_init__(self) -> None:
        if not (0 <= self.panel_bottom_m < self.reach_m and self.panel_diagonal_in > 0):
            raise ValueError(
                f"the panel's bottom edge ({self.panel_bottom_m} m) must be below the reach ({self.reach_m} m), "
                f"and its diagonal ({self.panel_diagonal_in} in) more than 0"
            )

    def panel_height_m(self, portrait: bool) -> float:
        """The panel's visible height: 1.218 m for a 55-inch panel in portrait, 0.685 m in landscape."""
        diagonal_m = self.panel_diagonal_in * 0.0254
        long_side = diagonal_m * _WIDE / math.hypot(_WIDE, _TALL)
        return long_side if portrait else long_side * _TALL / _WIDE

    def reachable_fraction(self, portrait: bool) -> float:
        """How much of the screen's height, from the bottom, is within reach (0..1)."""
        return min(1.0, (self.reach_m - self.panel_bottom_m) / self.panel_height_m(portrait))

    def reach_line(self, height_px: float, portrait: bool) -> float:
        """The screen y (0 at the top, ``height_px`` at the bottom) below which every control must sit."""
        return height_px * (1.0 - self.reachable_fraction(portrait))
