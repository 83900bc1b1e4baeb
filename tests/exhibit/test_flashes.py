"""Flash counting (WCAG 2.3.1): a region that swings from dark to light and back more than three times a second is
found, slow or small changes are not."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.exhibit.flashes import (
    flashes,
    most_flashes_in_a_second,
    region_means,
    relative_luminance,
    too_many,
    transitions,
)

FPS = 20.0


def frames_of(levels: list[int], size: tuple[int, int] = (60, 90)) -> list[np.ndarray]:
    """Grey frames, one per level (0..255)."""
    return [np.full((*size, 3), level, dtype=np.uint8) for level in levels]


def square_wave(hz: float, seconds: float, low: int = 20, high: int = 230) -> list[int]:
    """Levels that switch between ``low`` and ``high`` ``hz`` times a second (two switches make one flash)."""
    return [high if int(k / FPS * hz) % 2 else low for k in range(int(seconds * FPS))]


def test_luminance_is_wcag_relative_luminance() -> None:
    lum = relative_luminance(np.array([[0, 0, 0], [255, 255, 255], [255, 0, 0], [128, 128, 128]]))
    assert lum == pytest.approx([0.0, 1.0, 0.2126, 0.2158], abs=1e-3)


def test_eight_switches_a_second_are_four_flashes_and_fail() -> None:
    found = flashes(frames_of(square_wave(8, 3)), FPS)
    assert len(found) == 36 and {f.flashes for f in found} == {4.0}
    assert len(too_many(found)) == 36


def test_three_flashes_a_second_pass() -> None:
    assert too_many(flashes(frames_of(square_wave(6, 3)), FPS)) == []


def test_a_slow_fade_or_breathing_is_no_flash() -> None:
    breathing = [round(120 + 100 * np.sin(2 * np.pi * 0.3 * k / FPS)) for k in range(int(10 * FPS))]
    assert max(f.flashes for f in flashes(frames_of(breathing), FPS)) <= 1.0


def test_small_swings_and_bright_swings_do_not_count() -> None:
    small = [100 if k % 2 else 112 for k in range(40)]  # far under 10 % of the luminance range
    assert transitions(list(relative_luminance(np.array([[v] * 3 for v in small])))) == []
    bright = [0.85, 0.97] * 20  # both states light: not a flash (the darker must be under 0.8)
    assert transitions(bright) == []


def test_only_the_flashing_region_is_found() -> None:
    frames = frames_of([20] * 60)
    for k, frame in enumerate(frames):
        if (k // 2) % 2:
            frame[:10, :15] = 240  # the top-left sixth of each way, switching every 0.1 s
    found = too_many(flashes(frames, FPS))
    assert [f.region for f in found] == [(0, 0)] and found[0].flashes == 5.0


def test_the_busiest_second_is_counted() -> None:
    assert most_flashes_in_a_second([0, 30, 31, 32, 33, 34, 35, 36, 37], FPS) == 4.0
    assert most_flashes_in_a_second([], FPS) == 0.0


def test_region_means_cut_the_frame_in_a_grid() -> None:
    frame = np.zeros((60, 60, 3), dtype=np.uint8)
    frame[:, 30:] = 255
    means = region_means(frame, 2)
    assert means.ravel().tolist() == pytest.approx([0.0, 1.0, 0.0, 1.0])


def test_too_slow_a_sampling_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 10 times a second"):
        flashes(frames_of([0, 255]), 5.0)
