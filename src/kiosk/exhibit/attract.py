"""The attract loop's playlist and timeline (pure Python, no Qt).

One cycle: the title, then the article's figures drawn as things (a chart that carries a headline number, or the
number itself as marks) taking turns with the four pillars, then the charts not shown yet. Every scene runs
``slide_s`` seconds on the same timeline: it enters, its figure builds, a touch demonstration shows where to tap,
it holds, and the next scene takes over. Nothing here reads a clock: every function takes the elapsed time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest

from kiosk.content.model import Chart, Content, KeyNumber, Pillar
from kiosk.exhibit.motion import clamp01
from kiosk.exhibit.navigation import pillar_order

MAX_MARKS = 100  # a whole count up to this is drawn as that many marks
ENTER_S = 1.1  # the new scene sweeps in over the old one
APPEAR_FROM_S = 0.3  # its figure starts to appear while it enters
PHASE_S = 3.2  # the figure appears, then fills (the part that counts lights up), each at most this long
END_GAP_S = 0.0  # the figure is complete this long before the next scene comes
DEMO_S = 2.2  # one touch demonstration: the hand comes, taps (two ripples) and goes
DEMO_EVERY_S = 8.0  # at most this far apart (the brief asks for one at least every 10 s)


@dataclass(frozen=True)
class TitleSlide:
    """The exhibit's title in every language."""


@dataclass(frozen=True)
class NumberSlide:
    """A headline number; drawn as marks when it is a whole count of at most ``MAX_MARKS``."""

    number_id: str


@dataclass(frozen=True)
class ChartSlide:
    """A pillar's chart drawn as things: marks (part of a whole), a ladder (ranks) or grids of 100 (shares)."""

    pillar_id: str
    chart_id: str


@dataclass(frozen=True)
class PillarSlide:
    pillar_id: str


Slide = TitleSlide | NumberSlide | ChartSlide | PillarSlide


def marks_for(number: KeyNumber) -> int | None:
    """How many marks draw ``number``: a plain whole count from 1 to ``MAX_MARKS`` (no rank, share or estimate)."""
    if number.prefix is not None or number.qualifier is not None or number.value != int(number.value):
        return None
    if number.unit is not None and "%" in (number.unit.zh, number.unit.en):
        return None
    count = int(number.value)
    return count if 1 <= count <= MAX_MARKS else None


def chart_of(content: Content, number_id: str) -> tuple[Pillar, Chart] | None:
    """The chart that draws the number ``number_id`` (it names it in its ``numbers``), if any."""
    for pillar in content.pillars:
        for chart in pillar.charts:
            if number_id in chart.numbers:
                return pillar, chart
    return None


def owner_of(content: Content, number_id: str) -> Pillar | None:
    """The pillar a number belongs to (None for the exhibit's own numbers)."""
    return next((p for p in content.pillars if any(n.id == number_id for n in p.numbers)), None)


def build_playlist(content: Content) -> tuple[Slide, ...]:
    """Title first, then figures and pillars taking turns (whichever is longer finishes the list).

    The figures: each headline number in turn, as the chart that draws it (once) or as itself; then every other
    chart, in pillar order.
    """
    figures: list[Slide] = []
    for number_id in content.exhibit.headline_numbers:
        found = chart_of(content, number_id)
        slide: Slide = ChartSlide(found[0].id, found[1].id) if found else NumberSlide(number_id)
        if slide not in figures:
            figures.append(slide)
    for pillar_id in pillar_order(content):
        for chart in content.pillar(pillar_id).charts:
            if ChartSlide(pillar_id, chart.id) not in figures:
                figures.append(ChartSlide(pillar_id, chart.id))
    pillars = [PillarSlide(i) for i in pillar_order(content)]
    pairs = chain.from_iterable(zip_longest(figures, pillars))
    return (TitleSlide(), *(slide for slide in pairs if slide is not None))


@dataclass(frozen=True)
class Moment:
    """Where a scene is ``into_s`` seconds after it began: each part 0..1 (linear; the drawing eases)."""

    enter: float  # the sweep in over the scene before
    appear: float  # the figure's marks, rungs or grids appear
    fill: float  # the part that counts lights up (the 11 of 26, the markers climb, the shares fill)
    demo: float | None  # the touch demonstration's progress, None when none is on


def phase_s(slide_s: float) -> float:
    """How long the figure takes to appear, and then to fill: ``PHASE_S``, or less on short slides (it is
    complete ``END_GAP_S`` before the next scene)."""
    return max(0.1, min(PHASE_S, (slide_s - APPEAR_FROM_S - END_GAP_S) / 2))


def demo_starts(slide_s: float) -> tuple[float, ...]:
    """When in a scene the touch demonstrations start: as many as keep them at most ``DEMO_EVERY_S`` apart, also
    from one scene into the next, evenly spaced; the first as the figure has nearly appeared (or earlier, when it
    must make room for the others). On a slide shorter than a demonstration it is cut short by the next scene."""
    count = max(1, math.ceil(slide_s / DEMO_EVERY_S))
    spacing = slide_s / count
    first = max(0.0, min(APPEAR_FROM_S + phase_s(slide_s) * 0.8, spacing - DEMO_S))
    return tuple(first + k * spacing for k in range(count))


def moment(into_s: float, slide_s: float) -> Moment:
    demo = None
    for start in demo_starts(slide_s):
        if start <= into_s < start + DEMO_S:
            demo = (into_s - start) / DEMO_S
    phase = phase_s(slide_s)
    return Moment(
        enter=clamp01(into_s / ENTER_S),
        appear=clamp01((into_s - APPEAR_FROM_S) / phase),
        fill=clamp01((into_s - APPEAR_FROM_S - phase) / phase),
        demo=demo,
    )


class AttractLoop:
    """Which slide shows ``elapsed_s`` seconds after the loop started; each shows ``slide_s`` seconds."""

    def __init__(self, playlist: Sequence[Slide], slide_s: float) -> None:
        if not playlist:
            raise ValueError("the attract playlist is empty; it needs at least one slide")
        if not (math.isfinite(slide_s) and slide_s > 0):
            raise ValueError(f"slide_s must be a number of seconds more than 0, not {slide_s}")
        self._playlist = tuple(playlist)
        self._slide_s = float(slide_s)

    @property
    def playlist(self) -> tuple[Slide, ...]:
        return self._playlist

    @property
    def slide_s(self) -> float:
        return self._slide_s

    @property
    def cycle_s(self) -> float:
        """One pass through every slide."""
        return self._slide_s * len(self._playlist)

    def slide_at(self, elapsed_s: float) -> tuple[int, Slide, float]:
        """(index, slide, seconds into that slide); times before the start count as the start."""
        slides, into = divmod(max(0.0, elapsed_s), self._slide_s)
        index = int(slides) % len(self._playlist)
        return index, self._playlist[index], into

    def next_change_in(self, elapsed_s: float) -> float:
        """Seconds until the next slide starts."""
        return self._slide_s - self.slide_at(elapsed_s)[2]

    def demo_times(self) -> tuple[float, ...]:
        """When, over one cycle, a touch demonstration starts (seconds from the start of the cycle)."""
        return tuple(i * self._slide_s + s for i in range(len(self._playlist)) for s in demo_starts(self._slide_s))

    def longest_without_demo(self) -> float:
        """The longest time between the starts of two touch demonstrations, going round the cycle."""
        times = self.demo_times()
        gaps = [b - a for a, b in zip(times, times[1:])] + [times[0] + self.cycle_s - times[-1]]
        return max(gaps)
