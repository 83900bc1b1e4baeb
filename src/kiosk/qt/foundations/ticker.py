"""One frame clock for every animation: a ~60 Hz timer that runs only while something moves.

Time comes from an injected clock, so tests and ``kiosk render`` can jump to any instant and call :meth:`tick`
themselves instead of waiting.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem

from kiosk.exhibit.motion import clamp01, ease_out_cubic

FRAME_MS = 16
_log = logging.getLogger(__name__)


@dataclass(eq=False)
class Tween:
    """Calls ``apply(eased progress)`` each frame from ``start_s`` for ``duration_s``; ends with exactly 1.0."""

    owner: object
    start_s: float
    duration_s: float
    apply: Callable[[float], None]
    easing: Callable[[float], float] = ease_out_cubic
    on_done: Callable[[], None] | None = None
    finished: bool = field(default=False, init=False)
    waiting: bool = field(default=False, init=False)  # it has applied its start and waits for its start time

    def step(self, now: float) -> bool:
        """Advance to ``now``; False once finished (it has applied 1.0). Before its start time it applies its start
        once and then touches nothing: a page waiting under its transition is not changed (nor drawn) every frame."""
        if now < self.start_s and self.duration_s > 0:
            if not self.waiting:
                self.waiting = True
                self.apply(self.easing(0.0))
            return True
        linear = 1.0 if self.duration_s <= 0 else clamp01((now - self.start_s) / self.duration_s)
        self.apply(self.easing(linear) if linear < 1.0 else 1.0)
        if linear >= 1.0 and not self.finished:
            self.finished = True
            if self.on_done is not None:
                self.on_done()
        return not self.finished


class Ticker(QObject):
    """Drives :class:`Tween` objects (or anything with ``owner`` and ``step(now) -> bool``)."""

    def __init__(self, clock: Callable[[], float], parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._running: list[Tween] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)
        # When (perf_counter) the last frame's tick began: idle work beside it keeps to its frame.
        self.tick_began_s = 0.0

    def now(self) -> float:
        return self._clock()

    @property
    def active(self) -> bool:
        """Something moves (an animation is running or waiting for its start)."""
        return bool(self._running)

    def tween(
        self,
        owner: object,
        duration_s: float,
        apply: Callable[[float], None],
        *,
        delay_s: float = 0.0,
        easing: Callable[[float], float] = ease_out_cubic,
        on_done: Callable[[], None] | None = None,
    ) -> Tween:
        tween = Tween(owner, self.now() + delay_s, duration_s, apply, easing, on_done)
        return self.add(tween)

    def add(self, animation: Tween) -> Tween:
        self._running.append(animation)
        if not self._timer.isActive():
            self._timer.start()
        return animation

    def cancel(self, owner: object) -> None:
        """Forget every animation of ``owner`` (e.g. a page being removed), without finishing them. An item's
        animations include those of the items inside it (a carousel gliding on a page that goes): once the page is
        freed they would move deleted items."""
        self._running = [a for a in self._running if not _belongs_to(a.owner, owner)]
        if not self._running:
            self._timer.stop()

    def delay(self, owner: object, seconds: float) -> None:
        """Start every animation of ``owner`` ``seconds`` later (e.g. a page's entrance, after its transition)."""
        for animation in self._running:
            if animation.owner is owner:
                animation.start_s += seconds

    def since_tick_s(self) -> float:
        """Real time since the last frame's tick began."""
        return time.perf_counter() - self.tick_began_s

    def tick(self) -> None:
        self.tick_began_s = time.perf_counter()
        now = self.now()
        for animation in list(self._running):
            if animation not in self._running:
                continue
            try:
                keep = animation.step(now)
            except RuntimeError as exc:  # its item was deleted under it: drop the animation, keep the rest going
                _log.warning("animation of %s dropped: %s", type(animation.owner).__name__, exc)
                keep = False
            if not keep and animation in self._running:
                self._running.remove(animation)
        if not self._running:
            self._timer.stop()

    def settle(self, advance: Callable[[float], None], max_rounds: int = 20) -> None:
        """Finish everything: ``advance(seconds)`` moves the injected clock; animations started by others run too."""
        for _ in range(max_rounds):
            if not self._running:
                return
            advance(30.0)
            self.tick()


def _belongs_to(candidate: object, owner: object) -> bool:
    """``candidate`` is ``owner``, or a graphics item inside the graphics item ``owner``."""
    if candidate is owner:
        return True
    if not isinstance(owner, QGraphicsItem) or not isinstance(candidate, QGraphicsItem):
        return False
    try:
        return owner.isAncestorOf(candidate)
    except RuntimeError:  # one of them was freed already: nothing of it will be cancelled
        return False
