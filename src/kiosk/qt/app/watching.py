"""Watching the exhibit from afar, wired from the settings' ``monitoring`` section: the health file for
Prometheus's node_exporter (what it says is gathered here from the running pieces) and the small screenshot in the
state folder. "Sessions today" comes from the visitor analytics store when it records (the same count the
operator panel and the curator's report show), else from a counter of the controller's wakes kept here; the last
touch is the controller's own, or the store's after a restart.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

import kiosk
from kiosk.analytics.store import FILE_NAME as ANALYTICS_FILE
from kiosk.analytics.store import AnalyticsStore, AnalyticsUnavailable
from kiosk.clock import monotonic
from kiosk.exhibit.navigation import Attract, Screen
from kiosk.qt.app.unattended import Operations
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.service.fleet.frame_meter import FrameMeter
from kiosk.qt.service.fleet.health_file import HealthFile
from kiosk.qt.service.fleet.screenshot import Screenshots
from kiosk.qt.service.health import Health
from kiosk.service.bundle.watch import WatchResult
from kiosk.service.fleet.metrics import BundleOutcome, BundleResult, DisplayState, ExhibitMetrics
from kiosk.service.fleet.sessions import SessionCounter
from kiosk.service.memory import rss_mb
from kiosk.service.restart import self_restarts
from kiosk.settings.model import Settings

_log = logging.getLogger(__name__)
MB = 1024 * 1024


def display_state(stage: Stage, closed: bool) -> DisplayState:
    """closed: the opening hours hold the standby screen; dark: open, yet the window shows nothing (hidden,
    minimised, no screen, not exposed); on otherwise."""
    if closed:
        return "closed"
    handle = stage.windowHandle()
    shown = stage.isVisible() and not stage.isMinimized() and handle is not None and handle.isExposed()
    return "on" if shown and QGuiApplication.screens() else "dark"


def bundle_outcome(result: WatchResult) -> BundleOutcome:
    state: BundleResult = (
        "waiting" if result.waiting_until is not None else "installed" if result.installed else "refused"
    )
    return BundleOutcome(result.bundle.name, result.version, state, result.at)


def recorded_visits(path: Path, day: date) -> tuple[int, datetime | None] | None:
    """The analytics store's sessions on ``day`` and its last touch, or None when there is no readable store."""
    try:
        store = AnalyticsStore.open(path, read_only=True)
    except AnalyticsUnavailable:
        return None
    try:
        return store.sessions_on(day), store.last_touch()
    except sqlite3.Error as exc:
        _log.info("health file: the visitor analytics cannot be read (%s); counting wakes instead", exc)
        return None
    finally:
        store.close()


class Watching(QObject):
    """The health file and the screenshots of one running exhibit; :meth:`stop` before quitting."""

    def __init__(
        self,
        stage: Stage,
        operations: Operations,
        health: Health,
        settings: Settings,
        *,
        now: Callable[[], datetime] = datetime.now,
        wall_clock: Callable[[], float] = time.time,
    ):
        super().__init__(stage)
        self.stage = stage
        self.operations = operations
        self.health = health
        self.settings = settings
        self._now = now
        self._wall_clock = wall_clock
        self.started_at = wall_clock()
        self.sessions = SessionCounter(now)
        state_dir = settings.folders.state_dir
        recording = operations.visitors is not None and state_dir is not None
        self._analytics = state_dir / ANALYTICS_FILE if recording and state_dir is not None else None
        self._last_screen: Screen = operations.controller.screen
        controller = operations.controller
        controller.screen_shown.connect(self._on_screen_shown)
        controller.gestures.activity.connect(self.sessions.touched)
        self.frames = FrameMeter(stage.viewport(), monotonic)
        monitoring = settings.monitoring
        self.health_file: HealthFile | None = None
        if monitoring.metrics_file is not None:
            self.health_file = HealthFile(self, monitoring.metrics_file, monitoring.metrics_every_s, self.sample)
            self.health_file.start()
            _log.info(
                "health file for node_exporter: %s every %g s", monitoring.metrics_file, monitoring.metrics_every_s
            )
        self.screenshots: Screenshots | None = None
        if monitoring.screenshot_every_s is not None and state_dir is not None:
            self.screenshots = Screenshots(stage, state_dir, monitoring.screenshot_every_s, monitoring.screenshot_px)
            self.screenshots.start()

    def _on_screen_shown(self, screen: Screen) -> None:
        if isinstance(self._last_screen, Attract) and not isinstance(screen, Attract):
            self.sessions.started()
        self._last_screen = screen

    def sample(self) -> ExhibitMetrics:
        """What the exhibit is doing now, as the health file says it."""
        operations = self.operations
        results = operations.bundles.results if operations.bundles is not None else []
        last_touch, sessions_today = self.sessions.last_touch, self.sessions.today()
        if self._analytics is not None:
            recorded = recorded_visits(self._analytics, self._now().date())
            if recorded is not None:
                sessions_today, last_touch = recorded[0], last_touch or recorded[1]
        rss = rss_mb()
        return ExhibitMetrics(
            up=True,
            written_at=self._wall_clock(),
            started_at=self.started_at,
            group=self.settings.monitoring.group,
            content_version=operations.reloader.version or "folder",
            program_version=kiosk.__version__,
            last_touch_at=None if last_touch is None else last_touch.timestamp(),
            sessions_today=sessions_today,
            frames=self.frames.histogram.snapshot(),
            errors=self.health.errors,
            self_restarts=self_restarts(os.environ),
            rss_bytes=None if rss is None else rss * MB,
            display=display_state(self.stage, operations.hours.closed),
            schedule_open=operations.hours.schedule.is_open(self._now()),
            bundle=bundle_outcome(results[-1]) if results else None,
        )

    def stop(self) -> None:
        if self.screenshots is not None:
            self.screenshots.stop()
        if self.health_file is not None:
            self.health_file.stop()
        self.frames.remove()
