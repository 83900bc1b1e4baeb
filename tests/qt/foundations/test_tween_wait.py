"""A tween waiting for its start applies its start once and then leaves its item alone (a page under its
transition is not changed, so not drawn, every frame)."""

from __future__ import annotations

from kiosk.exhibit.motion import linear
from kiosk.qt.foundations.ticker import Tween


def test_a_waiting_tween_applies_its_start_once_then_runs() -> None:
    applied: list[float] = []
    tween = Tween(owner=None, start_s=1.0, duration_s=1.0, apply=applied.append, easing=linear)
    for now in (0.0, 0.2, 0.4, 0.9):
        assert tween.step(now)
    assert applied == [0.0]
    assert tween.step(1.5) and applied[-1] == 0.5
    assert not tween.step(2.0) and applied[-1] == 1.0
