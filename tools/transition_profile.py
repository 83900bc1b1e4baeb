"""A profile of the transitions, frame by frame, on the hand-driven clock: for each navigation every frame's time split
into the new picture's bands (``work``), the transition's own paint (the two pictures) and the rest, with the two
pictures' opacities.

    python tools/transition_profile.py [--size 3840x2160] [--frames]

Offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set. It prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPainter

from kiosk.clock import ManualClock
from kiosk.paths import default_content_dir
from kiosk.qt.bench.session import shown
from kiosk.qt.bench.walk import Walk
from kiosk.qt.exhibit.charts import import_charts
from kiosk.qt.foundations import transition

Entry = tuple[str, float, tuple[float, float]]


def watch(log: list[Entry]) -> None:
    """Time every Transition.work and Transition.paint into ``log``."""
    work, paint = transition.Transition.work, transition.Transition.paint

    def timed_work(self: transition.Transition, budget_s: float = transition.WORK_BUDGET_S) -> None:
        start = time.perf_counter()
        work(self, budget_s)
        log.append(("work", (time.perf_counter() - start) * 1000, (0.0, 0.0)))

    def timed_paint(self: transition.Transition, painter: QPainter) -> None:
        start = time.perf_counter()
        paint(self, painter)
        log.append(("paint", (time.perf_counter() - start) * 1000, self._opacities()))

    transition.Transition.work = timed_work  # type: ignore[method-assign]
    transition.Transition.paint = timed_paint  # type: ignore[method-assign]


def profile(size: tuple[int, int], show_frames: bool) -> None:
    log: list[Entry] = []
    watch(log)
    clock = ManualClock()
    exhibit, content = shown(size, default_content_dir(), clock)
    import_charts()
    walk = Walk(exhibit, content, clock, real_window=False)
    nav = exhibit.controller
    walk.follow("start")
    walk.attract_cycle("attract", 2)
    page = nav.idle_loop.attract_page
    assert page is not None
    wake_at = walk.viewport_point(page.prompt.pill)
    totals: list[tuple[float, float, float]] = []

    def step(name: str, action: Callable[[], object]) -> None:
        walk.idle(name)
        log.clear()
        action()
        walk.flush()
        frames = []
        for _ in range(200):
            if not walk.moving() or not exhibit.stage.covered:
                break
            ms = walk.frame()
            work = sum(ms for kind, ms, _o in log if kind == "work")
            paint = sum(ms for kind, ms, _o in log if kind == "paint")
            opacities = next((o for kind, _ms, o in log if kind == "paint"), (0.0, 0.0))
            frames.append((ms, work, paint, opacities))
            log.clear()
        walk.follow(name)
        over = sum(1 for ms, *_rest in frames if ms > 16.7)
        mean = sum(ms for ms, *_rest in frames) / max(1, len(frames))
        print(f"{name:16} {len(frames):3d} frames, mean {mean:5.1f} ms, over 16.7 ms: {over}")
        for ms, work, paint, (old, new) in frames if show_frames else ():
            print(f"    {ms:6.1f} ms  work {work:5.1f}  paint {paint:5.1f}  old {old:.2f} new {new:.2f}")
        totals.extend((ms, work, paint) for ms, work, paint, _o in frames)

    step("attract → home", partial(walk.mouse, QEvent.Type.MouseButtonPress, wake_at))
    walk.mouse(QEvent.Type.MouseButtonRelease, wake_at)
    step("pillar", partial(nav.open_pillar, nav.pillar_ids[0]))
    step("story", lambda: nav.open_story(0))
    step("next story", nav.next_story)
    step("close story", nav.close_story)
    step("back", nav.back)
    count = max(1, len(totals))
    print(
        f"all: {len(totals)} frames, mean {sum(t[0] for t in totals) / count:.2f} ms (work "
        f"{sum(t[1] for t in totals) / count:.2f}, paint {sum(t[2] for t in totals) / count:.2f}); over 16.7 ms "
        f"{sum(1 for t in totals if t[0] > 16.7)}, over 8 ms {sum(1 for t in totals if t[0] > 8)}"
    )
    nav.stop_timers()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="3840x2160")
    parser.add_argument("--frames", action="store_true", help="print every frame")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    profile((width, height), args.frames)


if __name__ == "__main__":
    main()
