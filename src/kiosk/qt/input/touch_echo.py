"""The one policy for the mouse events a touch also produces, shared by every event filter on the stage.

Qt turns a touch that nobody accepted into mouse events (``MouseEventSynthesizedByQt``), and many panels' drivers
send their own mouse echo of each touch (``MouseEventSynthesizedBySystem``). A filter that listens to both touch and
mouse (so that mouse-only panels and a developer's mouse work too) must count such an echo once: a synthesised mouse
event while a touch is down, or within ``GRACE_S`` after it ended, is the echo of that touch. A real mouse
(``MouseEventNotSynthesized``) is never an echo.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent

GRACE_S = 0.5  # after a touch sequence, synthesised mouse events are its echo


class TouchEcho:
    """Tells a filter which mouse events repeat a touch it has seen; ``clock`` in seconds, monotonic."""

    def __init__(self, clock: Callable[[], float]):
        self._clock = clock
        self._touching = False
        self._ended_at = -math.inf

    @property
    def touching(self) -> bool:
        return self._touching

    def touch_began(self) -> None:
        self._touching = True

    def touch_ended(self) -> None:
        """The last finger is up (or the touch was cancelled): echoes may still come for a moment."""
        if self._touching:
            self._touching, self._ended_at = False, self._clock()

    def is_echo(self, event: QMouseEvent) -> bool:
        if event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:
            return False
        return self._touching or self._clock() - self._ended_at < GRACE_S
