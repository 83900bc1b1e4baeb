"""The story sheet: its own picture for every story, the key fact large, a text column never more than a quarter
empty, controls that stay put from story to story, and a QR code a real decoder reads back as the article's address.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.content.model import Content, art_name
from kiosk.content.number_format import format_number
from kiosk.exhibit.navigation import stories
from kiosk.qt.exhibit.screens.story_art import PatternArt, PhotoArt, SceneArt
from kiosk.qt.exhibit.screens.story_sheet import MOST_EMPTY
from kiosk.qt.exhibit.screens.take_home import QUIET
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.text_block import TextBlock

from ..exhibit_fixtures import LANDSCAPE, PORTRAIT, ExhibitFactory, Harness, awake, descendants

SIZES = {"1920x1080": LANDSCAPE, "1080x1920": PORTRAIT, "3840x2160": (3840, 2160)}
MM_PER_PX_55_INCH_1080P = 1218 / 1920  # a 55-inch 16:9 panel is 1218 mm wide
MIN_QR_MM = 25.0
CONTROLS = ("close", "home", "previous", "next")


_all_children = descendants


@dataclass
class Seen:
    """What one story's sheet showed, taken while it was on screen (its items go when it closes)."""

    story_id: str
    empty: float
    picture: str
    cut: list[str]
    controls: dict[str, tuple[float, ...]]
    figure: tuple[str, str] | None


def every_sheet(harness: Harness, content: Content) -> list[Seen]:
    """Open every story of every pillar in turn and note what its sheet shows."""
    awake(harness)
    seen = []
    nav = harness.controller
    for pillar in content.pillars:
        nav.open_pillar(pillar.id)
        for index, story in enumerate(stories(pillar)):
            nav.open_story(index)
            harness.settle()
            sheet = nav.sheet
            assert sheet is not None
            items = _all_children(sheet)
            seen.append(
                Seen(
                    story.id,
                    sheet.empty_share,
                    type(sheet.picture).__name__,
                    [t.origin for t in items if isinstance(t, TextBlock) and t.elided],
                    {
                        name: tuple(round(v, 1) for v in item.sceneBoundingRect().getRect())
                        for item in items
                        if (name := getattr(item, "name", None)) in CONTROLS or isinstance(item, LanguageSwitch)
                    },
                    next(((n.number.id, n.text) for n in items if isinstance(n, CountingNumber)), None),
                )
            )
            nav.close_story()
        nav.home()
    return seen


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_sheet_has_its_own_scene_a_full_column_and_controls_in_one_place(
    size: str, language: str, open_exhibit: ExhibitFactory, content: Content
) -> None:
    harness = open_exhibit(SIZES[size], language=language)
    seen = every_sheet(harness, content)
    assert len(seen) == 25
    assert {s.story_id: s.picture for s in seen} == {s.story_id: SceneArt.__name__ for s in seen}
    too_empty = {s.story_id: round(s.empty, 3) for s in seen if s.empty > MOST_EMPTY}
    assert not too_empty, f"text column more than {MOST_EMPTY:.0%} empty"
    assert [(s.story_id, s.cut) for s in seen if s.cut] == []
    # the controls do not move from story to story (the arrows are there whenever a pillar has several stories)
    places: dict[str, set[tuple[float, ...]]] = {}
    for s in seen:
        for name, rect in s.controls.items():
            places.setdefault(str(name), set()).add(rect)
    assert set(places) >= {*CONTROLS, "language-switch"}
    assert {name: len(rects) for name, rects in places.items()} == {name: 1 for name in places}


def test_no_two_stories_share_a_scene(content: Content) -> None:
    names = [art_name(story) for pillar in content.pillars for story in stories(pillar)]
    assert len(names) == len(set(names)) == 25


def test_a_figure_in_the_sentence_is_shown_large_from_the_numbers(
    open_exhibit: ExhibitFactory, content: Content
) -> None:
    harness = open_exhibit(LANDSCAPE, language="zh")
    figures = {s.story_id: s.figure for s in every_sheet(harness, content)}
    expected = {
        story.id: (story.figure, format_number(content.number(story.figure), "zh"))
        for pillar in content.pillars
        for story in stories(pillar)
        if story.figure
    }
    assert {k: v for k, v in figures.items() if v is not None} == expected
    assert expected["quark-e-drive"] == ("motor-power-density", "+100%")


def test_the_figure_follows_its_number(open_exhibit: ExhibitFactory, content: Content) -> None:
    """Linked, not typed twice: the sheet shows whatever the number says."""
    industry = content.pillar("industry")
    numbers = [n.model_copy(update={"value": 250}) if n.id == "motor-power-density" else n for n in industry.numbers]
    changed = industry.model_copy(update={"numbers": numbers})
    edited = content.model_copy(
        update={"pillars": tuple(changed if p.id == "industry" else p for p in content.pillars)}
    )
    harness = awake(open_exhibit(LANDSCAPE, language="en", content=edited))
    harness.controller.open_pillar("industry")
    harness.controller.open_story(0)
    harness.settle()
    sheet = harness.controller.sheet
    assert sheet is not None
    assert [n.text for n in _all_children(sheet) if isinstance(n, CountingNumber)] == ["+250%"]


def test_a_story_without_art_gets_the_pattern_not_an_icon(open_exhibit: ExhibitFactory, content: Content) -> None:
    pillar = content.pillars[0]
    card = pillar.cards[0].model_copy(update={"id": "a-new-story", "art": None})
    changed = pillar.model_copy(update={"cards": [card, *pillar.cards[1:]]})
    edited = content.model_copy(update={"pillars": (changed, *content.pillars[1:])})
    harness = awake(open_exhibit(LANDSCAPE, content=edited))
    harness.controller.open_pillar(pillar.id)
    harness.controller.open_story(0)
    harness.settle()
    sheet = harness.controller.sheet
    assert sheet is not None and isinstance(sheet.picture, PatternArt)
    assert sheet.picture.glyph == "大"  # the first character of 大洋钻探船“梦想号”, set large


def _photo_content(content: Content, folder: Path) -> Content:
    (folder / "images").mkdir()
    picture = QImage(1200, 800, QImage.Format.Format_RGB32)
    picture.fill(QColor("#D020C0"))
    assert picture.save(str(folder / "images" / "photo.png"))
    pillar = content.pillars[1]
    policy = pillar.policies[0].model_copy(update={"image": "images/photo.png"})
    changed = pillar.model_copy(update={"policies": [policy, *pillar.policies[1:]]})
    return content.model_copy(update={"pillars": (content.pillars[0], changed, *content.pillars[2:])})


@pytest.mark.parametrize("size", list(SIZES))
def test_a_photo_makes_the_sheet_photo_led(size: str, tmp_path: Path, qtbot, content: Content) -> None:
    from kiosk.clock import ManualClock
    from kiosk.qt.app.build import build_exhibit
    from kiosk.settings.model import ExhibitSettings

    edited = _photo_content(content, tmp_path)
    clock = ManualClock()
    exhibit = build_exhibit(edited, ExhibitSettings(), clock, content_dir=tmp_path)
    qtbot.addWidget(exhibit.stage)
    exhibit.stage.resize(*SIZES[size])
    exhibit.stage.show()
    nav = exhibit.controller
    nav.wake()
    nav.open_pillar(edited.pillars[1].id)
    nav.open_story(len(edited.pillars[1].cards))
    nav.settle(clock.advance)
    nav.idle_loop.attract_timer.stop()
    nav.idle_loop.idle_timer.stop()
    sheet = nav.sheet
    assert sheet is not None and isinstance(sheet.picture, PhotoArt)
    box = sheet.picture.boundingRect()
    landscape = SIZES[size][0] > SIZES[size][1]
    sheet_box = sheet.sheet.boundingRect()
    # the photo leads: at least half the sheet's width (landscape) or a third of its height (portrait), and the
    # title is its caption, set over it
    assert (box.width() >= 0.4 * sheet_box.width()) if landscape else (box.height() >= 0.3 * sheet_box.height())
    captions = [t for t in _all_children(sheet.picture) if isinstance(t, TextBlock)]
    assert [t.origin for t in captions] == [f"{edited.pillars[1].policies[0].id}.title"]
    assert not captions[0].elided
    assert sheet.empty_share <= MOST_EMPTY


def _decode(png: Path) -> list[str]:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: scripts/setup-env test installs zbar-tools"
    result = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True, timeout=60)
    return result.stdout.split()


@pytest.mark.parametrize("size", list(SIZES))
def test_the_qr_code_reads_back_as_the_articles_address(
    size: str, tmp_path: Path, open_exhibit: ExhibitFactory, content: Content
) -> None:
    harness = awake(open_exhibit(SIZES[size], language="en"))
    harness.controller.open_pillar("industry")
    harness.controller.open_story(0)
    harness.settle()
    sheet = harness.controller.sheet
    assert sheet is not None
    png = tmp_path / "sheet.png"
    assert harness.stage.grab().toImage().save(str(png))
    assert _decode(png) == [content.exhibit.article.url]
    # at least 25 mm on a 55-inch 1080p panel, quiet zone round it (logical px: the short side is always 1080)
    qr = sheet.take_home
    symbol = qr.side - 2 * QUIET * qr.module
    assert symbol * MM_PER_PX_55_INCH_1080P >= MIN_QR_MM
    assert qr.module >= 3  # 1.9 mm modules: phones read them from arm's length
    # nothing of the sheet is drawn over the code or its quiet zone
    parent = qr.parentItem()
    assert parent is not None
    over = [
        getattr(item, "origin", type(item).__name__)
        for item in parent.childItems()
        if item is not qr and item.sceneBoundingRect().intersected(qr.sceneBoundingRect()).width() > 1
    ]
    assert over == []


def test_a_damaged_qr_is_not_read(tmp_path: Path, open_exhibit: ExhibitFactory) -> None:
    """The decoder is real: the same sheet with the code's centre painted over gives nothing back."""
    harness = awake(open_exhibit(LANDSCAPE))
    harness.controller.open_pillar("industry")
    harness.controller.open_story(0)
    harness.settle()
    sheet = harness.controller.sheet
    assert sheet is not None
    image = harness.stage.grab().toImage()
    rect = sheet.take_home.sceneBoundingRect()
    painter = QPainter(image)
    painter.fillRect(
        QRectF(rect.x() + rect.width() * 0.2, rect.y() + rect.height() * 0.2, rect.width() * 0.6, rect.height() * 0.6),
        QColor("#FFFFFF"),
    )
    painter.end()
    png = tmp_path / "damaged.png"
    assert image.save(str(png))
    assert _decode(png) == []
