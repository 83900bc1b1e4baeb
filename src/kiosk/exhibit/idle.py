"""When nobody has touched the screen for a while: warn, then reset (pure Python, no Qt).

The tracker only answers questions about time; the caller schedules its own timer with
:meth:`IdleTracker.next_change_in` and acts on :meth:`IdleTracker.phase`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal

Phase = Literal["active", "warning", "expired"]


class IdleTracker:
    """Idle time since the last touch, against a timeout whose last ``warning_s`` seconds are a warning.

    While suspended (the attract loop is showing) nothing is tracked: the phase is ``"active"``, the full
    timeout is left and no change is due. ``resume()`` starts a fresh timeout.
    """

    def __init__(self, timeout_s: float, warning_s: float, clock: Callable[[], float]) -> None:
        if not (math.isfinite(timeout_s) and math.isfinite(warning_s) and timeout_s > warning_s > 0):
            raise ValueError(
                f"idle times must satisfy timeout_s > warning_s > 0, got timeout_s={timeout_s}, warning_s={warning_s}"
            )
        self._timeout_s = float(timeout_s)
        self._warning_s = float(warning_s)
        self._clock = clock
        self._last_touch = clock()
        self._suspended = False

    @property
    def timeout_s(self) -> float:
        return self._timeout_s

    def set_timeout_s(self, timeout_s: float) -> None:
        """A new timeout from now on, counted from the same last touch (more time for a visitor who needs it)."""
        if not (math.isfinite(timeout_s) and timeout_s > self._warning_s):
            raise ValueError(f"the idle timeout must be longer than the warning ({self._warning_s} s), not {timeout_s}")
        self._timeout_s = float(timeout_s)

    @property
    def warning_s(self) -> float:
        return self._warning_s

    @property
    def suspended(self) -> bool:
        return self._suspended

    def touch(self) -> None:
        """Someone touched the screen: the timeout starts again (also cancels a warning)."""
        self._last_touch = self._clock()

    def suspend(self) -> None:
        """Stop tracking (the attract loop is showing)."""
        self._suspended = True

    def resume(self) -> None:
        """Track again, with a fresh timeout from now."""
        self._suspended = False
        self._last_touch = self._clock()

    def idle_s(self) -> float:
        """Seconds since the last touch (0 while suspended)."""
        if self._suspended:
            return 0.0
        return max(0.0, self._clock() - self._last_touch)

    def seconds_left(self) -> float:
        """Seconds until the timeout expires (0 once expired)."""
        return max(0.0, self._timeout_s - self.idle_s())

    def phase(self) -> Phase:
        """``active``, then ``warning`` from ``timeout_s - warning_s`` on, then ``expired`` from ``timeout_s``."""
        left = self.seconds_left()
        if left <= 0.0:
            return "expired"
        return "warning" if left <= self._warning_s else "active"

    def warning_countdown(self) -> int:
        """The whole seconds the warning overlay shows: 10, 9, …, 1 (ceil of the time left); 0 once expired.

        Before the warning it is the first value the overlay will show.
        """
        return min(math.ceil(self.seconds_left()), math.ceil(self._warning_s))

    def next_change_in(self) -> float | None:
        """Seconds until the phase next changes; None once expired or while suspended."""
        if self._suspended:
            return None
        left = self.seconds_left()
        if left <= 0.0:
            return None
        return left - self._warning_s if left > self._warning_s else left

    def next_countdown_change_in(self) -> float | None:
        """During the warning, seconds until ``warning_countdown()`` next changes; otherwise None."""
        if self._suspended or self.phase() != "warning":
            return None
        left = self.seconds_left()
        return left - (math.ceil(left) - 1)
