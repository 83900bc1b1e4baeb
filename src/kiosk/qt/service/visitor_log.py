"""Recording visits: the exhibit controller's signals into the pure session reducer, its records every couple of
seconds to the writer thread (never a write on the GUI thread), and the old records pruned once a day.

Wire it once the controller exists; ``stop()`` ends the visit on screen, writes what is left and ends the thread::

    log = install_visitor_log(controller, settings, wall=datetime.now, mono=monotonic)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.analytics.store import FILE_NAME, AnalyticsStore
from kiosk.analytics.tracker import VisitTracker
from kiosk.analytics.writer import BackgroundWriter
from kiosk.content.model import Content
from kiosk.exhibit.navigation import Attract, PillarPage, Screen
from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.qt.foundations.timers import named_timer
from kiosk.settings.model import Settings

_log = logging.getLogger(__name__)
CHECKPOINT_MS = 2000  # what a kill can lose at most


class VisitorLog(QObject):
    def __init__(
        self,
        controller: ExhibitController,
        writer: BackgroundWriter,
        retention_days: int,
        wall: Callable[[], datetime],
        mono: Callable[[], float],
        checkpoint_ms: int = CHECKPOINT_MS,
    ):
        super().__init__(controller)
        self.controller = controller
        self.writer = writer
        self.tracker = VisitTracker(wall, mono, controller.content)
        self._wall = wall
        self._retention_days = retention_days
        self._pruned_on: date = wall().date()  # the writer prunes once when it opens the database
        controller.navigated.connect(self._on_navigated)
        controller.content_adopted.connect(self._on_content)
        controller.carousel_swiped.connect(self._on_swiped)
        controller.gestures.activity.connect(self.tracker.touched)
        controller.held_changed.connect(self._on_held)
        if isinstance(controller.screen, Attract):
            self.tracker.attract_began()
        self.timer = named_timer(self, "analytics_checkpoint_timer", self.checkpoint, single_shot=False)
        self.timer.start(checkpoint_ms)

    def _on_navigated(self, old: Screen, new: Screen) -> None:
        self.tracker.navigated(old, new, self.controller.language)

    def _on_held(self, held: bool) -> None:
        """The operator panel or the closed exhibit's standby screen covers the exhibit: the visit ends there (a
        visit left at closing time does not last the night; after the panel, the next touch is a new visit)."""
        if held:
            self.tracker.stop()

    def _on_content(self, content: Content) -> None:
        self.tracker.set_content(content)

    def _on_swiped(self, name: str, _index: int) -> None:
        screen = self.controller.screen
        where = screen.pillar_id if isinstance(screen, PillarPage) else type(screen).__name__.lower()
        self.tracker.swiped(f"{where}/{name}")

    def checkpoint(self) -> None:
        """Hand what happened since the last checkpoint to the writer; a new day also prunes the old records."""
        self.writer.submit(self.tracker.take())
        today = self._wall().date()
        if today != self._pruned_on:
            self._pruned_on = today
            days = self._retention_days
            self.writer.call(lambda store: store.prune(today, days))

    def stop(self) -> None:
        """The program stops: the visit on screen ends, what is left is written, the thread ends."""
        self.timer.stop()
        self.tracker.stop()
        self.writer.submit(self.tracker.take())
        self.writer.stop()


def open_for_recording(path: Path, retention_days: int, today: Callable[[], date]) -> BackgroundWriter:
    """A writer thread on the database at ``path``: sessions a killed process left open are closed, and records
    older than ``retention_days`` removed, before the first batch."""

    def prepare(store: AnalyticsStore) -> None:
        closed = store.close_interrupted()
        pruned = store.prune(today(), retention_days)
        if closed or pruned:
            _log.info("visitor analytics: %d interrupted session(s) closed, %d old session(s) removed", closed, pruned)

    return BackgroundWriter(lambda: AnalyticsStore.open(path), prepare)


def install_visitor_log(
    controller: ExhibitController,
    settings: Settings,
    wall: Callable[[], datetime],
    mono: Callable[[], float],
) -> VisitorLog | None:
    """Record the visits to ``controller`` in ``<state_dir>/analytics.sqlite3``, as the ``analytics`` settings say;
    None when they are off."""
    analytics, state_dir = settings.analytics, settings.folders.state_dir
    if not analytics.enabled or state_dir is None:
        _log.info("visitor analytics are off: nothing about visits is recorded")
        return None
    path = state_dir / FILE_NAME
    writer = open_for_recording(path, analytics.retention_days, lambda: wall().date())
    _log.info("visitor analytics recorded in %s (kept %d days)", path, analytics.retention_days)
    return VisitorLog(controller, writer, analytics.retention_days, wall, mono)
