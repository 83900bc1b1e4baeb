"""One benchmark process: the exhibit at one size, driven through every kind of screen change on a hand-driven
clock, each frame timed from the start of its work to the end of its paint (with the flush to the X server when the
window is a real one).

- ``tap → frame``: from the visitor's action (the tap's handler) to the end of the paint of the first frame of motion;
- ``press → paint``: from a press event on a button to the end of the paint that shows it pressed;
- ``frames``: every frame while a transition, a count-up, a carousel glide or an attract slide change moves.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QGraphicsItem

from kiosk.clock import ManualClock
from kiosk.content.model import Content
from kiosk.qt.app.build import BuiltExhibit
from kiosk.qt.bench.figures import Figures
from kiosk.qt.exhibit.screen_switcher import ScreenSwitcher
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.carousel import Carousel

FRAME_S = 1 / 60
MAX_FRAMES = 300  # a step's motion is followed for at most this many frames (Home's staggered count-ups: 3.5 s)
IDLE_S = 3.0  # after a step's motion, the visitor looks this long at most before the next tap


def idle_work(switcher: ScreenSwitcher, limit_s: float = IDLE_S) -> list[float]:
    """Run the event loop (on real time) until the idle work is done — the likely next screens built, the memory
    tidied, the pictures drawn in their thread — or ``limit_s`` has passed; how long each of its slices took (ms)."""
    prebuild = switcher.prebuild
    prebuild.slices_ms.clear()
    end = time.perf_counter() + limit_s
    while time.perf_counter() < end and (prebuild.pending or prebuild.working):
        QCoreApplication.processEvents()
        time.sleep(0.001)
    switcher.wait_for_pictures(max(0.0, end - time.perf_counter()))
    return list(prebuild.slices_ms)


class Walk:
    """Drives ``exhibit`` (shown, on ``clock``) and collects its figures; ``flush`` waits for the window system."""

    def __init__(self, exhibit: BuiltExhibit, content: Content, clock: ManualClock, real_window: bool) -> None:
        self.exhibit = exhibit
        self.content = content
        self.clock = clock
        self.real_window = real_window
        self.figures = Figures()
        exhibit.controller.idle_loop.attract_timer.stop()

    # One frame ----------------------------------------------------------------------------------------------------
    def flush(self) -> None:
        """Deliver everything pending: the paints, and with a real window the X server has them."""
        if self.real_window:
            QGuiApplication.sync()
        else:
            QCoreApplication.processEvents()

    def frame(self) -> float:
        """Move the clock one frame, tick and paint; its time in ms."""
        self.clock.advance(FRAME_S)
        start = time.perf_counter()
        self.exhibit.controller.context().ticker.tick()
        if self.exhibit.controller.idle_loop.attract_page is not None:
            self.exhibit.controller.check_attract()
        self.flush()
        return (time.perf_counter() - start) * 1000

    def moving(self) -> bool:
        ticker = self.exhibit.controller.context().ticker  # the attract loop's breathing never ends: not waited for
        return ticker.active and (self.exhibit.stage.covered or self.exhibit.controller.idle_loop.attract_page is None)

    def follow(self, step: str, limit: int = MAX_FRAMES) -> None:
        """Frames until nothing moves (the attract loop's breathing is not waited for)."""
        for _ in range(limit):
            if not self.moving():
                return
            what = "frames in" if self.exhibit.stage.covered else "frames after"
            self.figures.add(step, what, self.frame())

    # A tap ---------------------------------------------------------------------------------------------------------
    def tap(self, step: str, action: Callable[[], object]) -> None:
        stage = self.exhibit.stage
        painted, repainted = stage.frames_painted, stage.repaints_now
        start = time.perf_counter()
        action()
        # The tap paints its first frame itself and flushes it to the window system, then goes on (the page's
        # build, when it was not built ahead): that frame is what the visitor sees first.
        first = stage.last_repaint_end_s if stage.repaints_now > repainted else None
        self.flush()
        if first is None and stage.frames_painted > painted:
            first = stage.last_paint_end_s
        if first is not None:
            self.figures.add(step, "tap → frame", (first - start) * 1000)
            # What the tap still did after its first frame (building the page) delays the second one: a frame too.
            self.figures.add(step, "frames in", (time.perf_counter() - first) * 1000)
        self.follow(step)
        self.idle(step)

    def idle(self, step: str, limit_s: float = IDLE_S) -> None:
        """The visitor looks at the screen: the event loop runs (on real time) until the likely next screens are
        built ahead, each slice of that work a figure."""
        for ms in idle_work(self.exhibit.controller.switcher, limit_s):
            self.figures.add(step, "idle slices", ms)

    def mouse(self, kind: QEvent.Type, point: QPointF) -> None:
        """A mouse event on the viewport at ``point`` (viewport pixels)."""
        button = Qt.MouseButton.LeftButton
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
        event = QMouseEvent(kind, point, point, button, buttons, Qt.KeyboardModifier.NoModifier)
        QCoreApplication.sendEvent(self.exhibit.stage.viewport(), event)

    def viewport_point(self, item: QGraphicsItem) -> QPointF:
        centre = item.mapToScene(item.boundingRect().center())
        return QPointF(self.exhibit.stage.mapFromScene(centre))

    def press_feedback(self, step: str) -> None:
        """Press every button of the screen once: the time to the paint that shows it pressed."""
        stage = self.exhibit.stage
        buttons = [item for item in stage.scene().items() if isinstance(item, Button) and item.isVisible()]
        for button in buttons[:4]:
            point = self.viewport_point(button)
            painted = stage.frames_painted
            start = time.perf_counter()
            self.mouse(QEvent.Type.MouseButtonPress, point)
            self.flush()
            if stage.frames_painted > painted and button.pressed:
                self.figures.add(step, "press → paint", (stage.last_paint_end_s - start) * 1000)
            # Slide off it and let go: no tap, the button lets go of its pressed look.
            self.mouse(QEvent.Type.MouseMove, point + QPointF(0, stage.height() / 3))
            self.mouse(QEvent.Type.MouseButtonRelease, point + QPointF(0, stage.height() / 3))
            self.flush()
            self.follow(step)

    def drag_carousel(self, step: str) -> None:
        """Drag the first carousel of the screen by half its width and let it glide to its stop."""
        stage = self.exhibit.stage
        carousels = [item for item in stage.scene().items() if isinstance(item, Carousel) and item.isVisible()]
        if not carousels:
            return
        start = self.viewport_point(carousels[0])
        self.mouse(QEvent.Type.MouseButtonPress, start)
        self.flush()
        for i in range(1, 21):
            self.clock.advance(FRAME_S)
            began = time.perf_counter()
            self.mouse(QEvent.Type.MouseMove, start - QPointF(stage.width() * 0.02 * i, 0))
            self.exhibit.controller.context().ticker.tick()
            self.flush()
            self.figures.add(step, "drag frames", (time.perf_counter() - began) * 1000)
        self.mouse(QEvent.Type.MouseButtonRelease, start - QPointF(stage.width() * 0.4, 0))
        self.flush()
        self.follow(step)

    def attract_cycle(self, step: str, seconds: float) -> None:
        """The attract loop running for ``seconds``: slide changes, count-ups, drift, breathing."""
        for _ in range(round(seconds / FRAME_S)):
            self.figures.add(step, "attract frames", self.frame())

    def wait_out(self, step: str) -> None:
        """The visitor touches an empty spot and leaves: nobody touches for the idle time, the countdown before
        the attract loop shows (the idle work goes on meanwhile: it builds the loop's page ahead), then the fade to
        the loop. The countdown's frames and the fade's are the step's."""
        stage, loop = self.exhibit.stage, self.exhibit.controller.idle_loop
        spot = QPointF(stage.width() * 0.006, stage.height() / 2)  # the left margin: nothing to tap there
        self.mouse(QEvent.Type.MouseButtonPress, spot)
        self.mouse(QEvent.Type.MouseButtonRelease, spot)
        self.idle(step)
        while loop.attract_page is None:
            due = loop.tracker.next_change_in()
            if due is None:  # nothing counts down (the attract loop is there already)
                self.exhibit.controller.go_idle()
                break
            if loop.warning_shown:
                due = min(due, loop.tracker.next_countdown_change_in() or due)
            self.clock.advance(due + 0.001)
            self.exhibit.controller.check_idle()
            self.flush()
            self.follow(step)
            if loop.warning_shown:
                self.idle(step)
        self.follow(step)

    # The walk ------------------------------------------------------------------------------------------------------
    def run(self, rounds: int, attract_s: float) -> Figures:
        nav = self.exhibit.controller
        pillars = list(nav.pillar_ids)
        self.follow("start")
        for round_ in range(rounds):
            pillar = pillars[round_ % len(pillars)]
            self.attract_cycle("attract cycle", attract_s)
            page = nav.idle_loop.attract_page  # its invitation opens Home (the rest of the loop opens what it shows)
            wake_at = self.viewport_point(page.prompt.pill) if page is not None else QPointF()
            self.tap("attract → home", partial(self.mouse, QEvent.Type.MouseButtonPress, wake_at))
            self.mouse(QEvent.Type.MouseButtonRelease, wake_at)
            self.press_feedback("home")
            self.tap("pillar", partial(nav.open_pillar, pillar))
            self.drag_carousel("pillar")
            self.press_feedback("pillar")
            self.tap("story", lambda: nav.open_story(0))
            self.tap("next story", nav.next_story)
            self.tap("close story", nav.close_story)
            self.tap("back", nav.back)
            self.tap("outlook", nav.open_outlook)
            self.tap("home", nav.home)
            self.wait_out("to attract")
        return self.figures
