"""Opening hours on the real exhibit with an injected wall clock: closing time covers it with the dark standby
screen (touches do nothing, the attract loop stands still, the display is asked to sleep); opening time brings the
attract loop back and keeps the display awake."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from kiosk.exhibit.navigation import Attract, PillarPage
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.service.opening_hours import RECHECK_S, OpeningHours, install_opening_hours
from kiosk.qt.service.standby_screen import STANDBY_Z, StandbyScreen, opening_words
from kiosk.service.schedule import WeeklySchedule
from kiosk.service.screen_power import ScreenPower

from ..exhibit_fixtures import LANDSCAPE, PORTRAIT, Harness, Pointer

pytestmark = pytest.mark.gui

FRI = date(2026, 11, 27)
HOURS = WeeklySchedule.from_texts(
    {
        "monday": "09:00-17:30",
        "tuesday": "09:00-17:30",
        "wednesday": "09:00-17:30",
        "thursday": "09:00-17:30",
        "friday": "09:00-17:30",
        "saturday": "closed",
        "sunday": "closed",
    }
)


def at(day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, ss)


class Recorder:
    name = "recorder"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def keep_awake(self) -> None:
        self.calls.append("keep_awake")

    def sleep(self) -> None:
        self.calls.append("sleep")

    def release(self) -> None:
        self.calls.append("release")


class WallClock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def keeper_for(
    harness: Harness, now: datetime, sleep_display: bool = True, schedule: WeeklySchedule = HOURS
) -> tuple[OpeningHours, WallClock, Recorder]:
    clock, recorder = WallClock(now), Recorder()
    keeper = install_opening_hours(
        harness.controller, harness.stage, schedule, clock, sleep_display=sleep_display, power=ScreenPower([recorder])
    )
    return keeper, clock, recorder


def standby_shown(harness: Harness) -> bool:
    return any(isinstance(item, StandbyScreen) for item in harness.scene.items())


def test_opening_words_in_both_languages():
    evening = at(FRI, 20)
    assert opening_words(evening, at(FRI + timedelta(days=3), 9), "en") == "Opens at 09:00 Monday"
    assert opening_words(evening, at(FRI + timedelta(days=3), 9), "zh") == "周一 09:00 开放"
    assert opening_words(at(FRI, 6), at(FRI, 9, 30), "en") == "Opens today at 09:30"
    assert opening_words(evening, at(FRI + timedelta(days=1), 10), "zh") == "明天 10:00 开放"
    assert opening_words(evening, at(date(2027, 1, 2), 9), "en") == "Opens at 09:00 on 2 January"
    assert opening_words(evening, at(date(2027, 1, 2), 9), "zh") == "1月2日 09:00 开放"
    assert opening_words(evening, None, "en") == "Closed for now"


def test_open_closing_standby_touches_do_nothing_then_opening_starts_the_attract_loop(
    harness: Harness, pointer: Pointer
):
    keeper, clock, power = keeper_for(harness, at(FRI, 17, 29, 30))
    controller = harness.controller
    assert not keeper.closed and not standby_shown(harness) and power.calls == ["keep_awake"]
    assert keeper.timer.objectName() == "opening_hours_timer" and keeper.timer.isSingleShot()
    assert 30_000 <= keeper.timer.interval() <= 30_200  # set to the change, a hair after it

    # a visitor is on a pillar page when the exhibit closes
    harness.controller.wake()
    harness.controller.open_pillar(harness.controller.pillar_ids[0])
    harness.settle()
    clock.now = at(FRI, 17, 30)
    keeper.check()
    assert keeper.closed and controller.held and power.calls == ["keep_awake", "sleep"]
    standby = harness.find("standby", StandbyScreen)
    assert standby.zValue() == STANDBY_Z and standby.blocks_input
    assert standby.texts[-2:] == ("周一 09:00 开放", "Opens at 09:00 Monday")
    assert not controller.idle_loop.idle_timer.isActive() and not controller.idle_loop.attract_timer.isActive()
    assert keeper.timer.interval() == RECHECK_S * 1000 + 50  # re-checked every minute until Monday

    # touches do nothing: no navigation, no visitor, nothing ticking
    screen = harness.screen
    for point in (QPointF(960, 540), QPointF(100, 100), harness.centre(standby.titles[0])):
        pointer.tap(point)
        harness.clock.advance(120.0)
        controller.check_idle()
    assert harness.screen == screen and controller.held and standby_shown(harness)

    # the night goes by; the text moves and says the same
    before = standby.block.pos()
    clock.now = at(FRI + timedelta(days=1), 3, 17)
    keeper.check()
    assert standby.block.pos() != before and keeper.standby is standby
    assert standby.texts[-1] == "Opens at 09:00 Monday"
    clock.now = at(FRI + timedelta(days=2), 12)
    keeper.check()
    assert standby.texts[-1] == "Opens tomorrow at 09:00" and not any(b.elided for b in standby.words)

    # opening time: the attract loop, awake, nothing held
    clock.now = at(FRI + timedelta(days=3), 9, 0, 1)
    keeper.check()
    assert not keeper.closed and not standby_shown(harness) and not controller.held
    assert harness.screen == Attract() and isinstance(controller.page, AttractPage)
    assert controller.idle_loop.attract_timer.isActive()
    assert power.calls[-1] == "keep_awake"
    pointer.tap(QPointF(960, 540))  # and a touch wakes the exhibit again
    harness.settle()
    assert harness.screen != Attract()


def test_the_attract_loop_stands_still_under_the_standby_screen(harness: Harness):
    keeper, clock, _power = keeper_for(harness, at(FRI, 20))
    page = harness.controller.page
    assert isinstance(page, AttractPage) and keeper.closed
    seen = []
    original = page.update_to
    page.update_to = lambda elapsed: seen.append(elapsed) or original(elapsed)  # type: ignore[method-assign]
    harness.clock.advance(30.0)
    harness.controller.idle_loop.attract_timer.timeout.emit()  # even if its timer did fire
    assert seen == [] and not harness.controller.idle_loop.attract_timer.isActive()


def test_started_outside_opening_hours_it_starts_in_standby(harness: Harness):
    keeper, _clock, power = keeper_for(harness, at(FRI + timedelta(days=1), 11))  # Saturday
    assert keeper.closed and standby_shown(harness) and harness.controller.held
    assert power.calls == ["sleep"]
    assert keeper.standby is not None and keeper.standby.texts[-1] == "Opens at 09:00 Monday"


def test_without_sleep_display_the_display_is_left_alone_at_night(harness: Harness):
    keeper, _clock, power = keeper_for(harness, at(FRI, 20), sleep_display=False)
    keeper.standby.on_tap(QPointF(10, 10))  # type: ignore[union-attr]
    assert keeper.closed and power.calls == [] and not keeper.resleep_timer.isActive()


def test_a_touch_at_night_lets_the_display_sleep_again_later(harness: Harness, pointer: Pointer):
    keeper, _clock, power = keeper_for(harness, at(FRI, 20))
    pointer.tap(QPointF(960, 540))
    assert keeper.resleep_timer.isActive() and keeper.resleep_timer.objectName() == "standby_sleep_timer"
    keeper._resleep()
    assert power.calls == ["sleep", "sleep"]


def test_always_open_never_stands_by(harness: Harness):
    keeper, clock, power = keeper_for(harness, at(FRI, 3), schedule=WeeklySchedule.always_open())
    clock.now = at(FRI + timedelta(days=100), 3)
    keeper.check()
    assert not keeper.closed and power.calls == ["keep_awake"]
    assert keeper.timer.interval() == RECHECK_S * 1000 + 50
    keeper.stop()
    assert power.calls[-1] == "release" and not keeper.timer.isActive()


def test_a_wall_clock_jump_is_noticed_at_the_next_check(harness: Harness):
    keeper, clock, _power = keeper_for(harness, at(FRI, 10))
    clock.now = at(FRI, 23)  # the clock was corrected by hours
    keeper.check()
    assert keeper.closed
    clock.now = at(FRI, 10)
    keeper.check()
    assert not keeper.closed and harness.screen == Attract()


def test_an_operator_hold_outlives_opening_time(harness: Harness):
    keeper, clock, _power = keeper_for(harness, at(FRI, 20))
    harness.controller.hold()  # the operator panel is open when the exhibit opens
    clock.now = at(FRI + timedelta(days=3), 9)
    keeper.check()
    assert not keeper.closed and harness.controller.held
    harness.controller.release()
    assert not harness.controller.held


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _a = colour.getRgbF()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_standby_is_dark_readable_and_its_text_stays_on_screen_as_it_drifts(open_exhibit, size):
    harness = open_exhibit(size)
    keeper, _clock, _power = keeper_for(harness, at(FRI, 20))
    standby = keeper.standby
    assert standby is not None
    screen = harness.scene.sceneRect()
    margin = 40.0
    inner = screen.adjusted(margin, margin, -margin, -margin)
    places = set()
    for minute in range(0, 24 * 60, 7):
        standby.drift(minute)
        rect = standby.block.mapRectToScene(standby.block.childrenBoundingRect())
        assert inner.contains(rect), f"minute {minute}: {rect} leaves {inner}"
        places.add((round(rect.x() / 50), round(rect.y() / 50)))
    assert len(places) > 40  # it really wanders
    assert not any(block.elided for block in standby.titles + standby.words)
    image = harness.viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    lit = sum(
        luminance(image.pixelColor(x, y)) > 0.02
        for x in range(0, image.width(), 8)
        for y in range(0, image.height(), 8)
    )
    assert lit / ((image.width() // 8) * (image.height() // 8)) < 0.02  # nearly black: under 2 % of pixels lit
    ground = QColor(standby.ground)
    assert luminance(ground) < 0.005
    assert contrast(QColor(standby.words_colour), ground) >= 4.5
    assert contrast(QColor(standby.title_colour), ground) >= 4.5


def test_standby_follows_a_new_screen_size(open_exhibit):
    harness = open_exhibit(LANDSCAPE)
    keeper, _clock, _power = keeper_for(harness, at(FRI, 20))
    harness.stage.resize(*PORTRAIT)
    harness.settle()
    assert keeper.standby is not None and keeper.standby.boundingRect().height() > keeper.standby.boundingRect().width()
    assert sum(isinstance(item, StandbyScreen) for item in harness.scene.items()) == 1


def test_reset_under_the_standby_screen_keeps_it_on_top(harness: Harness):
    keeper, _clock, _power = keeper_for(harness, at(FRI, 20))
    harness.controller.reset_to_attract()
    top = harness.scene.items(QPointF(960, 540))[0]
    node = top
    while node.parentItem() is not None:
        node = node.parentItem()
    assert node is keeper.standby
    assert isinstance(harness.screen, (Attract, PillarPage))
