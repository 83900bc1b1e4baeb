"""The attract loop's playlist: title, headline figures and pillars, shown in turn forever (pure Python)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest

from kiosk.content.model import Content
from kiosk.exhibit.navigation import pillar_order


@dataclass(frozen=True)
class TitleSlide:
    """The exhibit's title and the touch prompt."""


@dataclass(frozen=True)
class NumberSlide:
    number_id: str


@dataclass(frozen=True)
class PillarSlide:
    pillar_id: str


Slide = TitleSlide | NumberSlide | PillarSlide


def build_playlist(content: Content) -> tuple[Slide, ...]:
    """Title first, then headline numbers and pillars taking turns; whichever is longer finishes the list."""
    numbers = [NumberSlide(i) for i in content.exhibit.headline_numbers]
    pillars = [PillarSlide(i) for i in pillar_order(content)]
    pairs = chain.from_iterable(zip_longest(numbers, pillars))
    return (TitleSlide(), *(slide for slide in pairs if slide is not None))


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

    def slide_at(self, elapsed_s: float) -> tuple[int, Slide, float]:
        """(index, slide, seconds into that slide); times before the start count as the start."""
        slides, into = divmod(max(0.0, elapsed_s), self._slide_s)
        index = int(slides) % len(self._playlist)
        return index, self._playlist[index], into

    def next_change_in(self, elapsed_s: float) -> float:
        """Seconds until the next slide starts."""
        return self._slide_s - self.slide_at(elapsed_s)[2]
