"""Opening hours for the running exhibit: at closing time it holds the exhibit, covers it with the standby screen
and lets the display sleep; at opening time it starts the attract loop and keeps the display awake.

One named single-shot timer is set to the next change, but never further than ``RECHECK_S`` ahead, so a wall clock
that jumps (NTP, daylight saving, a machine that slept) is noticed within a minute. A visitor touching the standby
screen changes nothing; the touch may have woken the display (X11 does so by itself), so the display is asked to
sleep again ``RESLEEP_S`` later and the opening time is readable meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSizeF

from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.timers import named_timer
from kiosk.qt.service.screensaver import screen_power
from kiosk.qt.service.standby_screen import StandbyScreen
from kiosk.service.schedule import WeeklySchedule
from kiosk.service.screen_power import ScreenPower

_log = logging.getLogger(__name__)
RECHECK_S = 60.0
RESLEEP_S = 30.0
_EPOCH = datetime(2000, 1, 1)


class OpeningHours(QObject):
    """Keeps the exhibit's screen to ``schedule``; :meth:`start` once the exhibit is built."""

    def __init__(
        self,
        controller: ExhibitController,
        stage: Stage,
        schedule: WeeklySchedule,
        sleep_display: bool,
        power: ScreenPower,
        now: Callable[[], datetime],
    ):
        super().__init__(controller)
        self.controller = controller
        self.stage = stage
        self.schedule = schedule
        self.sleep_display = sleep_display
        self.power = power
        self._now = now
        self.standby: StandbyScreen | None = None
        self.timer = named_timer(self, "opening_hours_timer", self.check, single_shot=True)
        self.resleep_timer = named_timer(self, "standby_sleep_timer", self._resleep, single_shot=True)
        stage.logical_size_changed.connect(self._on_resize)

    @property
    def closed(self) -> bool:
        return self.standby is not None

    def start(self) -> None:
        """Into standby at once when started outside opening hours; otherwise keep the display awake."""
        now = self._now()
        if self.schedule.is_open(now):
            self.power.keep_awake()
        else:
            self._close(now)
        self._schedule(now)

    def check(self) -> None:
        """The timer's slot: open or close when the schedule says so, and set the timer again."""
        now = self._now()
        try:
            is_open = self.schedule.is_open(now)
            if is_open and self.standby is not None:
                self._open(now)
            elif not is_open and self.standby is None:
                self._close(now)
            elif self.standby is not None:
                self.standby.set_opening(now, self.schedule.next_change(now))
                self.standby.drift(self._minutes(now))
        finally:
            self._schedule(now)

    def stop(self) -> None:
        """At exit: no more changes, and whatever was taken from the display is given back."""
        self.timer.stop()
        self.resleep_timer.stop()
        self.power.release()

    # Changes --------------------------------------------------------------------------------------------------
    def _close(self, now: datetime) -> None:
        opens = self.schedule.next_change(now)
        _log.info(
            "closing time: the exhibit rests until %s", opens.isoformat(" ", "minutes") if opens else "further notice"
        )
        self.controller.hold()  # nothing moves under the standby screen
        self._show_standby(now, opens)
        if self.sleep_display:
            self.power.sleep()

    def _open(self, now: datetime) -> None:
        _log.info("opening time: the exhibit starts its attract loop")
        self.resleep_timer.stop()
        self._remove_standby()
        self.controller.release()
        self.controller.reset_to_attract()
        self.power.keep_awake()

    def _show_standby(self, now: datetime, opens: datetime | None) -> None:
        self._remove_standby()
        self.standby = StandbyScreen(self.controller.context(), now, opens, on_touch=self._touched)
        self.standby.drift(self._minutes(now))
        self.stage.scene().addItem(self.standby)

    def _remove_standby(self) -> None:
        if self.standby is not None:
            if self.standby.scene() is not None:
                self.standby.scene().removeItem(self.standby)
            self.standby.deleteLater()
            self.standby = None

    def _touched(self) -> None:
        """A visitor at night: nothing changes; the display goes back to sleep a little later."""
        if self.sleep_display and not self.resleep_timer.isActive():
            self.resleep_timer.start(int(RESLEEP_S * 1000))

    def _resleep(self) -> None:
        if self.standby is not None and self.sleep_display:
            self.power.sleep()

    def _on_resize(self, _size: QSizeF) -> None:
        if self.standby is not None:
            now = self._now()
            self._show_standby(now, self.schedule.next_change(now))

    def _schedule(self, now: datetime) -> None:
        change = self.schedule.next_change(now)
        wait_s = RECHECK_S if change is None else min(RECHECK_S, (change - now).total_seconds())
        self.timer.start(max(50, int(wait_s * 1000) + 50))  # a hair after the change, never before it

    @staticmethod
    def _minutes(now: datetime) -> float:
        return (now - _EPOCH).total_seconds() / 60.0


def install_opening_hours(
    controller: ExhibitController,
    stage: Stage,
    schedule: WeeklySchedule,
    now: Callable[[], datetime],
    *,
    sleep_display: bool = True,
    power: ScreenPower | None = None,
) -> OpeningHours:
    """Opening hours for a built exhibit, started; call ``stop()`` on the result at exit.

    ``power`` defaults to this machine's (``xset`` under X11, the D-Bus ScreenSaver where there is one).
    """
    keeper = OpeningHours(controller, stage, schedule, sleep_display, power or screen_power(), now)
    keeper.start()
    return keeper
