"""The screens only staff see, for ``kiosk render``: the PIN pad, the operator panel, the touch test, and the
standby screen shown outside opening hours. They are bilingual (or language-free), so they are drawn once per size.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.clock import ManualClock
from kiosk.errors import display_path
from kiosk.qt.app.build import BuiltExhibit
from kiosk.qt.proof.render import Shot
from kiosk.qt.service.opening_hours import OpeningHours
from kiosk.qt.staff.access import OperatorAccess, install_operator_access
from kiosk.service.schedule import WeeklySchedule
from kiosk.service.screen_power import ScreenPower
from kiosk.settings.model import OperatorSettings
from kiosk.staff.content_status import ContentStatus, VisitorSummary
from kiosk.staff.pin_hash import hash_pin

PROOF_TIME = datetime(2026, 11, 29, 20, 0)  # a Sunday evening: the proof's museum opens on Monday at 09:00
PROOF_HOURS = WeeklySchedule({day: ((9 * 60, 17 * 60 + 30),) for day in range(1, 7)} | {0: ((9 * 60, 17 * 60),)})


class _ProofActions:
    """The panel's actions in a proof: the status of the content being rendered; the buttons do nothing."""

    def __init__(self, content_dir: Path | None):
        self._source = display_path(content_dir) if content_dir is not None else "content"

    def exit_exhibit(self) -> None:
        pass

    def reload_content(self) -> None:
        pass

    def content_status(self) -> ContentStatus:
        return ContentStatus(self._source, None, f"{PROOF_TIME:%Y-%m-%d %H:%M}")

    def visitor_summary(self) -> VisitorSummary | None:
        return VisitorSummary(sessions_today=0, sessions_week=0, median_s=None)  # a proof has had no visitors


def _access(exhibit: BuiltExhibit, clock: ManualClock) -> OperatorAccess:
    settings = OperatorSettings(pin_hash=hash_pin("2580", salt=bytes(16)))
    return install_operator_access(
        exhibit.controller, exhibit.stage, settings, _ProofActions(exhibit.controller.content_dir), clock=clock
    )


def _pin_pad(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    exhibit.controller.wake()
    _access(exhibit, clock).open_pad()


def _panel(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    exhibit.controller.wake()
    _access(exhibit, clock).open_panel()


def _touch_test(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    _access(exhibit, clock).open_diagnostics()


def _standby(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    keeper = OpeningHours(
        exhibit.controller,
        exhibit.stage,
        PROOF_HOURS,
        sleep_display=False,
        power=ScreenPower([]),
        now=lambda: PROOF_TIME,
    )
    keeper.start()
    keeper.timer.stop()  # the proof's clock stands still


OPERATOR_SHOTS = [
    Shot("operator-pin", _pin_pad),
    Shot("operator-panel", _panel),
    Shot("operator-touch-test", _touch_test),
    Shot("standby", _standby),
]
