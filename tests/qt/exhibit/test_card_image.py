"""A card's image is shown on its story sheet, cropped to fill the picture; an unreadable image falls back to the
card's icon with a warning in the log, never a crash."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.clock import ManualClock
from kiosk.content.model import Content
from kiosk.qt.app.build import build_exhibit
from kiosk.qt.exhibit.screens.story_art import PhotoArt
from kiosk.settings.model import ExhibitSettings

MAGENTA = QColor("#D020C0")


def _with_image(content: Content, image: str) -> Content:
    pillar = content.pillars[0]
    card = pillar.cards[0].model_copy(update={"image": image})
    changed = pillar.model_copy(update={"cards": [card, *pillar.cards[1:]]})
    return content.model_copy(update={"pillars": (changed, *content.pillars[1:])})


def _story_sheet_image(content: Content, content_dir: Path, qtbot) -> QImage:
    clock = ManualClock()
    exhibit = build_exhibit(content, ExhibitSettings(), clock, content_dir=content_dir)
    qtbot.addWidget(exhibit.stage)
    exhibit.stage.resize(1920, 1080)
    exhibit.stage.show()
    nav = exhibit.controller
    nav.wake()
    nav.open_pillar(content.pillars[0].id)
    nav.open_story(0)
    exhibit.controller.settle(clock.advance)
    exhibit.controller.idle_loop.attract_timer.stop()
    exhibit.controller.idle_loop.idle_timer.stop()
    assert exhibit.controller.sheet is not None
    found = [i for i in exhibit.stage.scene().items() if isinstance(i, PhotoArt)]
    image = exhibit.stage.grab().toImage()
    return image if found else QImage()


def _magenta_share(image: QImage) -> float:
    hits = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width() // 2, 8):  # the picture is on the left half of the landscape sheet
            colour = image.pixelColor(x, y)
            total += 1
            hits += (
                abs(colour.red() - MAGENTA.red())
                + abs(colour.green() - MAGENTA.green())
                + abs(colour.blue() - MAGENTA.blue())
                < 30
            )
    return hits / total


def test_a_cards_image_fills_the_picture_on_its_sheet(tmp_path: Path, content: Content, qtbot) -> None:
    (tmp_path / "images").mkdir()
    picture = QImage(640, 400, QImage.Format.Format_RGB32)
    picture.fill(MAGENTA)
    assert picture.save(str(tmp_path / "images" / "ship.png"))
    image = _story_sheet_image(_with_image(content, "images/ship.png"), tmp_path, qtbot)
    assert not image.isNull(), "no PhotoArt on the sheet"
    assert _magenta_share(image) > 0.3


def test_an_unreadable_image_shows_the_illustration_and_says_why(
    tmp_path: Path, content: Content, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ship.png").write_bytes(b"not a picture at all")
    with caplog.at_level(logging.WARNING, logger="kiosk.qt.exhibit.screens.story_sheet"):
        image = _story_sheet_image(_with_image(content, "images/ship.png"), tmp_path, qtbot)
    assert image.isNull()  # no PhotoArt: the story's illustration is drawn instead
    assert any("images/ship.png cannot be read" in r.getMessage() for r in caplog.records)
