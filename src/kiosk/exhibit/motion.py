"""Easing, count-up values and the attract loop's slow drift (pure Python, no Qt).

Nothing here reads a clock: every function takes the elapsed time, so animations are tested without waiting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from kiosk.content.model import KeyNumber
from kiosk.content.number_format import format_number, shape_of
from kiosk.content.text import Language

Easing = Literal["cubic", "expo"]

COUNT_UP_MIN_S = 1.5
COUNT_UP_MAX_S = 2.5
# The duration grows with log10 of the jump: at most 10 takes the shortest time, a million or more the longest.
_SHORT_JUMP_LOG10 = 1.0
_LONG_JUMP_LOG10 = 6.0
# From this jump on, ease-out expo races through the large digits and settles slowly on the last ones.
# Below it, ease-out cubic keeps small counts (0 → 8) from sitting on their final value for most of the time.
EXPO_FROM_JUMP = 100.0
# Screen transitions, the one place of their timing: a sheet opening over its page takes TRANSITION_S, a change of
# page a little longer (the old picture leaves before the new one arrives). Both ease out (cubic).
TRANSITION_S = 0.32
SHEET_TRANSITION_S = TRANSITION_S
PAGE_TRANSITION_S = TRANSITION_S * 1.25
DRIFT_AMPLITUDE_PX = 12.0
DRIFT_PERIOD_S = 1800.0  # at 12 px the drift moves at most about 4.5 px per minute
_EXPO_STEEPNESS = 10.0


def clamp01(t: float) -> float:
    """``t`` limited to 0..1 (NaN counts as 0)."""
    if not t > 0.0:
        return 0.0
    return 1.0 if t > 1.0 else float(t)


def in_turns(progress: float, index: int, count: int, steps: int) -> float:
    """``progress`` (0..1) moved on in ``steps`` steps, the ``index``-th of ``count`` things taking its steps between
    the others' (each a ``count``-th of a step later): things that change together change on different frames,
    so a frame draws one of them again, not all. 0 stays 0 and 1 stays 1."""
    progress = clamp01(progress)
    if progress >= 1.0 or steps <= 0:
        return progress
    offset = (index % max(1, count)) / max(1, count)
    return clamp01(math.floor(progress * steps + offset) / steps)


def linear(t: float) -> float:
    """No easing: progress as it comes (for count-ups that ease themselves, and steady pulses)."""
    return t


def ease_out_cubic(t: float) -> float:
    """Fast start, gentle stop: exactly 0 at 0 and 1 at 1."""
    u = 1.0 - clamp01(t)
    return 1.0 - u * u * u


def ease_out_expo(t: float) -> float:
    """Very fast start, long gentle stop, scaled to reach exactly 1 at 1."""
    t = clamp01(t)
    if t >= 1.0:
        return 1.0
    # Typed here: to mypy float ** float is Any (a negative base would give a complex number); this base is 2.
    end: float = 2.0**-_EXPO_STEEPNESS
    decay: float = 2.0 ** (-_EXPO_STEEPNESS * t)
    return (1.0 - decay) / (1.0 - end)


_EASINGS = {"cubic": ease_out_cubic, "expo": ease_out_expo}


@dataclass(frozen=True)
class CountUp:
    """A number moving from ``start`` to ``end`` (either direction) after ``delay_s``, over ``duration_s``."""

    start: float
    end: float
    duration_s: float
    delay_s: float = 0.0
    easing: Easing = "cubic"

    def __post_init__(self) -> None:
        if not (self.duration_s >= 0 and self.delay_s >= 0):
            raise ValueError(f"duration_s and delay_s must be 0 or more, not {self.duration_s} and {self.delay_s}")
        if self.easing not in _EASINGS:
            raise ValueError(f"easing must be one of {sorted(_EASINGS)}, not {self.easing!r}")

    @property
    def total_s(self) -> float:
        return self.delay_s + self.duration_s

    def done(self, elapsed_s: float) -> bool:
        return elapsed_s >= self.total_s

    def progress(self, elapsed_s: float) -> float:
        """Eased progress 0..1: 0 until the delay has passed, exactly 1 once done."""
        if self.done(elapsed_s):
            return 1.0
        if elapsed_s <= self.delay_s:
            return 0.0
        return _EASINGS[self.easing]((elapsed_s - self.delay_s) / self.duration_s)

    def value_at(self, elapsed_s: float) -> float:
        """Exactly ``start`` before the delay, exactly ``end`` once done."""
        p = self.progress(elapsed_s)
        if p >= 1.0:
            return self.end
        if p <= 0.0:
            return self.start
        value = self.start + (self.end - self.start) * p
        low, high = sorted((self.start, self.end))
        return min(max(value, low), high)


def count_up_duration(jump: float) -> float:
    """1.5 s for a jump of up to 10, growing with log10 of the jump to 2.5 s at a million and beyond."""
    jump = abs(jump)
    if not jump > 1.0:
        return COUNT_UP_MIN_S
    share = clamp01((math.log10(jump) - _SHORT_JUMP_LOG10) / (_LONG_JUMP_LOG10 - _SHORT_JUMP_LOG10))
    return COUNT_UP_MIN_S + (COUNT_UP_MAX_S - COUNT_UP_MIN_S) * share


def count_up_for(number: KeyNumber, *, reduced_motion: bool = False, delay_s: float = 0.0) -> CountUp:
    """The count-up of a key number: from its ``start`` (default 0) to its value.

    With ``reduced_motion`` the count-up is instant: start, end and every value are the final value.
    """
    if reduced_motion:
        return CountUp(number.value, number.value, 0.0, 0.0)
    start = 0.0 if number.start is None else number.start
    jump = abs(number.value - start)
    easing: Easing = "expo" if jump >= EXPO_FROM_JUMP else "cubic"
    return CountUp(start, number.value, count_up_duration(jump), delay_s, easing)


def count_up_text(number: KeyNumber, language: Language, elapsed_s: float, count_up: CountUp | None = None) -> str:
    """The number's text while counting, in its final shape (165万 stays ``…万``, never ``1650000``).

    The shown value is rounded to the digits the final text shows, and never leaves the count-up's range.
    """
    count_up = count_up_for(number) if count_up is None else count_up
    value = count_up.value_at(elapsed_s)
    if value == number.value:
        return format_number(number, language)
    shape = shape_of(number, language)
    step = shape.divisor / 10**shape.decimals
    low, high = sorted((count_up.start, count_up.end))
    lowest, highest = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    if lowest > highest:  # no shown value fits in the range: show where it is heading
        return shape.text(count_up.end)
    steps = min(max(round(value / step), lowest), highest)
    return shape.text(steps * step)


def drift_offset(
    elapsed_s: float, amplitude_px: float = DRIFT_AMPLITUDE_PX, period_s: float = DRIFT_PERIOD_S
) -> tuple[float, float]:
    """Anti-burn-in offset (x, y) in px on a slow figure-of-eight that closes every ``period_s``.

    Starts at (0, 0); its distance from there never exceeds ``amplitude_px``. The fastest it moves is
    about 1.79 × amplitude × 2π / period (4.5 px per minute with the defaults).
    """
    if period_s <= 0:
        raise ValueError(f"period_s must be more than 0, not {period_s}")
    angle = 2.0 * math.pi * (elapsed_s % period_s) / period_s
    # sin²u + sin²2u peaks at 1.5625 = 1.25²: scaling by 0.8 keeps the distance within the amplitude.
    scale = 0.8 * amplitude_px
    return scale * math.sin(angle), scale * math.sin(2.0 * angle)
