"""Idle warning, reset and the attract loop, on an injected clock: minutes pass without anyone waiting.

The controller's QTimers only decide *when* to look again; what they find depends on the clock. Tests move the
clock and then do what the timer would (``check_idle()``, or its ``timeout`` signal), and check the timer was set
to come back at the right moment.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF

from kiosk.exhibit.attract import ChartSlide, NumberSlide, PillarSlide, TitleSlide
from kiosk.exhibit.motion import drift_offset
from kiosk.exhibit.navigation import Attract, Home, PillarPage
from kiosk.qt.exhibit.idle_loop import ATTRACT_TICK_MS
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.home import HomePage, PillarTile
from kiosk.qt.exhibit.screens.idle_overlay import IdleOverlay
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.settings.model import ExhibitSettings

from ..exhibit_fixtures import Finger, Harness, Pointer, awake

pytestmark = pytest.mark.gui

BEHAVIOUR = ExhibitSettings()
QUIET_S = BEHAVIOUR.idle_timeout_s - BEHAVIOUR.idle_warning_s  # 50 s of nobody, then the warning
EMPTY = QPointF(12, 540)  # the left margin: nothing to tap there on any screen


def scheduled_ms(harness: Harness) -> int:
    timer = harness.controller.idle_loop.idle_timer
    assert timer.isActive() and timer.isSingleShot()
    return timer.interval()


def countdown(harness: Harness) -> int:
    overlay = harness.controller.idle_warning
    assert overlay is not None and overlay.scene() is harness.scene
    return overlay.countdown.seconds


def last_touch_now(harness: Harness, pointer: Pointer) -> None:
    """Home, still, and a visitor's touch on an empty spot just now: the quiet time starts here.

    (Settling animations moves the hand-driven clock on by half a minute or more: that is quiet time too.)
    """
    awake(harness)
    pointer.tap(EMPTY)
    assert harness.screen == Home() and harness.controller.idle_loop.tracker.idle_s() == 0.0


def into_warning(harness: Harness) -> None:
    harness.clock.advance(QUIET_S)
    harness.controller.check_idle()
    assert harness.controller.idle_warning is not None


def test_the_warning_comes_after_the_quiet_time_and_not_before(harness, finger) -> None:
    last_touch_now(harness, finger)
    assert scheduled_ms(harness) == pytest.approx(QUIET_S * 1000, abs=2)  # the timer comes back at the warning
    harness.clock.advance(QUIET_S - 0.5)
    harness.controller.check_idle()  # early (a timer may fire early): nothing yet, and it asks again for the rest
    assert harness.controller.idle_warning is None
    assert scheduled_ms(harness) == pytest.approx(500, abs=2)
    harness.clock.advance(0.5)
    harness.controller.idle_loop.idle_timer.timeout.emit()  # what the timer does when it fires
    assert isinstance(harness.controller.idle_warning, IdleOverlay)
    assert countdown(harness) == 10
    assert harness.screen == Home()  # a warning over the screen, not a new screen
    assert isinstance(harness.controller.page, HomePage)


def test_the_countdown_goes_10_to_1_then_the_exhibit_starts_over_in_the_default_language(
    harness, finger, content
) -> None:
    awake(harness)
    finger.tap(harness.centre("language-en"))
    harness.settle()
    finger.tap(harness.centre(harness.find("pillar-industry", PillarTile)))
    harness.settle()
    assert harness.screen == PillarPage("industry") and harness.controller.language == "en"
    finger.tap(EMPTY)
    into_warning(harness)
    seen = []
    for _ in range(10):
        seen.append(countdown(harness))
        assert scheduled_ms(harness) == pytest.approx(1000, abs=2)  # next whole second of the countdown
        harness.clock.advance(1.0)
        harness.controller.check_idle()
    assert seen == list(range(10, 0, -1))
    assert harness.screen == Attract()
    assert harness.controller.language == content.exhibit.default_language == "zh"
    assert harness.controller.idle_warning is None and not harness.controller.idle_loop.idle_timer.isActive()
    harness.settle()
    assert isinstance(harness.controller.page, AttractPage)
    attract_timer = harness.controller.idle_loop.attract_timer
    assert attract_timer.isActive() and attract_timer.interval() == ATTRACT_TICK_MS
    titles = [block for block in harness.of_type(TextBlock) if block.origin == "exhibit.title"]
    big = max(titles, key=lambda block: block.style.px)
    assert big.text == content.exhibit.title.get("zh")  # shown in Chinese again, English beneath it
    assert {block.text for block in titles} == {content.exhibit.title.get("zh"), content.exhibit.title.get("en")}


def test_a_touch_during_the_warning_cancels_it_and_does_nothing_else(harness, pointer) -> None:
    last_touch_now(harness, pointer)
    into_warning(harness)
    overlay = harness.controller.idle_warning
    assert overlay is not None
    # A pillar tile that is not under the warning's "more time" button (a tap there asks for more time).
    tile = next(
        harness.centre(t)
        for t in harness.of_type(PillarTile)
        if not overlay.more_time.sceneBoundingRect().contains(harness.centre(t))
    )
    tile_id = next(t.pillar_id for t in harness.of_type(PillarTile) if harness.centre(t) == tile)
    harness.clock.advance(4.0)
    harness.controller.check_idle()
    assert countdown(harness) == 6
    pointer.tap(tile)  # on the overlay, over a pillar tile
    assert harness.controller.idle_warning is None
    assert not harness.of_type(IdleOverlay)
    assert harness.screen == Home()
    assert scheduled_ms(harness) == pytest.approx(QUIET_S * 1000, abs=2)  # a full quiet time again
    harness.clock.advance(QUIET_S - 1)
    harness.controller.check_idle()
    assert harness.controller.idle_warning is None
    pointer.tap(tile)  # no warning up: the tile opens
    assert harness.screen == PillarPage(tile_id)


def test_any_touch_restarts_the_quiet_time(harness, pointer) -> None:
    last_touch_now(harness, pointer)
    harness.clock.advance(QUIET_S - 5)
    pointer.tap(EMPTY)
    assert harness.screen == Home()
    harness.clock.advance(10)
    harness.controller.check_idle()
    assert harness.controller.idle_warning is None  # 10 s since the touch, not 55 s of quiet
    assert scheduled_ms(harness) == pytest.approx((QUIET_S - 10) * 1000, abs=2)


def test_on_the_attract_loop_nobody_is_warned(harness) -> None:
    assert harness.screen == Attract()
    assert not harness.controller.idle_loop.idle_timer.isActive()
    harness.clock.advance(BEHAVIOUR.idle_timeout_s * 3)
    harness.controller.check_idle()
    assert harness.controller.idle_warning is None and harness.screen == Attract()


def test_a_custom_timeout_is_honoured(open_exhibit, qtbot) -> None:
    harness = open_exhibit(settings=ExhibitSettings(idle_timeout_s=20.0, idle_warning_s=5.0))
    last_touch_now(harness, Finger(harness, qtbot))
    assert scheduled_ms(harness) == pytest.approx(15_000, abs=2)
    harness.clock.advance(15.0)
    harness.controller.check_idle()
    assert countdown(harness) == 5
    harness.clock.advance(5.0)
    harness.controller.check_idle()
    assert harness.screen == Attract()


# The attract loop ---------------------------------------------------------------------------------------------
def attract_page(harness: Harness) -> AttractPage:
    page = harness.controller.page
    assert isinstance(page, AttractPage)
    return page


def shown_slide_matches(harness: Harness, slide: object) -> bool:
    """What is on the scene layer is ``slide``'s content (its chart, its number, its pillar, or the title)."""
    page = attract_page(harness)
    scene = page.slide
    assert scene is not None
    found = [item for item in page.childItems_recursive() if scene.isAncestorOf(item)]
    texts = {item.origin for item in found if isinstance(item, TextBlock)}
    numbers = {item.number.id for item in found if isinstance(item, CountingNumber)}
    if isinstance(slide, TitleSlide):
        return "exhibit.title" in texts
    if isinstance(slide, NumberSlide):
        return slide.number_id in numbers
    if isinstance(slide, ChartSlide):
        return f"{slide.chart_id}.title" in texts
    assert isinstance(slide, PillarSlide)
    return f"{slide.pillar_id}.short_title" in texts


def test_the_attract_loop_shows_every_slide_in_turn_and_starts_again(harness) -> None:
    page = attract_page(harness)
    playlist = page.loop.playlist
    assert len(playlist) >= 5 and isinstance(playlist[0], TitleSlide)
    slide_s = BEHAVIOUR.attract_slide_s
    for k in range(len(playlist) + 2):
        harness.controller.show_attract_at(k * slide_s + 0.5)
        harness.settle()
        index = k % len(playlist)
        assert page.slide_index == index
        assert shown_slide_matches(harness, playlist[index]), (index, playlist[index])
    assert not harness.controller.idle_loop.attract_timer.isActive()  # show_attract_at holds the loop where it was put


def test_the_attract_timer_moves_the_loop_on_with_the_clock(harness) -> None:
    page = attract_page(harness)
    timer = harness.controller.idle_loop.attract_timer
    assert timer.isActive() and page.slide_index == 0
    harness.clock.advance(BEHAVIOUR.attract_slide_s * 2 + 1)
    timer.timeout.emit()
    assert page.slide_index == 2
    harness.settle()
    assert shown_slide_matches(harness, page.loop.playlist[2])


def test_the_composition_drifts_a_few_pixels_over_minutes(harness) -> None:
    page = attract_page(harness)
    harness.controller.show_attract_at(0.0)
    home = page.prompt.pos()
    assert page.slide is not None and page.slide.pos() == QPointF(0, 0)
    positions = []
    for minute in range(0, 61):
        harness.controller.show_attract_at(minute * 60.0)
        assert page.slide is not None
        at = page.slide.pos()
        positions.append(at)
        assert at.x() == round(at.x()) and at.y() == round(at.y())  # whole pixels: a scene stands still
        assert page.prompt.pos() - home == at  # the invitation drifts with the scenes
        start = minute * 60.0 - page.loop.slide_at(minute * 60.0)[2]
        assert (at.x(), at.y()) == pytest.approx(drift_offset(start), abs=0.5)
    steps = [math.hypot((b - a).x(), (b - a).y()) for a, b in zip(positions, positions[1:])]
    reach = max(math.hypot(p.x(), p.y()) for p in positions)
    assert 0.5 < max(steps) <= 6.0  # it moves, a few pixels a minute at most
    assert 6.0 < reach <= 12.5  # over the hour it wanders, never more than 12 px from home
    prompt = [block for block in harness.of_type(TextBlock) if block.origin == "exhibit.attract_prompt"]
    assert prompt and all(page.prompt.isAncestorOf(block) for block in prompt)  # the prompt drifts too


def test_a_touch_on_the_title_opens_home_at_once(harness, pointer) -> None:
    harness.clock.advance(harness.controller.settings.attract_slide_s * 11 * 3 + 3.0)  # the title, a few cycles on
    harness.controller.idle_loop.attract_timer.timeout.emit()
    page = attract_page(harness)
    assert isinstance(page.loop.playlist[page.slide_index], TitleSlide)
    title = next(b for b in harness.of_type(TextBlock) if b.origin == "exhibit.title")
    pointer.tap(title.sceneBoundingRect().center())
    assert harness.screen == Home()
    assert isinstance(harness.controller.page, HomePage)  # built now, not after a transition
    assert not harness.controller.idle_loop.attract_timer.isActive()
    assert scheduled_ms(harness) == pytest.approx(QUIET_S * 1000, abs=2)


def test_a_touch_on_a_scene_opens_its_pillar_at_once(harness, pointer) -> None:
    harness.clock.advance(300)  # scene 43 of the loop: the innovation axis (pillar 1's chart)
    harness.controller.idle_loop.attract_timer.timeout.emit()
    assert attract_page(harness).loop.playlist[attract_page(harness).slide_index] == ChartSlide(
        "national-strategy", "axis-shares"
    )
    pointer.tap(harness.scene.sceneRect().center())
    assert harness.screen == PillarPage("national-strategy")
    assert not harness.controller.idle_loop.attract_timer.isActive()
