"""Screens built before the tap: in idle time, the pages and story sheets a visitor is likely to open next.

After a screen has settled, :class:`Prebuilder` builds the likely next screens (Home from the attract loop, the
pillars from Home, a pillar's first stories…, and the attract loop while the countdown before it runs) one after
another, in slices of at most ``SLICE_S`` run by a zero timer: a slice stops at the first item made after its time
is up (:class:`~kiosk.qt.foundations.item.SlicedBuild`), so the event loop gets its turn every few milliseconds and
a touch is handled at once. A touch holds the slicing until the exhibit is quiet again; a running transition stops
it too. While a page's own motion runs (its count-ups, a carousel's glide) the building goes on beside it, one slice
a frame at most, in what is left of the frame's budget (``beside_motion()``); the slow pictures and the tidying
up wait until nothing moves.

At the tap, the switcher takes a prebuilt screen when it was built for the very same context (the same content
object, the same look and language, the same accessibility choices and actions); a build still under way for it is
finished then. Anything built for another context (new content after a hot reload, another language, large text)
is never used, and is dropped at the next plan.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from kiosk.exhibit.navigation import Screen
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import SlicedBuild, descendants
from kiosk.qt.foundations.timers import named_timer
from kiosk.qt.painting.device_picture import DevicePicture, Run

SLICE_S = 0.004  # one slice of idle work: well inside a 60 Hz frame
MIN_ROOM_S = 0.001  # beside motion, a slice runs only when its frame has at least this much of its budget left
NEXT_LOOK_MS = 3  # beside motion, how soon to look again for room (a frame is 16 ms)
QUIET_MS = 300  # after a touch or a screen change, how long nothing must happen before building ahead
MAX_KEPT = 8  # prebuilt screens kept at most (the likely next ones of the screen shown)
PICTURED_AHEAD = 1  # of those, the likeliest, whose slow pictures are drawn ahead too (memory: 14 MB a sheet at 4K)
_log = logging.getLogger(__name__)
_DONE = object()
# Compared by value; every other field of the context by identity (content, fonts, icons, clock, actions, art).
_BY_VALUE = frozenset(
    {
        "look",
        "reduced_motion",
        "content_dir",
        "control_row_y",
        "control_rows",
        "reach_line",
        "open_accessibility",
        "speak_screen",
        "page_height",
    }
)


def same_context(a: PageContext, b: PageContext) -> bool:
    """A screen built for ``a`` is what one built for ``b`` would be."""
    for field in fields(PageContext):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if x is not y and not (field.name in _BY_VALUE and x == y):
            return False
    return True


@dataclass
class _Entry:
    screen: Screen
    ctx: PageContext
    build: SlicedBuild[QGraphicsObject]


class Prebuilder(QObject):
    """Builds ``likely()``'s screens ahead with ``make(screen, ctx)`` while ``may_work()`` says the exhibit is
    quiet; :meth:`take` hands one over. ``free`` disposes of a built screen that is not used."""

    def __init__(
        self,
        make: Callable[[Screen, PageContext], QGraphicsObject],
        context: Callable[[], PageContext],
        likely: Callable[[], tuple[Screen, ...]],
        may_work: Callable[[], bool],
        free: Callable[[QGraphicsObject], None],
        parent: QObject,
        tidy: Callable[[], object] = lambda: None,
        picture: Callable[[list[QGraphicsObject]], Iterator[None]] | None = None,
        beside_motion: Callable[[], float | None] = lambda: None,
    ):
        super().__init__(parent)
        self._make = make
        self._context = context
        self._likely = likely
        self._may_work = may_work
        self._free = free
        self._tidy = tidy
        # When ``may_work()`` says no: how long a slice may build beside the motion now (None: not at all, e.g. a
        # transition runs; under MIN_ROOM_S: not in this frame).
        self._beside_motion = beside_motion
        # Once everything is built: the slow pictures (story scenes) of the screen shown and of the likeliest screens
        # built ahead are drawn at the screen's pixels, one a slice (``picture(roots)`` yields after each).
        self._picture = picture
        self._pictures: Iterator[None] | None = None
        self._pictured = False  # the pictures are drawn (until the next touch or screen change)
        self._untidy = False  # something was freed since the last tidy-up
        self._entries: list[_Entry] = []
        self.enabled = True
        self.slices_ms: deque[float] = deque(maxlen=2000)  # how long each slice took (kiosk bench prints them)
        self.taken = 0  # screens handed over prebuilt (tests, kiosk bench)
        self._quiet = named_timer(self, "prebuild_quiet", self._plan, single_shot=True, interval_ms=QUIET_MS)
        self._slice_timer = named_timer(self, "prebuild_slice", self._slice, single_shot=True, interval_ms=0)

    # What the exhibit tells it ------------------------------------------------------------------------------------
    def settle_later(self) -> None:
        """Something happened (a touch, a screen change): stop building and plan again once it has been quiet for
        ``QUIET_MS`` (then, with the likely screens built, memory freed meanwhile is tidied up: ``tidy()``)."""
        self._untidy = True
        self._pictures, self._pictured = None, False
        self._slice_timer.stop()
        if self.enabled:
            self._quiet.start()

    def stop(self) -> None:
        """No more idle work (taken down, or a clock moved by hand); what is built is dropped."""
        self._quiet.stop()
        self._slice_timer.stop()
        self.drop()

    def drop(self) -> None:
        """Forget every prebuilt screen (new content, a reset)."""
        for entry in self._entries:
            self._dispose(entry)
        self._entries = []

    @property
    def pending(self) -> bool:
        """Some likely screen is planned and not built yet."""
        return any(not entry.build.done for entry in self._entries)

    @property
    def working(self) -> bool:
        """A timer will go on building (or plan again)."""
        return self._quiet.isActive() or self._slice_timer.isActive()

    def built(self) -> list[Screen]:
        return [entry.screen for entry in self._entries if entry.build.done and entry.build.result is not None]

    # The tap ----------------------------------------------------------------------------------------------------
    def take(self, screen: Screen, ctx: PageContext) -> QGraphicsObject | None:
        """The screen built ahead for ``screen`` in ``ctx`` (finished now if it was under way), or None."""
        for entry in self._entries:
            if entry.screen == screen and same_context(entry.ctx, ctx):
                self._entries.remove(entry)
                try:
                    entry.build.run()
                except Exception as exc:  # built again at the tap, where its error is handled
                    _log.info("building %s ahead failed (%s): it is built at the tap", screen, exc)
                    return None
                self.taken += 1
                return entry.build.result
        return None

    # Idle work --------------------------------------------------------------------------------------------------
    def _plan(self) -> None:
        """Keep what is built for the likely next screens in the current context; plan the rest."""
        if not self.enabled:
            return
        ctx = self._context()
        wanted = list(self._likely())[:MAX_KEPT]
        kept: list[_Entry] = []
        for entry in self._entries:
            if entry.screen in wanted and same_context(entry.ctx, ctx):
                kept.append(entry)
            else:
                self._dispose(entry)
        have = {entry.screen for entry in kept}
        for screen in wanted:
            if screen not in have:
                kept.append(_Entry(screen, ctx, SlicedBuild(partial(self._make, screen, ctx))))
        order: list[Screen] = list(wanted)
        kept.sort(key=lambda entry: order.index(entry.screen))
        self._entries = kept
        self._slice_timer.start(0)  # the next slice builds, or tidies up once everything is built

    def _slice(self) -> None:
        if not self.enabled:
            return
        entry = next((e for e in self._entries if not e.build.done), None)
        budget_s = SLICE_S
        if not self._may_work():
            room = self._beside_motion()
            if room is None or entry is None:  # pictures and tidying wait until nothing moves
                self._quiet.start()
                return
            if room < MIN_ROOM_S:
                self._slice_timer.start(NEXT_LOOK_MS)
                return
            budget_s = min(SLICE_S, room)
        began = time.perf_counter()
        if entry is None:  # all built: a slice gives back what the screens that went left behind, then pictures
            if self._untidy:
                self._untidy = False
                self._tidy()
            elif not self._pictured:
                if self._pictures is None:
                    ahead = [e.build.result for e in self._entries[:PICTURED_AHEAD] if e.build.result is not None]
                    self._pictures = self._picture(ahead) if self._picture is not None else iter(())
                if next(self._pictures, _DONE) is _DONE:
                    self._pictured, self._pictures = True, None
                    return
            else:
                return
            self.slices_ms.append((time.perf_counter() - began) * 1000)
            self._slice_timer.start(0)
            return
        try:
            entry.build.run(budget_s)
        except Exception as exc:  # built again at the tap, where its error is handled
            _log.info("building %s ahead failed (%s): it is built at the tap", entry.screen, exc)
            self._entries.remove(entry)
        self.slices_ms.append((time.perf_counter() - began) * 1000)
        self._slice_timer.start(0)

    def _dispose(self, entry: _Entry) -> None:
        if entry.build.done:
            if entry.build.result is not None:
                self._free(entry.build.result)
        else:
            entry.build.cancel()


def prepare_pictures(roots: Iterable[QGraphicsItem], scale: float, run: Run | None = None) -> Iterator[None]:
    """Draw ahead, at ``scale``, the pictures of every item in ``roots`` (an item's ``picture`` attribute), one per
    step: a step is one picture drawn, or with ``run`` (a worker thread) one picture handed to it to draw."""
    for root in roots:
        for item in [root, *descendants(root)]:
            picture = getattr(item, "picture", None)
            if not isinstance(picture, DevicePicture):
                continue
            if picture.prepare(scale) if run is None else picture.prepare_elsewhere(scale, run):
                yield
