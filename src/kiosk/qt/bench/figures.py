"""Figures of a benchmark: samples in milliseconds per step, summarised as p50/p90/p99/max (nearest rank)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def percentile(sorted_ms: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of already sorted samples (0 for none)."""
    if not sorted_ms:
        return 0.0
    rank = max(1, math.ceil(share * len(sorted_ms)))
    return sorted_ms[min(len(sorted_ms), rank) - 1]


@dataclass
class Samples:
    """What one kind of measurement (``what``) of one step gave, in ms."""

    step: str
    what: str
    values: list[float] = field(default_factory=list)

    def add(self, ms: float) -> None:
        self.values.append(ms)

    def summary(self) -> dict[str, float]:
        ordered = sorted(self.values)
        return {
            "n": float(len(ordered)),
            "p50": percentile(ordered, 0.5),
            "p90": percentile(ordered, 0.9),
            "p99": percentile(ordered, 0.99),
            "max": ordered[-1] if ordered else 0.0,
        }


class Figures:
    """Every sample of a run, by (step, what), in the order first seen."""

    def __init__(self) -> None:
        self._samples: dict[tuple[str, str], Samples] = {}

    def add(self, step: str, what: str, ms: float) -> None:
        key = (step, what)
        if key not in self._samples:
            self._samples[key] = Samples(step, what)
        self._samples[key].add(ms)

    def extend(self, step: str, what: str, values: Iterable[float]) -> None:
        for ms in values:
            self.add(step, what, ms)

    def all(self) -> list[Samples]:
        return list(self._samples.values())

    def pooled(self, what: str) -> Samples:
        """Every step's samples of ``what`` together."""
        pooled = Samples("all", what)
        for samples in self._samples.values():
            if samples.what == what:
                pooled.values.extend(samples.values)
        return pooled

    def rows(self) -> list[dict[str, object]]:
        return [{"step": s.step, "what": s.what, **s.summary()} for s in self.all()]


def table(rows: Iterable[dict[str, object]], label: str) -> list[str]:
    """One line per step and measurement: ``label step what n p50 p90 p99 max``."""
    lines = []
    for row in rows:
        lines.append(
            f"{label:26} {str(row['step']):16} {str(row['what']):15} n={int(float(str(row['n']))):4d}"
            + "".join(f" {key} {float(str(row[key])):7.1f}" for key in ("p50", "p90", "p99", "max"))
            + " ms"
        )
    return lines
