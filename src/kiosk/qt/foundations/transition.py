"""Page transitions drawn from two pictures of the screen, by the stage itself, not by the scene.

Fading a live page means drawing every one of its items with opacity, every frame: at 4K that is 40–55 ms a
frame. Instead the screen as it was is taken from what is already on it (the window's own pixels; drawn again only
where those cannot be read), and the new page is pictured as it will first look. While the transition runs the
stage draws only those two pictures, at whole device pixels (a plain blit with a constant alpha, ~3 ms a picture at
4K), and never the scene: the live page waits underneath, already touchable, and is not drawn at all.

The tap's own work is only taking the old picture and building the page; the new picture is drawn in bands, a few
milliseconds in each frame, while the old picture leaves — the first frame of motion is on screen at once. If the
new picture is not complete by the time it should arrive, the transition holds there (the old picture has left, the
ground shows) rather than drop a frame. When it ends, the screen already shows the new page exactly as the live
scene would draw it, so the stage hands over without drawing it all again: only what changes from then on is drawn.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem

from kiosk.exhibit.motion import ease_out_cubic, linear
from kiosk.qt.foundations.ticker import FRAME_MS, Ticker

RISE = 28.0  # logical px the new page travels up as it arrives
LEAVE_UNTIL = 0.45  # share of the transition in which the old picture fades out
ARRIVE_FROM = 0.3  # share of the transition after which the new picture fades in
SHEET_DIM = 0.5  # a sheet opening over its page: how far the page beneath dims before the sheet rises over it
WORK_BUDGET_S = 0.004  # drawing the new picture may take this long in one frame (at least one band a frame)
BANDS = 32  # the new picture is drawn in this many horizontal bands
# The two pictures' buffers are first written in idle time, this many bytes a step: a first write costs a page fault
# every 4 KB, and on these virtual machines 4 MB of them took 2–22 ms, a frame of the attract loop that runs meanwhile.
PREPARE_STEP_BYTES = 512 * 1024


class Screen(Protocol):
    """What a transition is drawn on (the stage): the viewport's size, its pixels, and who draws it."""

    def device_size(self) -> QSize: ...
    def logical_to_device(self) -> QTransform: ...
    def ground(self) -> QColor: ...
    def render_band(self, image: QImage, band: QRect) -> None: ...
    def set_cover(self, cover: Cover | None, *, shows_scene: bool = True) -> None: ...
    def repaint_cover(self, now: bool = False) -> None: ...


class Cover(Protocol):
    """Draws the whole viewport instead of the scene (a running transition); ``work`` comes first in each paint."""

    def work(self) -> None: ...
    def paint(self, painter: QPainter) -> None: ...


class PictureBuffers:
    """Two screen-sized images reused by every transition: no 33 MB allocation in a tap at 4K, and memory that stays
    flat however many screens are changed. Both are kept, and each is written once in idle time before it is first
    needed (:meth:`prepare`): memory the process has not touched yet costs a page fault at its first write, and on a
    virtual machine 33 MB of those took 20–150 ms in the first tap at 4K; a new picture drawn into fresh memory at
    every transition (the buffer given back while idle) spent about 40 % more time in its bands than into memory
    already touched."""

    def __init__(self) -> None:
        self._old: QImage | None = None
        self._new: QImage | None = None
        self._prepared: QSize | None = None  # the size both were last written at in idle time

    def pair(self, size: QSize) -> tuple[QImage, QImage]:
        if self._old is None or self._old.size() != size:
            self._old = QImage(size, QImage.Format.Format_RGB32)
            self._prepared = None
        if self._new is None or self._new.size() != size:
            self._new = QImage(size, QImage.Format.Format_RGB32)
            self._prepared = None
        return self._old, self._new

    def held(self) -> int:
        """How many of the two are held now."""
        return (self._old is not None) + (self._new is not None)

    @property
    def prepared(self) -> bool:
        return self._prepared is not None

    def prepare(self, size: QSize) -> Iterator[None]:
        """Make both at ``size`` (if they are not yet) and write every page of them once, ``PREPARE_STEP_BYTES`` a
        step (at 4K 34 rows: a millisecond or two); nothing to do when that was done at this size."""
        if self._prepared == size:
            return
        for image in self.pair(size):
            rows = max(1, PREPARE_STEP_BYTES // max(1, image.bytesPerLine()))
            for top in range(0, size.height(), rows):
                painter = QPainter(image)
                painter.fillRect(QRect(0, top, size.width(), min(rows, size.height() - top)), QColor(0, 0, 0))
                painter.end()
                yield
        self._prepared = QSize(size)

    def release(self) -> None:
        """Free both (the screen changed size)."""
        self._old = self._new = None
        self._prepared = None


def copy_into(target: QImage, source: QImage, origin: QPoint, area: QRect) -> None:
    """``area`` of ``target`` becomes the pixels of ``source`` from ``origin`` on (a plain copy, no scaling)."""
    painter = QPainter(target)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawImage(area.topLeft(), source, QRect(origin, area.size()))
    painter.end()


class Transition:
    """One running transition between ``before`` (the screen as it was) and the live items ``live`` (already in the
    scene and entered); :meth:`finish` ends it at once (a new one is about to start).

    Between pages the old picture fades out before the new one rises in (through the ground colour); with
    ``crossfade`` (a sheet opening over its page) the old picture only dims and the new one rises in over it.
    ``after`` is the buffer the new picture is drawn into.
    """

    def __init__(
        self,
        screen: Screen,
        ticker: Ticker,
        before: QImage,
        after: QImage,
        live: Sequence[QGraphicsItem],
        duration_s: float,
        on_done: Callable[[], None] | None = None,
        crossfade: bool = False,
    ):
        self.owner = self
        self._screen = screen
        self._ticker = ticker
        self._before = before
        self._after = after
        self._live = list(live)
        self._duration_s = max(1e-3, duration_s)
        self._on_done = on_done
        self._crossfade = crossfade
        self._dimmed = False  # the old picture is the dimmed page (a sheet's, once dimmed as far as it goes)
        self._ground = screen.ground()
        transform = screen.logical_to_device()
        self._rise = transform.map(QPointF(0, RISE)) - transform.map(QPointF(0, 0))
        self._work: Iterator[None] | None = self._draw_after()
        self.held_s = 0.0
        # The first frame already shows motion: the transition starts one frame before the tap's paint.
        self._start_s = ticker.now() - FRAME_MS / 1000
        self._progress = 0.0
        self._shown_at = self._start_s
        self.running = True
        self._tap_frame = True  # the tap's own frame is painted before any work on the new picture
        screen.set_cover(self)
        ticker.add(self)  # type: ignore[arg-type]  # anything with owner and step(now) -> bool
        self._apply(ticker.now())
        screen.repaint_cover(now=True)
        self._tap_frame = False

    def join(self, live: Sequence[QGraphicsItem], delay: bool = True) -> None:
        """The live items built after the first frame: with ``delay`` their own animations (already started)
        wait until the pictures are gone, and every hold delays them too."""
        self._live.extend(live)
        if delay:
            until_end = max(0.0, self._start_s + self._duration_s - self._ticker.now())
            for item in live:
                self._ticker.delay(item, until_end)

    @property
    def ready(self) -> bool:
        """The new picture is complete."""
        return self._work is None

    def _draw_after(self) -> Iterator[None]:
        size = self._after.size()
        for i in range(BANDS):
            top, bottom = size.height() * i // BANDS, size.height() * (i + 1) // BANDS
            self._screen.render_band(self._after, QRect(0, top, size.width(), bottom - top))
            yield

    def work(self, budget_s: float = WORK_BUDGET_S) -> None:
        """Draw bands of the new picture for about ``budget_s`` (at least one band); the stage calls it at the start
        of each paint, so the bands are drawn by the view itself."""
        if self._work is None or self._tap_frame:
            return
        deadline = time.perf_counter() + budget_s
        while True:
            try:
                next(self._work)
            except StopIteration:
                self._work = None
                return
            if time.perf_counter() >= deadline:
                return

    def complete(self) -> None:
        """Draw the rest of the new picture now (the clock was moved by hand, or it is needed at once)."""
        while self._work is not None:
            self.work(budget_s=3600.0)

    def step(self, now: float) -> bool:
        if not self.running:
            return False
        self._apply(now)
        # The last frame is painted before the hand-over (then the screen shows the new picture); the others join
        # whatever else is to be painted in this turn of the event loop.
        self._screen.repaint_cover(now=self._progress >= 1.0)
        if self._progress >= 1.0:
            self.finish()
            return False
        return True

    def _apply(self, now: float) -> None:
        progress = (now - self._start_s) / self._duration_s
        if progress > ARRIVE_FROM and not self.ready:
            if now - self._shown_at > 1.0:  # a clock moved by hand (settle, render): no frames to keep smooth
                self.complete()
            else:  # hold where the new picture should arrive until it is drawn; the live page waits as long
                held = (progress - ARRIVE_FROM) * self._duration_s
                self._start_s += held
                self.held_s += held
                for item in self._live:
                    self._ticker.delay(item, held)
                progress = ARRIVE_FROM
        self._shown_at = now
        self._progress = min(1.0, max(0.0, progress))

    def _opacities(self) -> tuple[float, float]:
        p = self._progress
        if self._crossfade:
            old = 1.0 - SHEET_DIM * min(1.0, p / ARRIVE_FROM)
        else:
            old = max(0.0, 1.0 - p / LEAVE_UNTIL)
        arriving = min(1.0, max(0.0, (p - ARRIVE_FROM) / (1.0 - ARRIVE_FROM)))
        return old, ease_out_cubic(arriving)

    def paint(self, painter: QPainter) -> None:
        """One frame: the ground, the old picture leaving, the new one rising in — at whole device pixels."""
        old, new = self._opacities()
        if self._crossfade and old <= 1.0 - SHEET_DIM and not self._dimmed:
            self._dim_before()
        if self._dimmed:  # the page under the sheet as it stays, dimmed over the ground: one copy a frame
            if new < 1.0 or not self.ready:
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
                painter.drawImage(QPoint(0, 0), self._before)
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        elif old < 1.0 and not (self.ready and new >= 1.0):
            painter.fillRect(QRect(QPoint(0, 0), self._before.size()), self._ground)
        if old > 0.0 and new < 1.0 and not self._dimmed:
            painter.setOpacity(old)
            painter.drawImage(QPoint(0, 0), self._before)
        if new > 0.0 and self.ready:
            lift = 1.0 - new
            painter.setOpacity(new)
            painter.drawImage(QPoint(round(self._rise.x() * lift), round(self._rise.y() * lift)), self._after)
        painter.setOpacity(1.0)

    def _dim_before(self) -> None:
        """A sheet's page has dimmed as far as it goes: the old picture becomes what it then shows (the ground over it
        at ``SHEET_DIM``), so each frame after this copies it instead of filling the ground and blending it."""
        painter = QPainter(self._before)
        painter.setOpacity(SHEET_DIM)
        painter.fillRect(QRect(QPoint(0, 0), self._before.size()), self._ground)
        painter.end()
        self._dimmed = True

    def finish(self) -> None:
        if not self.running:
            return
        self.running = False
        self._ticker.cancel(self)
        self.complete()
        # Ended on its last frame, the screen shows the new picture, which is what the live scene draws now: hand
        # over without drawing it again. Ended early (a new screen, a reset), the scene is drawn again.
        self._screen.set_cover(None, shows_scene=self._progress >= 1.0)
        self._progress = 1.0
        # The pictures are the buffers' (given back when the exhibit is idle): a finished transition — kept alive by
        # its own reference cycle until the garbage collector comes — must not keep them.
        self._before = self._after = QImage()
        if self._on_done is not None:
            self._on_done()


def render_view_band(view_render: Callable[[QPainter, QRectF, QRect], None], image: QImage, band: QRect) -> None:
    """Draw the view's ``band`` (viewport pixels) into the same place of ``image``."""
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    painter.setClipRect(band)
    view_render(painter, QRectF(band), band)
    painter.end()


__all__ = ["Cover", "PictureBuffers", "Screen", "Transition", "copy_into", "linear", "render_view_band"]
