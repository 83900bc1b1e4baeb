"""Clocks: the real monotonic one, and a hand-driven one for tests and offscreen rendering (pure Python)."""

from __future__ import annotations

import time


class ManualClock:
    """Time that moves only when told to: ``clock()`` reads it, ``advance(s)`` moves it on."""

    def __init__(self, start: float = 1000.0):
        self._now = float(start)

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"time only moves forward, not by {seconds}")
        self._now += seconds


def monotonic() -> float:
    return time.monotonic()
