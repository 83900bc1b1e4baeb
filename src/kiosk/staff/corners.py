"""The operator's hidden gesture: the four corners of the screen touched in order within a few seconds (pure).

Order: top-left, top-right, bottom-right, bottom-left. A corner zone is a square whose side is a fraction (12 %)
of the screen's short side, in logical pixels. A press elsewhere or in the wrong corner restarts the sequence (a
press in the top-left, even a second one, starts a new one); a second press in the corner just reached counts
once (a double tap, or a touch and the mouse event a platform makes of it); all four within ``within_s`` of the
first, or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Corner = Literal["top-left", "top-right", "bottom-right", "bottom-left"]
ORDER: tuple[Corner, ...] = ("top-left", "top-right", "bottom-right", "bottom-left")
ZONE_FRACTION = 0.12


def corner_at(x: float, y: float, width: float, height: float, fraction: float = ZONE_FRACTION) -> Corner | None:
    """The corner zone that holds the point (x, y) of a ``width`` × ``height`` screen, or None."""
    zone = min(width, height) * fraction
    left, right = x <= zone, x >= width - zone
    top, bottom = y <= zone, y >= height - zone
    if top and left:
        return "top-left"
    if top and right:
        return "top-right"
    if bottom and right:
        return "bottom-right"
    if bottom and left:
        return "bottom-left"
    return None


class CornerSequence:
    """Feed it every press; :meth:`press` answers True on the press that completes the gesture."""

    def __init__(self, within_s: float, clock: Callable[[], float], fraction: float = ZONE_FRACTION) -> None:
        if not within_s > 0:
            raise ValueError(f"corner_gesture_s must be more than 0, not {within_s}")
        self._within_s = float(within_s)
        self._clock = clock
        self._fraction = fraction
        self._reached = 0  # corners reached so far, in order
        self._started = 0.0

    def reset(self) -> None:
        self._reached = 0

    def press(self, x: float, y: float, width: float, height: float) -> bool:
        """A press at (x, y) on a ``width`` × ``height`` screen (logical px); True when it completes the gesture."""
        now = self._clock()
        corner = corner_at(x, y, width, height, self._fraction)
        if self._reached and now - self._started > self._within_s:
            self._reached = 0  # too slow: this press may only start again
        if self._reached > 1 and corner == ORDER[self._reached - 1]:
            return False  # the corner just reached, again
        if corner == ORDER[self._reached]:
            if self._reached == 0:
                self._started = now
            self._reached += 1
            if self._reached == len(ORDER):
                self._reached = 0
                return True
            return False
        self._reached = 0
        if corner == ORDER[0]:
            self._started, self._reached = now, 1
        return False
