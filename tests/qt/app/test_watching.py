"""Watching the running exhibit from afar: the health file for node_exporter says what the exhibit is doing
(sessions, touches, frames, errors, display closed by the opening hours or on, the last bundle) and says it stopped;
the screenshot is small, recent and taken on request."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QImage

from kiosk.qt.app.watching import Watching, bundle_outcome
from kiosk.qt.service.fleet.screenshot import REQUEST_NAME, SCREENSHOT_NAME
from kiosk.service.bundle.watch import WatchResult

from ..exhibit_fixtures import Harness, Pointer, awake
from .test_unattended import MONDAY_NOON, operations, settings_for

pytestmark = pytest.mark.gui


def values(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, value = line.rsplit(" ", 1)
            out[key] = float(value)
    return out


def watching(harness: Harness, tmp_path: Path, text: str = "", errors: int = 0) -> Watching:
    settings = settings_for(
        tmp_path, f"monitoring:\n  metrics_file: {tmp_path / 'kiosk.prom'}\n  group: hall-a\n{text}"
    )
    ops, _ = operations(harness, settings)
    health = SimpleNamespace(errors=errors)
    return Watching(harness.stage, ops, health, settings, now=lambda: MONDAY_NOON, wall_clock=lambda: 1796000000.0)  # type: ignore[arg-type]


def finish(watch: Watching) -> None:
    watch.stop()
    watch.operations.stop()


def test_the_health_file_is_written_at_start_and_says_the_exhibit_is_up_and_on(harness: Harness, tmp_path: Path):
    watch = watching(harness, tmp_path, errors=2)
    assert watch.health_file is not None and watch.health_file.timer.interval() == 20_000
    got = values(tmp_path / "kiosk.prom")
    assert got["kiosk_up"] == 1 and got['kiosk_display_state{state="on"}'] == 1 and got["kiosk_schedule_open"] == 1
    assert got['kiosk_content_info{exhibit_group="hall-a",content_version="folder",program_version="0.1.0"}'] == 1
    assert got["kiosk_errors_total"] == 2 and got["kiosk_sessions_today"] == 0
    assert got["kiosk_metrics_written_timestamp_seconds"] == 1796000000 and got["kiosk_resident_memory_bytes"] > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kiosk.prom")] == []  # no temp file left
    finish(watch)
    got = values(tmp_path / "kiosk.prom")
    assert got["kiosk_up"] == 0 and got['kiosk_display_state{state="on"}'] == 1  # what was last seen, and stopped
    assert not watch.health_file.timer.isActive()


def test_a_wake_is_a_session_a_touch_is_the_last_touch_and_paints_are_frames(
    harness: Harness, pointer: Pointer, tmp_path: Path
):
    watch = watching(harness, tmp_path)
    pointer.tap(harness.scene.sceneRect().center())  # wakes the attract loop
    harness.settle()
    awake(harness)  # already awake: no second session
    for _ in range(3):
        harness.viewport.repaint()
    visitors = watch.operations.visitors
    assert visitors is not None  # the visitor analytics record: the count is the store's
    assert watch.sample().sessions_today == 0  # not yet written (the store's checkpoint comes every 2 s)
    visitors.checkpoint()
    assert visitors.writer.flush(timeout_s=5.0)
    assert watch.health_file is not None and watch.health_file.write()
    got = values(tmp_path / "kiosk.prom")
    assert got["kiosk_sessions_today"] == 1
    assert got["kiosk_last_touch_timestamp_seconds"] == MONDAY_NOON.timestamp()
    assert got['kiosk_frame_interval_seconds_bucket{le="+Inf"}'] >= 2
    harness.controller.reset_to_attract()
    awake(harness)
    visitors.checkpoint()
    visitors.writer.flush(timeout_s=5.0)
    assert watch.sample().sessions_today == 2
    finish(watch)


def test_without_the_visitor_analytics_the_wakes_are_counted(harness: Harness, tmp_path: Path):
    watch = watching(harness, tmp_path, "analytics:\n  enabled: false\n")
    assert watch.operations.visitors is None
    awake(harness)
    harness.controller.reset_to_attract()
    awake(harness)
    assert watch.sample().sessions_today == 2 and watch.sample().last_touch_at is None
    finish(watch)


def test_closed_by_the_opening_hours_is_not_dark(harness: Harness, tmp_path: Path):
    watch = watching(harness, tmp_path, "opening_hours:\n  monday: closed\n  sleep_display: false\n")
    got = values(tmp_path / "kiosk.prom")
    assert got['kiosk_display_state{state="closed"}'] == 1 and got['kiosk_display_state{state="dark"}'] == 0
    assert got["kiosk_schedule_open"] == 0
    finish(watch)


def test_a_hidden_window_in_opening_hours_is_dark(harness: Harness, tmp_path: Path):
    watch = watching(harness, tmp_path)
    harness.stage.hide()
    assert watch.sample().display == "dark"
    finish(watch)


def test_the_last_bundle_result_is_reported(tmp_path: Path):
    bundle = tmp_path / "hall.zip"
    assert bundle_outcome(WatchResult(bundle, True, "2", "ok", None, at=5.0)).result == "installed"
    assert bundle_outcome(WatchResult(bundle, False, "2", "bad", None)).result == "refused"
    waiting = bundle_outcome(WatchResult(bundle, False, "3", "later", None, waiting_until=9.0, at=6.0))
    assert (waiting.result, waiting.name, waiting.version, waiting.at) == ("waiting", "hall.zip", "3", 6.0)


def test_a_folder_that_cannot_be_written_is_said_once(harness: Harness, tmp_path: Path, caplog):
    caplog.set_level(logging.INFO, "kiosk")
    watch = watching(harness, tmp_path, "  metrics_every_s: 5\n")
    assert watch.health_file is not None
    watch.health_file.path = tmp_path / "missing" / "kiosk.prom"
    assert not watch.health_file.write() and not watch.health_file.write()
    said = [r.getMessage() for r in caplog.records if "health file" in r.getMessage()]
    assert len([m for m in said if m.startswith("cannot write")]) == 1
    (tmp_path / "missing").mkdir()
    assert watch.health_file.write()
    assert any(m.endswith("is written again") for m in [r.getMessage() for r in caplog.records])
    finish(watch)


def test_a_small_screenshot_is_kept_and_taken_on_request(harness: Harness, tmp_path: Path):
    watch = watching(harness, tmp_path, "  screenshot_px: 320\n")
    shots = watch.screenshots
    assert shots is not None and shots.timer.interval() == 300_000 and shots.taken == 1
    picture = QImage(str(tmp_path / "state" / SCREENSHOT_NAME))
    assert (picture.width(), picture.height()) == (320, 180)
    assert re.search(r"\bscreenshot\b", shots.path.name)
    shots.check_request()
    assert shots.taken == 1  # no request, no picture
    (tmp_path / "state" / REQUEST_NAME).touch()
    shots.check_request()
    assert shots.taken == 2 and not (tmp_path / "state" / REQUEST_NAME).exists()
    finish(watch)
    assert not shots.timer.isActive() and not shots.request_timer.isActive()


def test_nothing_is_written_when_the_settings_ask_for_nothing(harness: Harness, tmp_path: Path):
    settings = settings_for(tmp_path, "monitoring:\n  screenshot_every_s: null\n")
    ops, _ = operations(harness, settings)
    watch = Watching(harness.stage, ops, SimpleNamespace(errors=0), settings, now=lambda: MONDAY_NOON)  # type: ignore[arg-type]
    assert watch.health_file is None and watch.screenshots is None
    finish(watch)
    assert not (tmp_path / "state" / SCREENSHOT_NAME).exists()
