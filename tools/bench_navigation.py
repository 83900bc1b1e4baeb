"""Print how long the exhibit takes to change screen and to draw each frame of the change (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_navigation.py [--size 1920x1080 ...]

For each size it walks attract → home → pillar → story → pillar → home → outlook → home with a hand-driven clock:
"switch" is the time of the tap's work (building the page and picturing the transition), "frames" the 40 frames
that follow (tick + repaint of what changed). Figures only: compare runs on the same machine, not with a budget.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.clock import ManualClock
from kiosk.content.loader import load_content
from kiosk.paths import default_content_dir
from kiosk.qt.app.build import application, build_exhibit
from kiosk.settings.model import ExhibitSettings

FRAMES = 40


def bench(size: tuple[int, int]) -> list[str]:
    app = application()
    content = load_content(default_content_dir()).content
    assert content is not None
    clock = ManualClock()
    exhibit = build_exhibit(content, ExhibitSettings(), clock)
    exhibit.stage.resize(*size)
    exhibit.stage.show()
    app.processEvents()
    exhibit.controller.idle_loop.attract_timer.stop()
    nav = exhibit.controller
    pillar = content.pillars[0].id
    steps = [
        ("home", nav.wake),
        ("pillar", lambda: nav.open_pillar(pillar)),
        ("story", lambda: nav.open_story(1)),
        ("close story", nav.close_story),
        ("back home", nav.back),
        ("outlook", nav.open_outlook),
        ("home", nav.home),
    ]
    lines = []
    for name, action in steps:
        start = time.perf_counter()
        action()
        app.processEvents()
        switch_ms = (time.perf_counter() - start) * 1000
        frames = []
        for _ in range(FRAMES):
            clock.advance(1 / 60)
            start = time.perf_counter()
            exhibit.controller.context().ticker.tick()
            app.processEvents()
            frames.append((time.perf_counter() - start) * 1000)
        frames.sort()
        lines.append(
            f"{size[0]}x{size[1]} {name:12} switch {switch_ms:6.1f} ms   frames p50 {frames[FRAMES // 2]:5.1f}"
            f"  p90 {frames[int(FRAMES * 0.9)]:5.1f}  max {frames[-1]:5.1f} ms"
        )
    exhibit.stage.close()
    exhibit.stage.deleteLater()
    app.processEvents()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", metavar="WxH", help="default: 1920x1080 and 3840x2160")
    args = parser.parse_args()
    sizes = [tuple(int(p) for p in s.split("x")) for s in (args.size or ["1920x1080", "3840x2160"])]
    for size in sizes:
        print("\n".join(bench(size)))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
