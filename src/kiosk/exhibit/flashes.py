"""Counting flashes in a sampled sequence of frames (WCAG 2.3.1, three flashes or below the threshold).

A *flash* is a pair of opposing changes of relative luminance of at least 10 % of the maximum (0.1), the darker
state below 0.8. Nothing may flash more than three times in any one second. Each frame is cut into a grid of
regions (6 × 6: each about 2.8 % of the screen, the share of the field of view WCAG's small-area exemption allows),
and each region's mean relative luminance is followed over time: a change counts once it has gone 0.1 from the last
turning point, however slowly, and a reversal of 0.1 from the furthest point since counts again.

Pure NumPy on arrays of 8-bit sRGB pixels (height × width × 3); no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

CHANGE = 0.1  # of the maximum relative luminance
DARK_BELOW = 0.8  # the darker of the two states must be below this
MAX_FLASHES_PER_S = 3
GRID = 6  # regions each way
MIN_FPS = 10.0  # sampled any slower, a flash could fall between two samples

_srgb = np.arange(256) / 255.0
_LINEAR = np.where(_srgb <= 0.04045, _srgb / 12.92, ((_srgb + 0.055) / 1.055) ** 2.4)


def relative_luminance(pixels: NDArray[np.integer]) -> NDArray[np.float64]:
    """Relative luminance (0..1) of each 8-bit sRGB pixel of ``pixels`` (… × 3)."""
    linear = _LINEAR[np.clip(pixels, 0, 255).astype(np.intp)]
    result: NDArray[np.float64] = linear @ np.array([0.2126, 0.7152, 0.0722])
    return result


def region_means(pixels: NDArray[np.integer], grid: int = GRID) -> NDArray[np.float64]:
    """The mean relative luminance of each of ``grid`` × ``grid`` regions of a frame (rows × columns)."""
    lum = relative_luminance(pixels)
    h, w = lum.shape
    rows = np.array_split(np.arange(h), grid)
    cols = np.array_split(np.arange(w), grid)
    return np.array([[lum[r[0] : r[-1] + 1, c[0] : c[-1] + 1].mean() for c in cols] for r in rows])


def transitions(series: Sequence[float], change: float = CHANGE, dark_below: float = DARK_BELOW) -> list[int]:
    """The samples at which ``series`` (one region's luminance over time) completes a change of luminance: it has
    gone ``change`` from the last turning point (or, after one, back from the furthest point since), the darker
    end below ``dark_below``."""
    found: list[int] = []
    if not series:
        return found
    anchor = peak = float(series[0])
    trend = 0  # +1 getting lighter, -1 darker, 0 not yet known
    for i, value in enumerate(series[1:], start=1):
        v = float(value)
        if trend == 0:
            if abs(v - anchor) >= change:
                trend, peak = (1 if v > anchor else -1), v
                if min(anchor, v) < dark_below:
                    found.append(i)
        elif trend * (v - peak) > 0:
            peak = v  # further the same way
        elif abs(v - peak) >= change:  # back the other way, far enough
            if min(peak, v) < dark_below:
                found.append(i)
            anchor, peak, trend = peak, v, -trend
    return found


def most_flashes_in_a_second(times: Sequence[int], fps: float) -> float:
    """The most flashes (pairs of opposing changes) in any one second, for changes at sample indices ``times``."""
    window = fps  # samples in one second
    most = 0
    start = 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        most = max(most, end - start + 1)
    return most / 2


@dataclass(frozen=True)
class FlashFinding:
    region: tuple[int, int]  # (row, column) of the grid
    flashes: float  # the most in any one second
    at_s: float  # when that second starts


def flashes(frames: Sequence[NDArray[np.integer]], fps: float, grid: int = GRID) -> list[FlashFinding]:
    """For each region of ``frames`` (sampled ``fps`` times a second), the most flashes in any one second."""
    return region_flashes(np.stack([region_means(frame, grid) for frame in frames]), fps)


def region_flashes(means: NDArray[np.float64], fps: float) -> list[FlashFinding]:
    """The same from each frame's :func:`region_means` (time × rows × columns), sampled ``fps`` times a second."""
    if fps < MIN_FPS:
        raise ValueError(f"frames must be sampled at least {MIN_FPS:g} times a second to see flashes, not {fps:g}")
    found = []
    for row in range(means.shape[1]):
        for col in range(means.shape[2]):
            times = transitions(list(means[:, row, col]))
            most = most_flashes_in_a_second(times, fps)
            start = 0
            for k, t in enumerate(times):  # where the busiest second starts
                inside = [u for u in times[k:] if u - t < fps]
                if len(inside) / 2 >= most:
                    start = t
                    break
            found.append(FlashFinding((row, col), most, start / fps))
    return found


def too_many(findings: Sequence[FlashFinding]) -> list[FlashFinding]:
    """The regions that flash more than ``MAX_FLASHES_PER_S`` times in some second."""
    return [f for f in findings if f.flashes > MAX_FLASHES_PER_S]
