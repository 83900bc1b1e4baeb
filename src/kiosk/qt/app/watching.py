"""Watching the exhibit from afar, wired from the settings' ``monitoring`` section: the health file for
Prometheus's node_exporter (what it says is gathered here from the running pieces) and the small screenshot in the
state folder. "Sessions today" and the last touch come from a callable and an object so that the visitor
analytics store can answer instead of the counter kept here.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

import kiosk
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
        sessions_today: Callable[[], int] | None = None,
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
        self._sessions_today = sessions_today or self.sessions.today
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
        state_dir = settings.folders.state_dir
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
        last_touch = self.sessions.last_touch
        rss = rss_mb()
        return ExhibitMetrics(
            up=True,
            written_at=self._wall_clock(),
            started_at=self.started_at,
            group=self.settings.monitoring.group,
            content_version=operations.reloader.version or "folder",
            program_version=kiosk.__version__,
            last_touch_at=None if last_touch is None else last_touch.timestamp(),
            sessions_today=self._sessions_today(),
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
