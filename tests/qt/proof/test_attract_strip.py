"""The attract loop's strip and report: the brief's figures hold on the shipped content over one whole cycle, and the
measures themselves can fail.

Drawn at 960×540 and 540×960 (the same logical layouts as 1920×1080, 3840×2160 and 1080×1920 at a quarter of the
pixels) to keep the test quick; ``kiosk render`` reports all three full sizes.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.exhibit.flashes import too_many
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.proof.attract_strip import (
    MIN_AWAY,
    MIN_CHANGED,
    MIN_HERO,
    away_share,
    changed_share,
    cycle_flashes,
    write_strip,
)
from kiosk.qt.widgets.surface import Panel

from ..exhibit_fixtures import CONTENT_DIR, shipped_content

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("size", [(960, 540), (540, 960)], ids=["landscape", "portrait"])
def test_one_cycle_holds_the_figures_for_5_m(tmp_path, qapp, size) -> None:
    report = write_strip(shipped_content(), CONTENT_DIR, tmp_path, size)
    assert report.failures() == []
    assert len(report.frames) == round(report.cycle_s) == 77 and len(report.windows) == 77
    assert min(f.away for f in report.frames) >= MIN_AWAY
    assert min(changed for _, changed in report.windows) >= MIN_CHANGED
    assert min(f.hero for f in report.frames) >= MIN_HERO
    assert report.languages == ["en", "zh"]
    assert report.longest_without_demo_s <= 10.0 and any(f.demo for f in report.frames)
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert saved["failures"] == [] and saved["cycle_s"] == 77.0 and len(saved["frames"]) == 77
    assert (tmp_path / "frame-076.png").is_file() and not (tmp_path / "frame-077.png").exists()
    strip = QImage(str(tmp_path / "strip.png"))
    assert not strip.isNull() and strip.width() > 1000
    assert "every figure holds" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_the_measures_can_fail() -> None:
    ground = QColor("#0A1633")
    navy = np.tile(np.array([10, 22, 51], dtype=np.int16), (40, 60, 1))
    assert away_share(navy, ground) == 0.0
    half = navy.copy()
    half[:, :30] = [240, 96, 90]
    assert away_share(half, ground) == pytest.approx(0.5)
    assert changed_share([navy, navy, navy, navy]) == 0.0
    faint = navy + 10  # a change too small to see from across a hall counts for nothing
    assert changed_share([navy, faint, navy, faint]) == 0.0
    assert changed_share([navy, navy, half, navy]) == pytest.approx(0.5)  # there and gone within the window counts


@pytest.mark.parametrize("size", [(480, 270), (270, 480)], ids=["landscape", "portrait"])
def test_the_shipped_loop_never_flashes(qapp, size) -> None:
    """One whole cycle sampled 12 times a second: no region of the screen flashes more than three times in any second
    (WCAG 2.3.1), and the wipes, the hand's rings and the breathing invitation are far from it."""
    found = cycle_flashes(shipped_content(), CONTENT_DIR, size, fps=12.0)
    assert too_many(found) == []
    assert max(f.flashes for f in found) <= 2.0


def test_a_flashing_scene_is_caught(qapp, monkeypatch) -> None:
    """The same measure on the loop with a crafted panel that switches between black and white ten times a second."""
    shown = AttractPage.update_to

    def with_a_strobe(page: AttractPage, elapsed_s: float) -> None:
        shown(page, elapsed_s)
        strobe = getattr(page, "strobe", None)
        if strobe is None:
            strobe = page.strobe = Panel(400, 300, "#FFFFFF", 0, page)
            strobe.setPos(80, 80)
            strobe.setZValue(100)
        strobe.set_fill("#FFFFFF" if int(elapsed_s * 10) % 2 else "#000000")

    monkeypatch.setattr(AttractPage, "update_to", with_a_strobe)
    found = too_many(cycle_flashes(shipped_content(), CONTENT_DIR, (480, 270), fps=12.0, seconds=4.0))
    assert found and all(f.region[0] <= 2 and f.region[1] <= 1 for f in found)  # there, and only there
    assert max(f.flashes for f in found) >= 4
