"""Visits to the real exhibit are recorded: real taps and drags on the stage, the idle reset with a hand-driven
clock, rows in the state folder's database; a state folder that cannot be written stops recording with one log line
and the exhibit runs on."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from kiosk.analytics.store import FILE_NAME, AnalyticsStore
from kiosk.exhibit.navigation import Attract, Home, PillarPage, StoryDetail, stories
from kiosk.qt.exhibit.screens.pillar import PillarPageView
from kiosk.qt.service.visitor_log import VisitorLog, install_visitor_log
from kiosk.settings.model import AnalyticsSettings, FolderSettings, Settings

from ..exhibit_fixtures import Harness, Mouse

pytestmark = pytest.mark.gui
PILLAR = "national-strategy"
START = datetime(2026, 12, 1, 9, 0)


def recording(harness: Harness, state_dir: Path, enabled: bool = True) -> VisitorLog | None:
    settings = Settings(folders=FolderSettings(state_dir=state_dir), analytics=AnalyticsSettings(enabled=enabled))
    clock = harness.clock
    return install_visitor_log(harness.controller, settings, lambda: START + timedelta(seconds=clock()), clock)


def reset(harness: Harness) -> None:
    harness.clock.advance(harness.controller.settings.idle_timeout_s + 1)
    harness.controller.check_idle()
    harness.settle()


def test_taps_drags_and_the_idle_reset_of_a_visit_are_in_the_database(harness: Harness, qtbot, tmp_path: Path) -> None:
    log = recording(harness, tmp_path)
    assert log is not None
    mouse = Mouse(harness, qtbot)
    clock = harness.clock
    try:
        woke = clock()
        mouse.tap(QPointF(400, 400))  # wakes the attract loop
        harness.settle()  # (settling moves the clock on: the count-ups take their time)
        assert harness.screen == Home()
        clock.advance(4)
        to_pillar = clock()
        mouse.tap(f"pillar-{PILLAR}")
        harness.settle()
        assert harness.screen == PillarPage(PILLAR)
        page = harness.controller.page
        assert isinstance(page, PillarPageView)
        tiles = page.stories.items
        step = tiles[1].pos().x() - tiles[0].pos().x()
        start = harness.centre(tiles[1])
        clock.advance(6)
        mouse.drag(start, start - QPointF(step, 0), rest_ms=150)  # one story on
        harness.settle()
        turned_to = page.stories.index
        assert turned_to >= 1  # (a loaded machine may make it a flick of more than one)
        clock.advance(3)
        to_story = clock()
        mouse.tap(harness.centre(tiles[turned_to]))
        harness.settle()
        assert harness.screen == StoryDetail(PILLAR, turned_to)
        clock.advance(20)
        reset(harness)
        reset_at = clock()  # settling the attract loop moves the clock, not the visit's end
        assert harness.screen == Attract()
    finally:
        log.stop()
    store = AnalyticsStore.open(tmp_path / FILE_NAME, read_only=True)
    con = store.connection
    session = con.execute("SELECT end_reason, reached, pillars, swipes, engaged_s, language_start FROM sessions")
    # The story was still open at the reset: seen, not counted as read (nobody may have been there any more).
    assert session.fetchall() == [("reset", "story", PILLAR, 1, pytest.approx(to_story - woke), "zh")]
    duration = con.execute("SELECT duration_s FROM sessions").fetchone()[0]
    assert woke + duration < reset_at  # it ended at the reset, before the attract loop was settled
    views = con.execute("SELECT kind, pillar_id, story_id, left_by, dwell_s FROM views ORDER BY seq").fetchall()
    story_id = stories(harness.controller.content.pillar(PILLAR))[turned_to].id
    assert views == [
        ("home", None, None, "touch", pytest.approx(to_pillar - woke)),
        ("pillar", PILLAR, None, "touch", pytest.approx(to_story - to_pillar)),
        ("story", PILLAR, story_id, "reset", pytest.approx(woke + duration - to_story)),
    ]
    kinds = [row[0] for row in con.execute("SELECT kind FROM events ORDER BY id")]
    assert kinds == ["attract", "swipe", "attract"]  # at start, the drag, after the reset
    assert con.execute("SELECT detail FROM events WHERE kind = 'swipe'").fetchone()[0] == f"{PILLAR}/stories"
    assert store.sessions_on(START.date()) == 1


def test_nothing_is_recorded_when_the_analytics_are_off(harness: Harness, tmp_path: Path) -> None:
    assert recording(harness, tmp_path, enabled=False) is None
    assert not (tmp_path / FILE_NAME).exists()


@pytest.mark.log_warnings("a state folder that cannot be written stops recording with one warning")
def test_a_state_folder_that_cannot_be_written_stops_recording_and_the_exhibit_runs_on(
    harness: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "state"
    blocked.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        log = recording(harness, blocked)
        assert log is not None
        try:
            for _ in range(3):
                harness.controller.wake()
                harness.controller.open_pillar(PILLAR)
                harness.settle()
                log.checkpoint()
                reset(harness)
                log.checkpoint()
            assert log.writer.flush()
            assert harness.screen == Attract()
        finally:
            log.stop()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "stopped recording" in warnings[0] and "the exhibit runs on" in warnings[0]


def test_a_visit_ends_when_the_exhibit_is_held_so_closing_time_does_not_last_the_night(
    harness: Harness, tmp_path: Path
) -> None:
    log = recording(harness, tmp_path)
    assert log is not None
    controller, clock = harness.controller, harness.clock
    try:
        controller.gestures.activity.emit()  # a touch wakes it
        assert controller.screen == Home()
        clock.advance(8)
        controller.hold()  # closing time: the standby screen holds the exhibit
        clock.advance(14 * 3600)
        controller.release()
        controller.reset_to_attract()  # opening time
    finally:
        log.stop()
    store = AnalyticsStore.open(tmp_path / FILE_NAME, read_only=True)
    rows = store.connection.execute("SELECT end_reason, duration_s FROM sessions").fetchall()
    assert rows == [("reset", 8.0)]
    assert store.connection.execute("SELECT dwell_s FROM views").fetchall() == [(8.0,)]
