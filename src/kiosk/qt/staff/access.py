"""Operator access: the four-corner gesture opens the PIN pad, the right PIN the operator panel, and from there the
touch diagnostics. While any of them is open the exhibit beneath is held (it neither wakes nor starts over), and
each closes itself after ``panel_timeout_s`` untouched.

Wire it once the controller exists (kiosk and windowed runs alike)::

    access = install_operator_access(controller, stage, settings, actions, clock)

``actions`` implements :class:`kiosk.staff.content_status.OperatorActions`; ``settings`` is the settings file's
``operator`` section. Exit goes through ``actions.exit_exhibit()``, which also lets the lock-down go.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QObject, QPointF, QSizeF

from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.timers import named_timer
from kiosk.qt.input.corner_filter import PressWatcher
from kiosk.qt.staff.overlay import NoPinNotice, OperatorOverlay
from kiosk.qt.staff.panel import OperatorPanel
from kiosk.qt.staff.pin_pad import PinPad
from kiosk.qt.staff.touch_test import TouchDiagnostics
from kiosk.qt.staff.words import both
from kiosk.settings.model import OperatorSettings
from kiosk.staff.content_status import ContentStatus, OperatorActions, VisitorSummary
from kiosk.staff.corners import CornerSequence
from kiosk.staff.pin_entry import PinGuard
from kiosk.staff.pin_lock_file import PinLockFile

_log = logging.getLogger(__name__)

Showing = Literal["nothing", "pad", "no-pin", "panel", "diagnostics"]


class OperatorAccess(QObject):
    """Owns the corner watcher, the PIN guard, and whichever operator screen is open (one at a time)."""

    def __init__(
        self,
        controller: ExhibitController,
        stage: Stage,
        settings: OperatorSettings,
        actions: OperatorActions,
        clock: Callable[[], float],
        pin_lock: PinLockFile | None = None,
    ):
        super().__init__(stage)
        self.settings = settings
        self.controller = controller
        self.stage = stage
        self.actions = actions
        self.clock = clock
        self.corners = CornerSequence(self.settings.corner_gesture_s, clock)
        self.guard = PinGuard(
            self.settings.pin_hash,
            self.settings.pin_attempts,
            self.settings.pin_lockout_s,
            clock,
            lockout_max_s=self.settings.pin_lockout_max_s,
            saved=pin_lock,
        )
        self.showing: Showing = "nothing"
        self.overlay: OperatorOverlay | None = None
        self._touched_at = clock()
        self._holding = False
        self.timeout_timer = named_timer(self, "operator_timeout_timer", self.check_timeout, single_shot=True)
        self.tick_timer = named_timer(self, "operator_tick_timer", self.tick, single_shot=False, interval_ms=1000)
        self.watcher = PressWatcher(stage.viewport(), stage.to_logical, clock)
        self.watcher.pressed.connect(self.on_press)
        stage.logical_size_changed.connect(self._on_resize)

    # Input ---------------------------------------------------------------------------------------------------
    def on_press(self, point: QPointF) -> None:
        """Every press on the stage: keeps an open screen open, or counts towards the corner gesture."""
        if self.showing != "nothing":
            self.touched()
            return
        size = self.stage.logical_size()
        if self.corners.press(point.x(), point.y(), size.width(), size.height()):
            self.open_pad()

    def touched(self) -> None:
        """The operator is there: the untouched time starts again."""
        self._touched_at = self.clock()
        if self.showing != "nothing":
            self.timeout_timer.start(self._ms(self.settings.panel_timeout_s))

    def check_timeout(self) -> None:
        """Close everything once ``panel_timeout_s`` have passed untouched (the timeout timer's slot)."""
        if self.showing == "nothing":
            return
        left = self.settings.panel_timeout_s - (self.clock() - self._touched_at)
        if left > 0:
            self.timeout_timer.start(self._ms(left))
            return
        _log.info("operator %s closed after %g s untouched", self.showing, self.settings.panel_timeout_s)
        self.close()

    def tick(self) -> None:
        """Once a second while the PIN pad is open: the lock's countdown."""
        if isinstance(self.overlay, PinPad):
            self.overlay.refresh()

    @staticmethod
    def _ms(seconds: float) -> int:
        return max(1, math.ceil(seconds * 1000))

    # Screens -------------------------------------------------------------------------------------------------
    def open_pad(self) -> None:
        """The corner gesture's result: the PIN pad, or a notice when no PIN is set."""
        if not self.guard.configured:
            _log.warning("no operator PIN set: run 'kiosk set-pin'")
            self._show("no-pin", NoPinNotice(self._context(), self.close))
            return
        _log.info("operator PIN pad opened")
        self._show("pad", PinPad(self._context(), self.guard, self.open_panel, self.close))
        self.tick_timer.start()

    def open_panel(self) -> None:
        _log.info("operator panel opened")
        self._show("panel", self._panel())

    def open_diagnostics(self) -> None:
        _log.info("touch diagnostics opened")
        viewport = self.stage.viewport()
        self._show(
            "diagnostics",
            TouchDiagnostics(self._context(), viewport, self.stage.to_logical, self.open_panel, self.touched),
        )

    def close(self) -> None:
        """Back to the exhibit: whatever operator screen is open goes, and the exhibit is let go."""
        if self.showing != "nothing":
            _log.info("operator %s closed", self.showing)
        self._take_down()
        self.showing = "nothing"
        self.timeout_timer.stop()
        self.tick_timer.stop()
        self.corners.reset()
        if self._holding:
            self._holding = False
            self.controller.release()

    def _show(self, showing: Showing, overlay: OperatorOverlay) -> None:
        self._take_down()
        self.tick_timer.stop()
        if not self._holding:
            self._holding = True
            self.controller.hold()
        self.showing = showing
        self.overlay = overlay
        self.stage.scene().addItem(overlay)
        self.touched()

    def _take_down(self) -> None:
        overlay, self.overlay = self.overlay, None
        if overlay is None:
            return
        if isinstance(overlay, TouchDiagnostics):
            overlay.dispose()
        if overlay.scene() is not None:
            overlay.scene().removeItem(overlay)
        overlay.deleteLater()

    def _on_resize(self, _size: QSizeF) -> None:
        """A new screen shape: the open screen again, laid out for it."""
        reopen = {
            "pad": self.open_pad,
            "no-pin": self.open_pad,
            "panel": self.open_panel,
            "diagnostics": self.open_diagnostics,
        }.get(self.showing)
        if reopen is not None:
            reopen()

    def _context(self) -> PageContext:
        """The exhibit's context with Latin-friendly type: operator screens show both languages."""
        ctx = self.controller.context()
        return dataclasses.replace(ctx, look=dataclasses.replace(ctx.look, language="en"), reduced_motion=True)

    # The panel and its actions -----------------------------------------------------------------------------------
    def _panel(self) -> OperatorPanel:
        return OperatorPanel(
            self._context(),
            self._status(),
            on_return=self.close,
            on_reload=self.reload,
            on_touch_test=self.open_diagnostics,
            on_exit=self.exit,
            timeout_s=self.settings.panel_timeout_s,
            visitors=self._visitors(),
        )

    def _visitors(self) -> VisitorSummary | None:
        try:
            return self.actions.visitor_summary()
        except Exception:  # the panel still opens: the summary is a convenience, the log has why it failed
            _log.exception("operator panel: the visitor summary could not be read")
            return None

    def _status(self) -> ContentStatus:
        try:
            return self.actions.content_status()
        except Exception as exc:  # the panel still opens: it is how the operator finds out what is wrong
            _log.exception("operator panel: the content status could not be read")
            return ContentStatus("?", None, "?", (f"{both('status_unavailable')}: {exc}",))

    def reload(self) -> None:
        _log.info("operator panel: reload content")
        try:
            self.actions.reload_content()
        except Exception:
            _log.exception("operator panel: reloading the content failed; the content on screen stays")
        self.refresh_status()

    def refresh_status(self) -> None:
        """The content status changed (a reload, a bundle from the stick): an open panel shows it now."""
        if isinstance(self.overlay, OperatorPanel):
            self.overlay.set_status(self._status())

    def exit(self) -> None:
        _log.warning("operator panel: exit exhibit")
        try:
            self.actions.exit_exhibit()
        except Exception:
            _log.exception("operator panel: exiting failed")


def install_operator_access(
    controller: ExhibitController,
    stage: Stage,
    settings: OperatorSettings,
    actions: OperatorActions,
    clock: Callable[[], float],
    pin_lock: PinLockFile | None = None,
) -> OperatorAccess:
    """Operator access on ``stage`` (after the controller is built: its press watcher must see events first);
    ``pin_lock`` keeps the PIN pad's lock across restarts."""
    return OperatorAccess(controller, stage, settings, actions, clock, pin_lock)
