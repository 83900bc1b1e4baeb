"""A visitor finds their way through the exhibit: real mouse and touch events on the stage's viewport, from the
attract loop to every screen and back, and the inputs that must do nothing (two fingers, a long press, the
mouse echo of a touch)."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsItem

from kiosk.exhibit.navigation import Attract, Home, OutlookPage, PillarPage, StoryDetail, pillar_order, stories
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.home import HomePage, PillarTile
from kiosk.qt.exhibit.screens.outlook import OutlookPageView
from kiosk.qt.exhibit.screens.pillar import PillarPageView
from kiosk.qt.exhibit.screens.story_tile import StoryTile
from kiosk.qt.input.interaction import handler_at
from kiosk.qt.proof.render import shots
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.text_block import TextBlock

from ..exhibit_fixtures import (
    LANDSCAPE,
    MIN_TARGET_PX,
    PORTRAIT,
    Finger,
    Harness,
    Mouse,
    awake,
    mouse_echo,
    shipped_content,
)

pytestmark = pytest.mark.gui

PILLAR = "national-strategy"  # the pillar with the most stories, charts and numbers
PILLARS = pillar_order(shipped_content())


def at_pillar(harness: Harness, pillar_id: str = PILLAR) -> PillarPageView:
    awake(harness)
    assert harness.controller.open_pillar(pillar_id) == PillarPage(pillar_id)
    harness.settle()
    assert isinstance(harness.controller.page, PillarPageView)
    return harness.controller.page


def at_story(harness: Harness, index: int, pillar_id: str = PILLAR) -> None:
    at_pillar(harness, pillar_id)
    assert harness.controller.open_story(index) == StoryDetail(pillar_id, index)
    harness.settle()


def text_from(harness: Harness, origin: str, within: QGraphicsItem | None = None) -> str:
    blocks = [
        block
        for block in harness.of_type(TextBlock)
        if block.origin == origin and (within is None or within.isAncestorOf(block))
    ]
    assert len(blocks) == 1, f"{len(blocks)} texts from {origin!r} are shown"
    return blocks[0].text


def sheet_body(harness: Harness) -> QPointF:
    """A point on the story sheet away from its buttons (where a finger swipes)."""
    sheet = harness.controller.sheet
    assert sheet is not None
    rect = sheet.sheet.sceneBoundingRect()
    return QPointF(rect.center().x(), rect.top() + rect.height() * 0.45)


# Attract → Home ---------------------------------------------------------------------------------------------
def test_the_touch_that_wakes_the_exhibit_only_wakes_it(harness, pointer) -> None:
    tile = harness.centre(awake(harness).find(f"pillar-{PILLAR}", PillarTile))  # where Home will put the tile
    harness.controller.go_idle()
    harness.settle()
    assert isinstance(harness.controller.page, AttractPage) and harness.screen == Attract()

    pointer.tap(tile)
    assert harness.screen == Home()  # at once, and the tile now under the finger was not tapped
    assert isinstance(harness.controller.page, HomePage)
    harness.settle()
    pointer.tap(tile)
    assert harness.screen == PillarPage(PILLAR)  # the same place, tapped again, is a live target


def test_a_drag_on_the_attract_loop_also_just_wakes_it(harness, pointer) -> None:
    centre = harness.scene.sceneRect().center()
    pointer.drag(centre, centre - QPointF(400, 0))
    assert harness.screen == Home()


# Home → pillar → story and back ---------------------------------------------------------------------------------
def test_each_pillar_tile_opens_its_pillar_and_back_returns_home(harness, pointer) -> None:
    awake(harness)
    for pillar_id in PILLARS:
        pointer.tap(harness.centre(harness.find(f"pillar-{pillar_id}", PillarTile)))
        assert harness.screen == PillarPage(pillar_id)
        harness.settle()
        page = harness.controller.page
        assert isinstance(page, PillarPageView) and page.pillar.id == pillar_id
        pointer.tap(harness.centre(harness.find("back", Button)))
        assert harness.screen == Home()
        harness.settle()


def test_a_story_tile_opens_that_story_in_the_sheet(harness, pointer, content) -> None:
    at_pillar(harness)
    pointer.tap(harness.centre(harness.find("story-1", StoryTile)))
    assert harness.screen == StoryDetail(PILLAR, 1)
    sheet = harness.controller.sheet
    assert sheet is not None and sheet.story == stories(content.pillar(PILLAR))[1]


def test_swipes_on_the_sheet_move_between_neighbouring_stories(harness, pointer) -> None:
    at_story(harness, 1)
    body = sheet_body(harness)
    left, right = body - QPointF(420, 0), body + QPointF(420, 0)
    pointer.drag(body, left)
    assert harness.screen == StoryDetail(PILLAR, 2)
    harness.settle()
    pointer.drag(body, right)
    assert harness.screen == StoryDetail(PILLAR, 1)
    harness.settle()
    pointer.drag(body, right)
    pointer.drag(body, right)  # the first story: nothing before it, no wrap-around
    assert harness.screen == StoryDetail(PILLAR, 0)
    assert harness.controller.sheet is not None and harness.controller.sheet.index == 0


def test_sheet_buttons_step_through_stories_and_close_it(harness, pointer) -> None:
    at_story(harness, 0)
    pointer.tap(harness.centre(harness.find("next", Button)))
    assert harness.screen == StoryDetail(PILLAR, 1)
    harness.settle()
    pointer.tap(harness.centre(harness.find("previous", Button)))
    assert harness.screen == StoryDetail(PILLAR, 0)
    harness.settle()
    pointer.tap(harness.centre(harness.find("close", Button)))
    assert harness.screen == PillarPage(PILLAR)
    assert harness.controller.sheet is None
    assert isinstance(harness.controller.page, PillarPageView)


def test_a_tap_beside_the_sheet_closes_it_and_a_tap_on_it_does_not(harness, pointer) -> None:
    at_story(harness, 0)
    pointer.tap(sheet_body(harness))
    assert harness.screen == StoryDetail(PILLAR, 0)
    sheet = harness.controller.sheet.sheet.sceneBoundingRect()  # type: ignore[union-attr]
    pointer.tap(QPointF(sheet.center().x(), (sheet.bottom() + harness.scene.sceneRect().bottom()) / 2))
    assert harness.screen == PillarPage(PILLAR)


@pytest.mark.parametrize("start", ["pillar", "story", "outlook"])
def test_home_is_one_tap_away(harness, pointer, start) -> None:
    if start == "pillar":
        at_pillar(harness)
    elif start == "story":
        at_story(harness, 2)
    else:
        awake(harness).controller.open_outlook()
        harness.settle()
    pointer.tap(harness.centre(harness.find("home", Button)))  # the topmost: the sheet's own over a story
    assert harness.screen == Home()
    assert isinstance(harness.controller.page, HomePage) and harness.controller.sheet is None


def test_the_outlook_button_opens_the_outlook_and_back_returns(harness, pointer) -> None:
    awake(harness)
    pointer.tap(harness.centre(harness.find("outlook", Button)))
    assert harness.screen == OutlookPage()
    harness.settle()
    assert isinstance(harness.controller.page, OutlookPageView)
    pointer.tap(harness.centre(harness.find("back", Button)))
    assert harness.screen == Home()


def test_the_language_switch_changes_every_text_and_keeps_the_screen(harness, pointer, content) -> None:
    exhibit, pillar = content.exhibit, content.pillar(PILLAR)
    assert exhibit.title.get("zh") != exhibit.title.get("en")
    awake(harness)
    assert harness.controller.language == "zh" and text_from(harness, "exhibit.title") == exhibit.title.get("zh")
    pointer.tap(harness.centre("language-en"))
    assert harness.controller.language == "en" and harness.screen == Home()
    harness.settle()
    assert text_from(harness, "exhibit.title") == exhibit.title.get("en")

    pointer.tap(harness.centre(harness.find(f"pillar-{PILLAR}", PillarTile)))
    harness.settle()
    assert text_from(harness, f"{PILLAR}.title") == pillar.title.get("en")
    pointer.tap(harness.centre("language-zh"))
    assert harness.controller.language == "zh" and harness.screen == PillarPage(PILLAR)
    harness.settle()
    assert text_from(harness, f"{PILLAR}.title") == pillar.title.get("zh")
    assert len(harness.of_type(LanguageSwitch)) == 1  # the old page went with its switch


def test_the_language_switch_on_a_story_keeps_the_story(harness, pointer, content) -> None:
    story = stories(content.pillar(PILLAR))[3]
    assert story.title.get("zh") != story.title.get("en")
    at_story(harness, 3)
    assert text_from(harness, f"{story.id}.title", within=harness.controller.sheet) == story.title.get("zh")
    pointer.tap(harness.centre("language-en"))  # the sheet's own switch (the page's is under the backdrop)
    assert harness.controller.language == "en" and harness.screen == StoryDetail(PILLAR, 3)
    harness.settle()
    sheet = harness.controller.sheet
    assert sheet is not None and sheet.index == 3
    assert text_from(harness, f"{story.id}.title", within=sheet) == story.title.get("en")


# Carousel, two fingers, long press, echoes --------------------------------------------------------------------
def test_a_drag_on_the_stories_carousel_moves_it_a_stop_and_opens_nothing(harness, pointer) -> None:
    carousel = at_pillar(harness).stories
    tiles = carousel.items
    assert carousel.stops > 2 and carousel.index == 0
    step = tiles[1].pos().x() - tiles[0].pos().x()
    start = harness.centre(tiles[1])
    pointer.drag(start, start - QPointF(step, 0), rest_ms=150)  # one tile to the left, then still: no flick
    harness.settle()
    assert carousel.index == 1
    assert tiles[1].sceneBoundingRect().left() == pytest.approx(carousel.sceneBoundingRect().left())  # snapped
    assert harness.screen == PillarPage(PILLAR) and harness.controller.sheet is None

    pointer.drag(start, start + QPointF(step * 0.6, 0), rest_ms=150)  # most of a tile back: snaps back
    harness.settle()
    assert carousel.index == 0
    assert harness.screen == PillarPage(PILLAR) and harness.controller.sheet is None


def test_two_fingers_trigger_nothing(harness, finger) -> None:
    awake(harness)
    finger.two_fingers(harness.centre(f"pillar-{PILLAR}"), harness.centre("pillar-industry"))
    assert harness.screen == Home()

    carousel = at_pillar(harness).stories
    tiles = carousel.items
    finger.two_fingers(harness.centre(tiles[0]), harness.centre(tiles[1]), shift=QPointF(-500, 0))  # a 2-finger swipe
    harness.settle()
    assert carousel.index == 0
    assert harness.screen == PillarPage(PILLAR) and harness.controller.sheet is None
    finger.tap(harness.centre(tiles[0]))  # one finger again: a tap works
    assert harness.screen == StoryDetail(PILLAR, 0)


def test_a_finger_and_the_mouse_at_once_are_two_pointers(harness, qtbot) -> None:
    awake(harness)
    finger, mouse = Finger(harness, qtbot), Mouse(harness, qtbot)
    tile = harness.centre(f"pillar-{PILLAR}")
    finger.press(tile)
    mouse.tap(harness.centre("pillar-industry"))
    finger.release(tile)
    assert harness.screen == Home()


def test_a_long_press_on_a_tile_opens_nothing(harness, pointer, qtbot) -> None:
    """The exhibit gives a long press no meaning (the controller does not listen for it): it must not tap."""
    gestures = harness.controller.gestures
    gestures.set_config(replace(gestures.config, long_press_s=0.15))  # the same path, a shorter wait
    at_pillar(harness)
    tile = harness.centre(harness.find("story-0", StoryTile))
    with qtbot.waitSignal(gestures.long_pressed, timeout=3000):
        pointer.press(tile)
    pointer.release(tile)
    assert harness.screen == PillarPage(PILLAR) and harness.controller.sheet is None
    pointer.tap(tile)
    assert harness.screen == StoryDetail(PILLAR, 0)


@pytest.mark.parametrize(
    "source",
    [Qt.MouseEventSource.MouseEventSynthesizedByQt, Qt.MouseEventSource.MouseEventSynthesizedBySystem],
    ids=["by-qt", "by-system"],
)
def test_a_touch_echoed_as_mouse_events_fires_once(harness, finger, qtbot, source) -> None:
    at_story(harness, 0)
    next_button = harness.centre(harness.find("next", Button))
    finger.tap(next_button)
    assert mouse_echo(harness, next_button, finger.device, source) == [True, True]  # consumed, not handled
    assert harness.screen == StoryDetail(PILLAR, 1)
    harness.settle()
    Mouse(harness, qtbot).tap(next_button)  # a real mouse at the same spot is not an echo
    assert harness.screen == StoryDetail(PILLAR, 2)


# Sizes, rotation, touch targets ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("size", "rotation"),
    [((1080, 1920), 90), ((3840, 2160), 0), ((1920, 1080), 180)],
    ids=["portrait-panel-turned", "4k", "upside-down"],
)
def test_taps_and_drags_follow_the_scaled_and_turned_ui(open_exhibit, qtbot, size, rotation) -> None:
    harness = awake(open_exhibit(size, rotation=rotation))
    assert harness.stage.logical_size().toSize().toTuple() == LANDSCAPE
    tile = harness.centre(harness.find("pillar-industry", PillarTile))
    back = harness.stage.to_logical(QPointF(harness.to_viewport(tile)))  # the inverse, up to a whole pixel
    assert (back - tile).manhattanLength() <= 2.0, (back, tile)
    finger = Finger(harness, qtbot)
    finger.tap(tile)
    assert harness.screen == PillarPage("industry")
    harness.settle()
    carousel = harness.controller.page.stories  # type: ignore[union-attr]
    assert carousel.stops > 1
    tiles = carousel.items
    step = tiles[1].pos().x() - tiles[0].pos().x()
    start = harness.centre(tiles[0])
    finger.drag(start, start - QPointF(step, 0), rest_ms=150)  # leftwards in the UI, whatever way the panel is
    harness.settle()
    assert carousel.index == 1 and harness.screen == PillarPage("industry")


def tap_targets(harness: Harness) -> list:
    """Everything a visitor can tap that is not a whole-screen catch-all (page, backdrop, sheet, overlay)."""
    area = harness.scene.sceneRect()
    found = []
    for item in harness.scene.items():
        if not (item.isVisible() and callable(getattr(item, "on_tap", None))):
            continue
        if not item.sceneBoundingRect().intersects(area):
            continue  # scrolled out of a carousel
        if item.sceneBoundingRect().width() >= area.width() * 0.6:  # page, backdrop, sheet or overlay
            continue
        found.append(item)
    return found


SCREENS = ["home", *(f"pillar-{p}" for p in PILLARS), "story-national-strategy-01", "story-ecosystem-01", "outlook"]


def go_to(harness: Harness, content, screen: str) -> None:
    shot = next(s for s in shots(content) if s.name == screen or s.name.startswith(screen + "-"))
    shot.go(harness.exhibit, harness.clock)
    harness.settle()


def expected_targets(screen: str) -> set[str]:
    """What a visitor must at least be able to tap there."""
    if screen == "home":
        return {"outlook", *(f"pillar-{p}" for p in PILLARS)}
    if screen.startswith("pillar-"):
        return {"back", "home", "story-0"}
    if screen.startswith("story-"):
        return {"close", "home", "previous", "next"}
    return {"back", "home"}


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_tap_target_is_at_least_9_percent_of_the_short_side(open_exhibit, content, screen, size) -> None:
    harness = open_exhibit(size)
    go_to(harness, content, screen)
    targets = [item for item in tap_targets(harness) if not item_is_language_segment(item)]
    names = {getattr(item, "name", type(item).__name__) for item in targets}
    assert expected_targets(screen) <= names
    small = {
        getattr(item, "name", type(item).__name__): item.sceneBoundingRect().size().toTuple()
        for item in targets
        if min(item.sceneBoundingRect().width(), item.sceneBoundingRect().height()) < MIN_TARGET_PX
    }
    assert not small, f"targets under {MIN_TARGET_PX:.1f} logical px: {small}"


def item_is_language_segment(item) -> bool:
    return isinstance(item.parentItem(), LanguageSwitch)


def tappable_height(harness: Harness, item) -> float:
    """How tall the strip through ``item``'s centre is where a tap reaches it (probed every logical pixel)."""
    rect = item.sceneBoundingRect()
    x = rect.center().x()
    hits = [
        y
        for y in range(int(rect.top()) - 40, int(rect.bottom()) + 40)
        if handler_at(harness.scene, QPointF(x, y + 0.5), "on_tap") is item
    ]
    return float(len(hits))


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_the_language_switch_is_a_full_size_target(open_exhibit, size) -> None:
    harness = awake(open_exhibit(size))
    segments = [item for item in tap_targets(harness) if item_is_language_segment(item)]
    assert {segment.name for segment in segments} == {"language-zh", "language-en"}
    heights = {segment.name: tappable_height(harness, segment) for segment in segments}
    assert all(height >= MIN_TARGET_PX for height in heights.values()), heights


def test_a_carousel_gliding_on_a_page_that_goes_stops_with_it(harness, caplog) -> None:
    carousel = at_pillar(harness).stories
    assert carousel.stops > 2
    carousel.scroll_to(2)  # a fast swipe: the carousel glides on
    assert harness.controller.back() is not None  # Back before the glide ends: the page and its carousel go

    def frame(_seconds: float) -> None:  # one frame at a time, the event loop freeing what was deleted between
        harness.clock.advance(0.016)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    with caplog.at_level(logging.WARNING, logger="kiosk"):
        for _ in range(10):
            harness.controller.settle(frame)
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert harness.screen == Home()
