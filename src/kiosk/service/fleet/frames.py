"""Frame intervals in fixed buckets, for a Prometheus histogram (pure Python, no Qt).

The exhibit only draws while something moves, so the time between two frames is a frame interval only when both
belong to one run of drawing: a gap longer than ``gap_s`` starts a new run and is not counted.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

# Upper bounds in seconds: a 60 Hz frame is 16.7 ms; 34 ms is one frame dropped, 50 ms two.
FRAME_BOUNDS_S = (0.017, 0.025, 0.034, 0.05, 0.1, 0.25, 0.5, 1.0)
GAP_S = 1.0


@dataclass(frozen=True)
class HistogramSnapshot:
    """Counts per bucket (not cumulative; one more than ``bounds``: the last is above every bound)."""

    bounds: tuple[float, ...]
    counts: tuple[int, ...]
    total_s: float

    @property
    def count(self) -> int:
        return sum(self.counts)

    def cumulative(self) -> list[tuple[str, int]]:
        """``(le, count)`` pairs as Prometheus writes them, ``+Inf`` last."""
        out: list[tuple[str, int]] = []
        running = 0
        for bound, count in zip(self.bounds, self.counts, strict=False):
            running += count
            out.append((f"{bound:g}", running))
        out.append(("+Inf", self.count))
        return out


class FrameHistogram:
    """``frame(t)`` at each frame drawn (``t`` from a monotonic clock, in seconds)."""

    def __init__(self, bounds: tuple[float, ...] = FRAME_BOUNDS_S, gap_s: float = GAP_S):
        if list(bounds) != sorted(set(bounds)) or not bounds:
            raise ValueError(f"bucket bounds must rise: {bounds}")
        self.bounds = bounds
        self.gap_s = gap_s
        self._counts = [0] * (len(bounds) + 1)
        self._total_s = 0.0
        self._last: float | None = None

    def frame(self, t: float) -> None:
        last, self._last = self._last, t
        if last is not None and 0.0 < t - last <= self.gap_s:
            self.observe(t - last)

    def observe(self, interval_s: float) -> None:
        self._counts[bisect_left(self.bounds, interval_s)] += 1
        self._total_s += interval_s

    def snapshot(self) -> HistogramSnapshot:
        return HistogramSnapshot(self.bounds, tuple(self._counts), self._total_s)
