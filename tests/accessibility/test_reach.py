"""Reach mode's line on the screen: 1.2 m above the floor on a floor-standing 55-inch panel."""

from __future__ import annotations

import pytest

from kiosk.accessibility.reach import Mounting


def test_a_55_inch_panel_is_1218_by_685_mm() -> None:
    mounting = Mounting()
    assert mounting.panel_height_m(portrait=True) == pytest.approx(1.218, abs=0.001)
    assert mounting.panel_height_m(portrait=False) == pytest.approx(0.685, abs=0.001)


def test_portrait_panel_with_its_lower_edge_at_0_8_m() -> None:
    # 1.2 m - 0.8 m = 0.4 m of a 1.218 m tall picture is within reach: the lowest 32.8 %.
    line = Mounting(panel_bottom_m=0.8).reach_line(1920, portrait=True)
    assert line == pytest.approx(1920 * (1 - 0.4 / 1.2177), abs=1)
    assert 1285 < line < 1295


def test_a_higher_panel_leaves_less_within_reach() -> None:
    low = Mounting(panel_bottom_m=0.7).reach_line(1920, portrait=True)
    high = Mounting(panel_bottom_m=1.0).reach_line(1920, portrait=True)
    assert low < high


def test_a_landscape_panel_mostly_within_reach() -> None:
    assert Mounting().reach_line(1080, portrait=False) == pytest.approx(1080 * (1 - 0.4 / 0.685), abs=1)
    assert Mounting(panel_bottom_m=0.0, reach_m=1.2).reach_line(1080, portrait=False) == 0.0


def test_a_panel_above_the_reach_is_refused() -> None:
    with pytest.raises(ValueError, match="below the reach"):
        Mounting(panel_bottom_m=1.3)
