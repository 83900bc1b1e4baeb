"""What large text costs a tap: the same visitor's taps with large text off and on, each screen laid out cold (none
built ahead), at 1920x1080 and 3840x2160; prints the figures, asserts nothing.

``python -m kiosk.qt.bench.relayout [--rounds N] [--size WxH ...]`` (offscreen). Per step and mode:

- ``tap → frame``: from the tap's handler to the end of the paint of its first frame (the old screen captured);
- ``handler``: the whole of the tap's work: its first frame, then building the new screen (a second frame waits);
- ``builds``: how many times the screen was laid out (large text lays a screen out again on a taller canvas where a
  text is still not readable: :func:`kiosk.qt.exhibit.screens.base.build_readable`).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from kiosk.clock import ManualClock
from kiosk.paths import default_content_dir
from kiosk.qt.bench.figures import Figures
from kiosk.qt.bench.session import shown
from kiosk.qt.bench.walk import Walk
from kiosk.qt.exhibit.charts import import_charts
from kiosk.qt.exhibit.screens import base

SIZES = ((1920, 1080), (3840, 2160))
MODES = ("off", "on")
SHOWN = ("tap → frame", "handler", "builds")


class ColdWalk(Walk):
    """A walk whose visitor never waits: nothing is built ahead, each tap lays its screen out itself."""

    def idle(self, step: str, limit_s: float = 0.0) -> None:
        self.exhibit.controller.switcher.prebuild.drop()

    def tap(self, step: str, action: Callable[[], object]) -> None:
        def timed() -> None:
            start = time.perf_counter()
            action()
            self.figures.add(step, "handler", (time.perf_counter() - start) * 1000)
            nav = self.exhibit.controller
            top = nav.sheet if nav.sheet is not None else nav.page
            layouts = top.data(base.LAYOUTS_KEY) if top is not None else None
            if isinstance(layouts, int):
                self.figures.add(step, "builds", layouts)

        super().tap(step, timed)


def relayout(size: tuple[int, int], content_dir: Path, large: bool, rounds: int) -> Figures:
    """The taps of ``rounds`` visits at ``size`` with large text ``large``, every screen laid out cold."""
    clock = ManualClock()
    exhibit, content = shown(size, content_dir, clock)
    import_charts()
    walk = ColdWalk(exhibit, content, clock, real_window=False)
    nav = exhibit.controller
    try:
        for round_ in range(rounds):
            nav.wake()
            nav.access.set("large_text", large)
            walk.follow("start")
            nav.switcher.prebuild.drop()
            pillar = nav.pillar_ids[round_ % len(nav.pillar_ids)]
            steps: list[tuple[str, Callable[[], object]]] = [
                ("pillar", partial(nav.open_pillar, pillar)),
                ("story", lambda: nav.open_story(0)),
                ("next story", nav.next_story),
                ("close story", nav.close_story),
                ("back", nav.back),
                ("outlook", nav.open_outlook),
                ("home", nav.home),
            ]
            for name, action in steps:
                walk.tap(name, action)
            nav.go_idle()
            walk.follow("to attract")
    finally:
        exhibit.controller.stop_timers()
    return walk.figures


def report(results: dict[tuple[tuple[int, int], str], Figures]) -> list[str]:
    """A line per size, step and figure: off and on (p50 / max) and how many times slower on is (p50)."""
    lines = []
    for size in sorted({size for size, _mode in results}, key=lambda s: s[0] * s[1]):
        off, on = results[(size, "off")], results[(size, "on")]
        label = f"{size[0]}x{size[1]}"
        lines.append(f"{label}: large text off → on, p50 / max in ms (builds: layouts per screen)")
        found_on = {(s.step, s.what): s for s in on.all()}
        for samples in off.all():
            other = found_on.get((samples.step, samples.what))
            if other is None or samples.step in ("start", "to attract") or samples.what not in SHOWN:
                continue
            a, b = samples.summary(), other.summary()
            ratio = float(b["p50"]) / float(a["p50"]) if float(a["p50"]) > 0 else float("nan")
            lines.append(
                f"  {samples.step:12} {samples.what:12} off {float(a['p50']):7.1f} / {float(a['max']):7.1f}"
                f"   on {float(b['p50']):7.1f} / {float(b['max']):7.1f}   × {ratio:4.2f}"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.qt.bench.relayout", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=4, help="visits per size and mode (default 4: each pillar)")
    parser.add_argument("--size", action="append", metavar="WxH", help="default: 1920x1080 and 3840x2160")
    parser.add_argument("--content", type=Path, default=default_content_dir(), metavar="DIR")
    args = parser.parse_args(argv)
    sizes = [tuple(int(v) for v in s.lower().split("x")) for s in args.size] if args.size else list(SIZES)
    results: dict[tuple[tuple[int, int], str], Figures] = {}
    for size in sizes:
        for mode in MODES:
            results[(size[0], size[1]), mode] = relayout((size[0], size[1]), args.content, mode == "on", args.rounds)
    print("\n".join(report(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
