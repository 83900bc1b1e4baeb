"""Unattended operation of a built exhibit, wired from the effective settings: kiosk lock-down, operator access,
hot reload of the content folder, the USB bundle watch and opening hours. It is also what the operator panel's
buttons act on (:class:`kiosk.staff.content_status.OperatorActions`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QApplication

from kiosk.analytics.store import FILE_NAME as ANALYTICS_FILE
from kiosk.analytics.store import AnalyticsStore, AnalyticsUnavailable
from kiosk.analytics.summary import visitor_summary
from kiosk.errors import display_path
from kiosk.exit_codes import ExitCode
from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.service.bundle_watch import BundleWatch, install_bundle_watch
from kiosk.qt.service.hot_reload import ContentReloader
from kiosk.qt.service.lockdown import LockDown, install_lockdown
from kiosk.qt.service.opening_hours import OpeningHours, install_opening_hours
from kiosk.qt.service.visitor_log import VisitorLog, install_visitor_log
from kiosk.qt.staff.access import OperatorAccess, install_operator_access
from kiosk.service.bundle.signing import parse_public_key
from kiosk.service.schedule import WeeklySchedule
from kiosk.settings.model import Settings
from kiosk.staff.content_status import ContentStatus, VisitorSummary
from kiosk.staff.pin_lock_file import FILE_NAME as PIN_LOCK_FILE
from kiosk.staff.pin_lock_file import PinLockFile

_log = logging.getLogger(__name__)
MB = 1024 * 1024


def weekly_schedule(settings: Settings) -> WeeklySchedule:
    """The opening hours of the settings (already validated); no ``opening_hours`` section: always open."""
    hours = settings.opening_hours
    if hours is None:
        return WeeklySchedule.always_open()
    return WeeklySchedule.from_texts(hours.day_texts(), hours.closed_dates)


class Operations:
    """Everything that keeps a kiosk running for weeks, for the exhibit ``controller`` drives."""

    def __init__(
        self,
        app: QApplication,
        stage: Stage,
        controller: ExhibitController,
        settings: Settings,
        clock: Callable[[], float],
        *,
        kiosk_mode: bool,
        now: Callable[[], datetime],
    ):
        self.app = app
        self.controller = controller
        self.stage = stage
        self.settings = settings
        self._now = now
        # Visits are recorded from the first screen on (the writer works on its own thread):
        self.visitors: VisitorLog | None = install_visitor_log(controller, settings, now, clock)
        updates = settings.content_updates
        content_dir = settings.exhibit.content_dir
        assert content_dir is not None
        self.lockdown: LockDown | None = install_lockdown(self.stage, clock) if kiosk_mode else None
        self.reloader = ContentReloader(self.controller, content_dir, updates.reload_check_s, now=now)
        self.reloader.start()
        self.bundles: BundleWatch | None = None
        releases_dir = settings.folders.releases_dir
        if updates.watch_dir is not None and releases_dir is not None:
            public_key = None if updates.public_key is None else parse_public_key(updates.public_key)
            self.bundles = install_bundle_watch(
                self.controller,
                updates.watch_dir,
                releases_dir,
                public_key=public_key,
                max_bytes=updates.max_bundle_mb * MB,
                keep=updates.keep_releases,
                interval_s=updates.watch_check_s,
            )
        self.hours: OpeningHours = install_opening_hours(
            self.controller,
            self.stage,
            weekly_schedule(settings),
            now,
            sleep_display=settings.opening_hours.sleep_display if settings.opening_hours else False,
        )
        state_dir = settings.folders.state_dir
        pin_lock = None if state_dir is None else PinLockFile(state_dir / PIN_LOCK_FILE, lambda: now().timestamp())
        self.operator: OperatorAccess = install_operator_access(
            self.controller, self.stage, settings.operator, self, clock, pin_lock
        )
        self.reloader.status_changed.connect(self.operator.refresh_status)

    # What the operator panel asks for -------------------------------------------------------------------------
    def exit_exhibit(self) -> None:
        _log.warning(
            "the operator closed the exhibit (exit status %d: it is not restarted by itself)", ExitCode.OPERATOR_EXIT
        )
        if self.lockdown is not None:
            self.lockdown.release()
        self.app.exit(ExitCode.OPERATOR_EXIT)

    def reload_content(self) -> None:
        _log.info("the operator asked for the content to be loaded again")
        self.reloader.reload(at_once=True)

    def content_status(self) -> ContentStatus:
        reloader = self.reloader
        offered, waiting = self.controller.offered_content, reloader.waiting
        pending = None
        if offered is not None and waiting is not None:
            release = f"release {waiting[0]}, " if waiting[0] else ""
            pending = (
                f"{release}{offered.summary()}, loaded {waiting[1]:%H:%M} — shown at the next return to "
                "Home or the attract loop"
            )
        return ContentStatus(
            source=display_path(reloader.content_dir),
            version=reloader.version,
            loaded_at=f"{reloader.loaded_at:%Y-%m-%d %H:%M}",
            errors=reloader.errors,
            pending=pending,
        )

    def visitor_summary(self) -> VisitorSummary | None:
        state_dir = self.settings.folders.state_dir
        if self.visitors is None or state_dir is None:
            return None
        self.visitors.checkpoint()
        self.visitors.writer.flush(timeout_s=1.0)  # the panel shows the visit that just ended too
        try:
            store = AnalyticsStore.open(state_dir / ANALYTICS_FILE, read_only=True)
        except AnalyticsUnavailable as exc:
            _log.info("operator panel: no visitor summary: %s", exc)
            return None
        try:
            return visitor_summary(store, self._now().date())
        finally:
            store.close()

    def stop(self) -> None:
        """Before quitting (or restarting): no more timers or worker threads, and the window may close."""
        if self.visitors is not None:
            self.visitors.stop()
        if self.lockdown is not None:
            self.lockdown.release()
        self.reloader.timer.stop()
        if self.bundles is not None:
            self.bundles.stop()
        self.hours.stop()
