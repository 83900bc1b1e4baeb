"""The controller's two entry points for operations: back to the attract loop at once, and new content."""

from __future__ import annotations

import pytest

from kiosk.exhibit.navigation import Attract, StoryDetail
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.story_sheet import StorySheet

from ..exhibit_fixtures import Harness

pytestmark = pytest.mark.gui


def on_a_story(harness: Harness) -> str:
    pillar = harness.controller.pillar_ids[0]
    harness.controller.wake()
    harness.controller.open_pillar(pillar)
    harness.controller.open_story(2)
    harness.settle()
    assert harness.controller.sheet is not None
    return pillar


def test_reset_to_attract_leaves_a_story_for_the_attract_loop_without_animation(harness: Harness) -> None:
    on_a_story(harness)
    harness.controller.reset_to_attract()
    assert harness.screen == Attract()
    assert isinstance(harness.controller.page, AttractPage)
    assert harness.controller.sheet is None and not harness.controller.switcher.transition_running
    assert (
        harness.controller.idle_loop.attract_timer.isActive() and not harness.controller.idle_loop.idle_timer.isActive()
    )


def test_reset_on_the_attract_loop_rebuilds_it(harness: Harness) -> None:
    before = harness.controller.page
    harness.controller.reset_to_attract()
    assert harness.screen == Attract() and harness.controller.page is not before


def test_new_content_is_shown_where_the_visitor_is(harness: Harness, content) -> None:
    pillar = on_a_story(harness)
    changed = content.model_copy(deep=True)
    harness.controller.replace_content(changed)
    assert harness.controller.content is changed
    assert harness.screen == StoryDetail(pillar, 2)
    assert isinstance(harness.controller.sheet, StorySheet)


def test_a_story_that_is_gone_gives_the_last_one_left(harness: Harness, content) -> None:
    pillar = on_a_story(harness)
    shorter = tuple(
        p.model_copy(update={"cards": p.cards[:2], "policies": ()}) if p.id == pillar else p for p in content.pillars
    )
    harness.controller.replace_content(content.model_copy(update={"pillars": shorter}))
    assert harness.screen == StoryDetail(pillar, 1)
    assert harness.controller.sheet is not None and harness.controller.sheet.index == 1


def test_content_the_navigator_refuses_changes_nothing(harness: Harness, content) -> None:
    pillar = on_a_story(harness)
    broken = content.model_copy(update={"exhibit": content.exhibit.model_copy(update={"default_language": "fr"})})
    with pytest.raises(ValueError):
        harness.controller.replace_content(broken)
    assert harness.controller.content is content
    assert harness.screen == StoryDetail(pillar, 2)
    assert isinstance(harness.controller.page, type(harness.controller.page)) and harness.controller.sheet is not None


def test_while_held_a_touch_neither_wakes_the_exhibit_nor_counts_as_a_visitor(harness: Harness) -> None:
    harness.controller.hold()
    harness.controller.on_activity()
    assert harness.screen == Attract()
    harness.controller.release()
    harness.controller.on_activity()
    assert harness.screen != Attract()


def test_while_held_the_exhibit_does_not_start_over(harness: Harness) -> None:
    on_a_story(harness)
    harness.controller.hold()
    assert not harness.controller.idle_loop.idle_timer.isActive()
    harness.clock.advance(3600)
    harness.controller.check_idle()
    assert isinstance(harness.screen, StoryDetail)
    harness.controller.release()
    assert harness.controller.idle_loop.idle_timer.isActive()
    harness.clock.advance(harness.controller.settings.idle_timeout_s + 1)
    harness.controller.check_idle()
    assert harness.screen == Attract()
