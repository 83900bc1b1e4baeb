"""The accessibility menu on the real stage, through the mouse and a finger: the button on every visitor screen, the
choices it turns on (high contrast, reduced motion, reach, more time), and the reset at the idle reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from kiosk.accessibility.choices import AccessChoices
from kiosk.accessibility.contrast import AAA
from kiosk.content.text import contrast_ratio
from kiosk.exhibit.navigation import Attract
from kiosk.qt.accessibility.menu import AccessMenu, ChoiceSwitch
from kiosk.qt.exhibit.screens.home import PillarTile
from kiosk.qt.foundations.look import TARGET
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.text_block import TextBlock

from ..exhibit_fixtures import LANDSCAPE, PORTRAIT, Harness, Pointer, awake

pytestmark = pytest.mark.gui


def _screens(harness: Harness):
    """Home, a pillar, a story on it, the outlook: each visitor screen in turn, still."""
    controller = harness.controller
    awake(harness)
    yield "home"
    pillar = harness.controller.pillar_ids[0]
    controller.open_pillar(pillar)
    harness.settle()
    yield f"pillar-{pillar}"
    controller.open_story(0)
    harness.settle()
    yield "story"
    controller.home()
    controller.open_outlook()
    harness.settle()
    yield "outlook"


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_accessibility_button_is_on_every_visitor_screen(open_exhibit, size, language) -> None:
    harness = open_exhibit(size, language=language)
    assert "accessibility" not in harness.names()  # the attract loop: any touch opens Home, where it is
    for screen in _screens(harness):
        button = harness.find("accessibility", Button)
        rect = button.sceneBoundingRect()
        assert rect.width() >= TARGET and rect.height() >= TARGET, screen
        assert harness.scene.sceneRect().contains(rect), screen
        # its label on it, or (beside a story sheet's text) under it
        label = [block for block in harness.of_type(TextBlock) if block.origin == "accessibility"][0]  # topmost
        assert label.text.split() == ["无障碍", "Access"] and not label.elided, screen
        assert label.sceneBoundingRect().intersects(rect.adjusted(0, 0, 0, TARGET)), screen


def test_the_menu_turns_a_choice_on_and_off(harness: Harness, pointer: Pointer) -> None:
    awake(harness)
    pointer.tap("accessibility")
    menu = harness.of_type(AccessMenu)
    assert len(menu) == 1
    switches = {s.choice: s for s in harness.of_type(ChoiceSwitch)}
    assert set(switches) == set(AccessChoices.__dataclass_fields__)
    for switch in switches.values():
        rect = switch.sceneBoundingRect()
        assert rect.height() >= TARGET and rect.width() >= 2 * TARGET
    pointer.tap("choice-high_contrast")
    assert harness.controller.access.choices == AccessChoices(high_contrast=True)
    assert harness.stage.backgroundBrush().color() == QColor("#000000")
    assert harness.find("choice-high_contrast", ChoiceSwitch).on  # the menu stays open, redrawn
    pointer.tap("choice-high_contrast")
    assert not harness.controller.access.choices.any_on
    pointer.tap("done")
    assert harness.of_type(AccessMenu) == []
    assert harness.screen == awake(harness).screen


def test_a_tap_beside_the_menu_closes_it(harness: Harness, pointer: Pointer) -> None:
    awake(harness)
    pointer.tap("accessibility")
    pointer.tap(QPointF(12, 12))
    assert harness.of_type(AccessMenu) == []
    assert harness.controller.screen == awake(harness).screen  # nothing under the backdrop was touched


def test_every_choice_is_reset_at_the_idle_reset_after_ten_times_the_idle_time(harness: Harness) -> None:
    controller = awake(harness).controller
    base = controller.settings.idle_timeout_s
    for choice in ("large_text", "high_contrast", "reach", "read_aloud"):
        controller.access.set(choice, True)  # type: ignore[arg-type]
    controller.open_accessibility = None
    harness.exhibit.accessibility.open_menu()
    assert controller.idle_loop.tracker.timeout_s == base * 10
    harness.clock.advance(base + 1)
    controller.check_idle()
    assert harness.controller.idle_warning is None and not isinstance(controller.screen, Attract)
    harness.clock.advance(base * 9)
    controller.check_idle()
    assert isinstance(controller.screen, Attract)
    assert controller.access.choices == AccessChoices()
    assert controller.idle_loop.tracker.timeout_s == base
    assert harness.of_type(AccessMenu) == []
    assert harness.stage.backgroundBrush().color() == QColor(controller.content.exhibit.theme.ground)


def _warning(harness: Harness) -> None:
    awake(harness)
    tracker = harness.controller.idle_loop.tracker  # the idle time is longer while a choice is on
    harness.controller.idle_loop.touched()
    harness.clock.advance(tracker.timeout_s - tracker.warning_s + 0.5)
    harness.controller.check_idle()
    assert harness.controller.idle_warning is not None


def test_the_idle_warning_offers_more_time_as_one_large_target(harness: Harness, pointer: Pointer) -> None:
    _warning(harness)
    more = harness.find("more-time", Button)
    rect = more.sceneBoundingRect()
    assert rect.height() >= TARGET and rect.width() >= 6 * TARGET
    pointer.tap("more-time")
    assert harness.controller.idle_warning is None
    assert harness.controller.access.choices.more_time
    assert harness.controller.idle_loop.tracker.timeout_s == 10 * harness.controller.settings.idle_timeout_s


def test_a_touch_beside_more_time_only_cancels_the_warning(harness: Harness, pointer: Pointer) -> None:
    _warning(harness)
    pointer.tap(QPointF(12, 12))
    assert harness.controller.idle_warning is None
    assert not harness.controller.access.choices.any_on


def test_reduced_motion_shows_final_values_and_only_fades(harness: Harness) -> None:
    controller = awake(harness).controller
    controller.access.set("reduced_motion", True)
    controller.open_pillar(controller.pillar_ids[0])
    page = controller.page
    assert page is not None
    counters = [item for item in page.childItems_recursive() if isinstance(item, CountingNumber)]
    assert counters and all(c.text == c.final_text for c in counters)  # no count-up, before any settling
    assert controller.switcher.transition_running  # a short cross-fade
    harness.clock.advance(0.2)
    controller.settle(harness.clock.advance)
    assert not controller.switcher.transition_running


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE])
def test_reach_mode_puts_every_control_below_the_reach_line(open_exhibit, size) -> None:
    harness = open_exhibit(size)
    controller = harness.controller
    awake(harness)
    controller.access.set("reach", True)
    line = controller.context().reach_line
    assert line is not None
    if size == PORTRAIT:
        assert 1280 < line < 1300  # 1.2 m on a 55-inch portrait panel whose lower edge is 0.8 m high

    def controls() -> list[tuple[str, float]]:
        found = []
        for item in harness.of_type(Button) + harness.of_type(LanguageSwitch) + harness.of_type(ChoiceSwitch):
            found.append((getattr(item, "name", type(item).__name__), item.sceneBoundingRect().top()))
        return found

    def check(where: str) -> None:
        high = [(name, round(top)) for name, top in controls() if top < line]
        assert high == [], f"{where}: above the reach line {line:.0f}"
        assert controls(), where

    for screen in _screens(harness):
        check(screen)
    harness.exhibit.accessibility.open_menu()
    check("menu")
    harness.exhibit.accessibility.close_menu()
    _warning(harness)
    check("idle warning")


def test_high_contrast_colours_as_the_screens_mix_them_are_at_least_7_to_1(harness: Harness) -> None:
    controller = awake(harness).controller
    controller.access.set("high_contrast", True)
    harness.settle()
    look = controller.context().look
    theme = look.theme
    texts = [theme.text, theme.muted, theme.number, theme.signature]
    texts += [p.accent for p in controller.display_content().pillars]
    backgrounds = [QColor(theme.ground), look.surface, look.surface_high]
    low = [
        (t, b.name(), round(contrast_ratio(t, b.name()), 2))
        for t in texts
        for b in backgrounds
        if contrast_ratio(t, b.name()) < AAA
    ]
    assert low == []
    tiles = harness.of_type(PillarTile)
    assert tiles  # the tiles are drawn in the strengthened accents
    accents = {p.accent for p in controller.display_content().pillars}
    assert accents.isdisjoint({p.accent for p in controller.content.pillars})


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT])
def test_large_text_sets_every_text_at_least_1_4_times_larger(open_exhibit, size) -> None:
    harness = open_exhibit(size)
    controller = awake(harness).controller
    controller.open_pillar(controller.pillar_ids[0])
    harness.settle()

    def sizes() -> dict[tuple[str, str], float]:
        return {(b.origin, b.text): b.fitted.px for b in harness.of_type(TextBlock)}

    before = sizes()
    controller.access.set("large_text", True)
    harness.settle()
    after = sizes()
    both = before.keys() & after.keys()
    assert len(both) > 10
    # Every text at least 40 px (1.43 times the 28 px floor); one that had to shrink to fit may grow a little less
    # than 1.4 times its shrunk size, so the typical text is checked for 1.4 times.
    small = {key: after[key] for key in both if after[key] < 40}
    assert small == {}
    ratios = sorted(after[key] / before[key] for key in both)
    assert ratios[len(ratios) // 2] >= 1.4
