"""`kiosk render --mode`: every visitor screen also in large text, high contrast, reach mode and reading aloud
(the attract loop is left out there: the choices are reset on it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk import cli
from kiosk.accessibility.choices import MODES, mode_choices
from kiosk.content.loader import require_content
from kiosk.qt.proof import render

from ...content.fixtures import write_content

pytestmark = pytest.mark.gui

VISITOR_SCREENS = ["home", "pillar-one", "story-one-01-ship", "outlook", "idle-warning", "accessibility-menu"]


def test_render_writes_each_mode_into_its_own_folder(tmp_path: Path, qapp) -> None:
    content_dir, out = write_content(tmp_path), tmp_path / "proofs"
    args = ["render", "--content", str(content_dir), "--out", str(out), "--size", "1080x1920", "--lang", "en"]
    assert cli.main([*args, "--mode", "default", "--mode", "high-contrast", "--mode", "reach"]) == 0
    folder = out / "1080x1920"
    assert sorted(p.name for p in folder.iterdir()) == ["attract", "en", "en-high-contrast", "en-reach", "operator"]
    assert sorted(p.stem for p in (folder / "en-reach").glob("*.png")) == sorted(VISITOR_SCREENS)
    high = QImage(str(folder / "en-high-contrast" / "home.png"))
    assert QColor(high.pixel(4, 4)) == QColor("#000000")  # the high-contrast ground
    normal = QImage(str(folder / "en" / "home.png"))
    assert QColor(normal.pixel(4, 4)) != QColor("#000000")


@pytest.mark.parametrize("mode", [*(m for m in MODES if m != "default"), "large-text+reach"])
def test_each_mode_is_on_in_every_shot_including_the_idle_warning(tmp_path: Path, qapp, mode: str) -> None:
    content_dir = write_content(tmp_path)
    content = require_content(content_dir)
    seen = []
    for shot, exhibit in render.visit(content, content_dir, (1920, 1080), "zh", mode=mode):
        choices = exhibit.controller.access.choices
        assert all(choices.is_on(choice) for choice in mode_choices(mode)), shot.name
        if shot.name == "idle-warning":
            assert exhibit.controller.idle_warning is not None
        seen.append(shot.name)
    assert seen == VISITOR_SCREENS


def test_a_mode_that_does_not_exist_is_refused_with_the_modes_there_are(tmp_path: Path, capsys) -> None:
    assert cli.main(["render", "--out", str(tmp_path), "--mode", "large-text+larger"]) != 0
    assert "no mode 'larger' in 'large-text+larger': the modes are default, large-text" in capsys.readouterr().err
