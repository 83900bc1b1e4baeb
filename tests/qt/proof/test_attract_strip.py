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

from kiosk.qt.proof.attract_strip import (
    MIN_AWAY,
    MIN_CHANGED,
    MIN_HERO,
    away_share,
    changed_share,
    write_strip,
)

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
