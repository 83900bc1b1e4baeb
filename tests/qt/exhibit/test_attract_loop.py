"""The attract loop built for 5 m: what each scene draws comes from the content, a touch opens what it was on, both
languages are in every scene, the prompt is centred as a unit, and reduced motion shows still scenes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from kiosk.exhibit.attract import ChartSlide, NumberSlide, PillarSlide, Slide, TitleSlide
from kiosk.exhibit.navigation import Home, PillarPage, StoryDetail, stories
from kiosk.qt.exhibit.attract.figures import HundredGrid, LadderFigure, MarksFigure
from kiosk.qt.exhibit.attract.picture_tile import PictureTile
from kiosk.qt.exhibit.idle_loop import ATTRACT_STILL_TICK_MS, ATTRACT_TICK_MS
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.story_art import SceneArt
from kiosk.qt.exhibit.screens.story_sheet import StorySheet
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.settings.model import ExhibitSettings

from ..exhibit_fixtures import LANDSCAPE, PORTRAIT, Harness, descendants

pytestmark = pytest.mark.gui


def page_of(harness: Harness) -> AttractPage:
    page = harness.controller.page
    assert isinstance(page, AttractPage)
    return page


def show_scene(harness: Harness, wanted: Slide, into_s: float | None = None) -> AttractPage:
    """The loop at ``wanted`` (in its second cycle), ``into_s`` seconds in (default: complete, at its end)."""
    page = page_of(harness)
    slide_s = page.loop.slide_s
    index = page.loop.playlist.index(wanted)
    at = slide_s - 0.05 if into_s is None else into_s
    harness.controller.show_attract_at(page.loop.cycle_s + index * slide_s + at)
    assert page.loop.playlist[page.slide_index] == wanted
    return page


def in_scene(page: AttractPage, kind: type) -> list:
    scene = page.slide
    assert scene is not None
    return [item for item in page.childItems_recursive() if scene.isAncestorOf(item) and isinstance(item, kind)]


# Figures drawn as things, from the content --------------------------------------------------------------------
def test_the_awards_are_26_marks_with_the_11_led_by_guangzhou_in_gold(harness, content) -> None:
    page = show_scene(harness, ChartSlide("national-strategy", "awards-led-chart"))
    (marks,) = in_scene(page, MarksFigure)
    gold = QColor(content.exhibit.theme.number)
    lit = [mark._lit for mark in marks.marks]
    assert len(lit) == 26 and lit.count(gold) == 11 and lit[:11] == [gold] * 11


def test_the_marks_follow_the_content_not_the_code(open_exhibit, content) -> None:
    pillar = content.pillar("national-strategy")
    chart = next(c for c in pillar.charts if c.id == "awards-led-chart")
    items = [chart.items[0].model_copy(update={"value": 4.0})]
    changed_chart = chart.model_copy(update={"total": 9.0, "items": items})
    charts = [changed_chart if c.id == chart.id else c for c in pillar.charts]
    changed = content.model_copy(
        update={
            "pillars": tuple(p.model_copy(update={"charts": charts}) if p is pillar else p for p in content.pillars)
        }
    )
    harness = open_exhibit(content=changed)
    page = show_scene(harness, ChartSlide("national-strategy", "awards-led-chart"))
    (marks,) = in_scene(page, MarksFigure)
    assert [mark._lit for mark in marks.marks].count(QColor(content.exhibit.theme.number)) == 4
    assert len(marks.marks) == 9


def test_the_innovation_axis_is_three_grids_of_100_lit_to_their_shares(harness) -> None:
    page = show_scene(harness, ChartSlide("national-strategy", "axis-shares"), into_s=6.99)
    grids = sorted(in_scene(page, HundredGrid), key=lambda grid: grid.scenePos().x())
    assert [grid.lit_cells() for grid in grids] == [30, 51, 74]
    texts = {block.text for block in in_scene(page, TextBlock)}
    assert {"高等院校和科研院所", "高新技术企业", "独角兽企业"} <= texts  # each grid labelled


def test_the_rankings_climb_a_ladder_to_8th_and_2nd(harness) -> None:
    page = show_scene(harness, ChartSlide("national-strategy", "rankings"), into_s=3.6)
    (ladder,) = in_scene(page, LadderFigure)
    climbing = [ladder.position(i) for i in range(2)]
    assert all(position > rank for position, rank in zip(climbing, (8, 2), strict=True))  # still on the way up
    show_scene(harness, ChartSlide("national-strategy", "rankings"))
    (ladder,) = in_scene(page, LadderFigure)
    assert [ladder.position(i) for i in range(2)] == [8.0, 2.0]


def test_academicians_are_71_people(harness) -> None:
    page = show_scene(harness, NumberSlide("academicians"))
    (marks,) = in_scene(page, MarksFigure)
    assert len(marks.marks) == 71 and {mark._shape for mark in marks.marks} == {"person"}


# Both languages, the prompt ------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_every_scene_shows_both_languages(open_exhibit, size) -> None:
    harness = open_exhibit(size)
    page = page_of(harness)
    for slide in page.loop.playlist:
        show_scene(harness, slide)
        languages = {block.style.language for block in in_scene(page, TextBlock)}
        assert languages == {"zh", "en"}, slide
        assert page.languages_shown() == {"zh", "en"}


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_the_prompt_is_centred_as_a_unit(open_exhibit, size) -> None:
    harness = open_exhibit(size)
    prompt = page_of(harness).prompt
    pill = prompt.pill.sceneBoundingRect()
    hand = prompt.hand.sceneBoundingRect()
    text_right = max(block.sceneBoundingRect().left() + natural(block) for block in prompt.lines)
    assert hand.left() - pill.left() == pytest.approx(pill.right() - text_right, abs=1.5)  # the unit is centred
    assert pill.center().x() == pytest.approx(harness.scene.sceneRect().center().x(), abs=13)  # (and drifts)
    assert [block.style.language for block in prompt.lines] == ["zh", "en"]


def natural(block: TextBlock) -> float:
    layout = block.fitted.layout
    return max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))


# A touch opens what it was on ----------------------------------------------------------------------------------
def test_a_touch_on_a_story_tile_opens_that_story(harness, pointer, content) -> None:
    page = show_scene(harness, PillarSlide("industry"))
    scene = page.current
    assert scene is not None
    tile, target = next((item, screen) for item, screen in scene.targets if isinstance(screen, StoryDetail))
    assert isinstance(target, StoryDetail)
    assert isinstance(tile, PictureTile) and isinstance(tile.picture, SceneArt)  # the story's own picture
    on_tile = {block.origin.split(".")[0] for block in descendants(tile) if isinstance(block, TextBlock)}
    pointer.tap(tile.sceneBoundingRect().center())
    assert harness.screen == target and target.pillar_id == "industry"
    assert isinstance(harness.controller.sheet, StorySheet)
    assert stories(content.pillar("industry"))[target.index].id in on_tile  # the tile showed that story


def test_a_touch_on_a_pillar_of_the_title_opens_that_pillar(harness, pointer) -> None:
    page = show_scene(harness, TitleSlide())
    scene = page.current
    assert scene is not None
    tile, target = scene.targets[2]
    pointer.tap(tile.sceneBoundingRect().center())
    assert harness.screen == target == PillarPage("commercialisation")


def test_the_hand_taps_what_a_touch_would_open(harness) -> None:
    page = page_of(harness)
    for index, slide in enumerate(page.loop.playlist):
        show_scene(harness, slide, into_s=3.6)
        assert page.demo.isVisible(), slide
        scene = page.current
        assert scene is not None
        boxes = [item.sceneBoundingRect() for item, _screen in scene.targets]
        hero = scene.hero
        boxes.append(hero.mapRectToScene(hero.childrenBoundingRect() | hero.boundingRect()))
        assert any(box.contains(scene.demo_at) for box in boxes), index


# Reduced motion ------------------------------------------------------------------------------------------------
def test_reduced_motion_shows_still_scenes_with_a_slow_prompt(open_exhibit) -> None:
    harness = open_exhibit(settings=ExhibitSettings(reduced_motion=True))
    timer = harness.controller.idle_loop.attract_timer
    assert timer.interval() == ATTRACT_STILL_TICK_MS > ATTRACT_TICK_MS
    page = show_scene(harness, ChartSlide("national-strategy", "axis-shares"), into_s=0.5)
    grids = sorted(in_scene(page, HundredGrid), key=lambda grid: grid.scenePos().x())
    assert [grid.lit_cells() for grid in grids] == [30, 51, 74]  # complete at once
    assert not page.demo.isVisible() and page.slide is not None and page.slide.opacity() == 1.0
    opacities = set()
    for tenth in range(0, 64, 8):
        harness.controller.show_attract_at(page.loop.cycle_s + tenth / 10)
        opacities.add(round(page.prompt.pill.opacity(), 3))
    assert 1 < len(opacities) and min(opacities) >= 0.8  # it breathes, gently


def test_with_motion_a_scene_builds(harness) -> None:
    page = show_scene(harness, ChartSlide("national-strategy", "axis-shares"), into_s=0.5)
    assert [grid.lit_cells() for grid in in_scene(page, HundredGrid)] == [0, 0, 0]
    scene = page.slide
    assert scene is not None and 0.0 < scene.revealed < 1.0  # it wipes in over the one before
    assert scene.shape().boundingRect().width() < scene.boundingRect().width()  # and is drawn only where it has come
    assert harness.controller.idle_loop.attract_timer.interval() == ATTRACT_TICK_MS


def test_nothing_is_left_behind_after_many_scenes(harness) -> None:
    page = page_of(harness)
    for second in range(0, int(page.loop.cycle_s * 2), 1):
        harness.controller.show_attract_at(float(second))
    harness.controller.show_attract_at(page.loop.cycle_s * 2 + 3.0)  # well into a scene: the one before is covered
    assert page.slide is not None and page.slide.revealed == 1.0
    assert page.slide in page._scenes.childItems() and len(page._scenes.childItems()) <= 2
    start = page.loop.cycle_s * 2
    for frame in range(round((page.loop.slide_s - 2.0) * 30), round((page.loop.slide_s - 0.1) * 30)):
        harness.controller.show_attract_at(start + frame / 30)  # the next one is made, the covered one taken away
    assert len(page._scenes.childItems()) == 2  # a part a frame: by the end only this one and the next are left


def test_the_tap_point_outside_any_target_opens_the_scene_pillar(harness) -> None:
    page = show_scene(harness, NumberSlide("academicians"))
    assert page.target_at(QPointF(5, 5)) == PillarPage("ecosystem")


def test_a_touch_on_the_invitation_opens_home(harness, pointer) -> None:
    page = show_scene(harness, PillarSlide("industry"))
    pointer.tap(page.prompt.pill.sceneBoundingRect().center())
    assert harness.screen == Home()
