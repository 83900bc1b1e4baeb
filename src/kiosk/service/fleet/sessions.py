"""Visitor sessions per day, counted in the running exhibit (pure Python): a session starts when a touch wakes the
attract loop. Kept until the visitor analytics store answers the same question (``sessions_today`` is a callable
returning the count, so either can be behind it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime


class SessionCounter:
    """``started()`` at each wake of the attract loop; ``today()`` the count for the local day ``now()`` is in."""

    def __init__(self, now: Callable[[], datetime]):
        self._now = now
        self._day: date = now().date()
        self._count = 0
        self.last_touch: datetime | None = None

    def started(self) -> None:
        self._roll()
        self._count += 1

    def touched(self) -> None:
        self.last_touch = self._now()

    def today(self) -> int:
        self._roll()
        return self._count

    def _roll(self) -> None:
        day = self._now().date()
        if day != self._day:
            self._day, self._count = day, 0
