"""When the exhibit waits for visitors: the idle countdown over a visitor's screen, and the attract loop's clock.

Two named timers: ``idle_timer`` wakes exactly when the idle phase changes (or the countdown's number does);
``attract_timer`` moves the attract loop on while it is on screen. What the phases mean is the pure
:class:`~kiosk.exhibit.idle.IdleTracker`'s; this unit only turns them into timers and the warning overlay.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF
from PySide6.QtWidgets import QGraphicsObject, QGraphicsScene

from kiosk.exhibit.idle import IdleTracker
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.exhibit.screens.idle_overlay import IdleOverlay
from kiosk.qt.foundations.ticker import FRAME_MS
from kiosk.qt.foundations.timers import named_timer
from kiosk.settings.model import ExhibitSettings

ATTRACT_TICK_MS = FRAME_MS  # the attract loop moves: a frame at a time
ATTRACT_STILL_TICK_MS = 250  # with reduced motion only the invitation breathes, slowly


class IdleLoop(QObject):
    """Idle warning and reset for a visitor's screen; the attract loop's progress when nobody is there.

    ``on_expired`` is called when the idle time is up (the controller then goes back to the attract loop),
    ``on_warning`` when the countdown before it appears; ``delete`` takes an item off the scene with its animations.
    """

    def __init__(
        self,
        scene: QGraphicsScene,
        settings: ExhibitSettings,
        clock: Callable[[], float],
        context: Callable[[], PageContext],
        delete: Callable[[QGraphicsObject], None],
        on_expired: Callable[[], None],
        parent: QObject,
        on_warning: Callable[[], None] = lambda: None,
    ):
        super().__init__(parent)
        self._scene = scene
        self._settings = settings
        self._clock = clock
        self._context = context
        self._delete = delete
        self._on_expired = on_expired
        self._on_warning = on_warning
        self.tracker = IdleTracker(settings.idle_timeout_s, settings.idle_warning_s, clock)
        self.tracker.suspend()
        self.overlay: IdleOverlay | None = None
        self.more_time_rect: QRectF | None = None  # where the last warning's "more time" was, in the scene
        self.attract_page: AttractPage | None = None
        self._attract_started = clock()
        self._paused = False
        self.idle_timer = named_timer(self, "idle_timer", self.check, single_shot=True)
        self.attract_timer = named_timer(
            self,
            "attract_timer",
            self.attract_tick,
            single_shot=False,
            interval_ms=ATTRACT_STILL_TICK_MS if settings.reduced_motion else ATTRACT_TICK_MS,
        )

    # The attract loop -------------------------------------------------------------------------------------------
    def enter_attract(self, page: AttractPage) -> None:
        """The attract loop is on screen from now: nobody to time out, its slides run from the start."""
        self.tracker.suspend()
        self.idle_timer.stop()
        self.hide_warning()
        self.attract_page = page
        self._attract_started = self._clock()
        if not self._paused:
            self.attract_timer.start()

    def show_attract_at(self, elapsed_s: float) -> None:
        """The attract loop at ``elapsed_s`` seconds, standing still there (rendering and tests)."""
        self.attract_timer.stop()
        if self.attract_page is not None:
            self._attract_started = self._clock() - elapsed_s
            self.attract_page.update_to(elapsed_s)

    def attract_tick(self) -> None:
        """Move the attract loop to the clock's time (what its timer does)."""
        if self.attract_page is not None and not self._paused:  # a tick already queued when it was paused
            self.attract_page.update_to(self._clock() - self._attract_started)

    # A visitor's screen ---------------------------------------------------------------------------------------
    def enter_visit(self) -> None:
        """A visitor's screen is on: the attract loop stops, the idle time runs."""
        self.attract_page = None
        self.attract_timer.stop()
        if self.tracker.suspended:
            self.tracker.resume()
        self.schedule()

    def touched(self) -> bool:
        """A touch on a visitor's screen: the quiet time starts again. True when it cancelled the warning (the
        touch then does nothing else)."""
        cancelled = self.overlay is not None
        self.more_time_rect = self.overlay.more_time_rect() if self.overlay is not None else None
        self.hide_warning()
        self.tracker.touch()
        self.schedule()
        return cancelled

    def schedule(self) -> None:
        """Set ``idle_timer`` for the next change of phase or countdown number (none while paused)."""
        due = self.tracker.next_change_in()
        if due is None or self._paused:
            self.idle_timer.stop()
            return
        countdown = self.tracker.next_countdown_change_in() if self.tracker.phase() == "warning" else None
        wait = min(x for x in (due, countdown) if x is not None)
        self.idle_timer.start(max(1, int(wait * 1000) + 1))

    def set_timeout_s(self, timeout_s: float) -> None:
        """A visitor's idle time from now on (longer while an accessibility choice is on)."""
        if timeout_s != self.tracker.timeout_s:
            self.tracker.set_timeout_s(timeout_s)
            if self.overlay is not None and self.tracker.phase() != "warning":
                self.hide_warning()
            self.schedule()

    def check(self) -> None:
        """``idle_timer``'s slot: show, count or hide the warning, or hand over when the time is up."""
        if self._paused:
            return
        phase = self.tracker.phase()
        if phase == "expired":
            self.hide_warning()
            self._on_expired()
            return
        if phase == "warning":
            if self.overlay is None:
                self.overlay = IdleOverlay(self._context(), int(round(self._settings.idle_warning_s)))
                self._scene.addItem(self.overlay)
                self._on_warning()
            self.overlay.set_seconds(self.tracker.warning_countdown())
        else:
            self.hide_warning()
        self.schedule()

    @property
    def warning_shown(self) -> bool:
        """The countdown before the attract loop is on screen."""
        return self.overlay is not None

    def hide_warning(self) -> None:
        if self.overlay is not None:
            overlay, self.overlay = self.overlay, None
            self._delete(overlay)

    # Held by something over the exhibit -----------------------------------------------------------------------
    def pause(self) -> None:
        """Nothing times out and the attract loop stands still (an operator screen or standby is on top)."""
        self._paused = True
        self.idle_timer.stop()
        self.attract_timer.stop()
        self.hide_warning()

    def resume(self) -> None:
        """Let go again: a visitor's quiet time starts from now; the attract loop moves on."""
        self._paused = False
        if self.attract_page is not None:
            self.attract_timer.start()
        else:
            self.tracker.touch()
            self.schedule()

    def stop(self) -> None:
        """No timer runs any more (before the exhibit is taken down, or while pictures are taken)."""
        self.idle_timer.stop()
        self.attract_timer.stop()
