"""A profile of the attract loop, frame by frame, on the hand-driven clock: for each scene the frame times (wall and
CPU time of this thread, so the machine's load shows as the gap between them), the share of the screen drawn, and
which kinds of items drew themselves (a cached item draws itself only when its cache is filled).

    python tools/attract_profile.py [--size 1920x1080 ...] [--cycles 1] [--top 8] [--content DIR]

Offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set. It prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QCoreApplication, QEvent, QObject  # noqa: E402  (after the platform is chosen)
from PySide6.QtGui import QPaintEvent  # noqa: E402

from kiosk.clock import ManualClock  # noqa: E402
from kiosk.qt.bench.session import shown  # noqa: E402
from kiosk.qt.exhibit.charts import import_charts  # noqa: E402
from kiosk.qt.exhibit.screens.attract import AttractPage  # noqa: E402

FRAME_S = 1 / 60


class PaintCounter:
    """Counts the ``paint`` calls of every item class seen on the scene, and the CPU time spent in them."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.cpu_ms: defaultdict[str, float] = defaultdict(float)
        self._patched: set[type] = set()

    def watch(self, items: list[Any]) -> None:
        for item in items:
            kind = type(item)
            if kind in self._patched or "paint" not in kind.__dict__:
                continue
            self._patched.add(kind)
            kind.paint = self._wrap(kind.__name__, kind.__dict__["paint"])

    def _wrap(self, name: str, paint: Callable[..., None]) -> Callable[..., None]:
        def counted(item: Any, *args: Any) -> None:
            start = time.thread_time()
            paint(item, *args)
            self.calls[name] += 1
            self.cpu_ms[name] += (time.thread_time() - start) * 1000

        return counted

    def take(self) -> tuple[Counter[str], dict[str, float]]:
        calls, cpu = self.calls, dict(self.cpu_ms)
        self.calls, self.cpu_ms = Counter(), defaultdict(float)
        return calls, cpu


class GcTimer:
    """How long the garbage collector ran (ms), since the last :meth:`take`."""

    def __init__(self) -> None:
        self.ms = 0.0
        self._start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.ms += (time.perf_counter() - self._start) * 1000

    def take(self) -> float:
        ms, self.ms = self.ms, 0.0
        return ms


class PaintedArea(QObject):
    """The device pixels the viewport paints (each paint's exposed rectangles), counted from its paint events (an
    event filter: it needs nothing of the exhibit, so it measures older versions of it too)."""

    def __init__(self) -> None:
        super().__init__()
        self.px = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.px += sum(r.width() * r.height() for r in event.region())  # type: ignore[attr-defined]
        return False


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def scene_name(page: AttractPage) -> str:
    slide = page.loop.playlist[page.slide_index]
    parts = [type(slide).__name__.removesuffix("Slide").lower(), *(str(v) for v in vars(slide).values())]
    return f"{page.slide_index:2d} " + ":".join(parts)


def profile(size: tuple[int, int], cycles: int, top: int, content: Path) -> None:
    clock = ManualClock()
    content_dir = content
    exhibit, _content = shown(size, content_dir, clock)
    import_charts()
    controller = exhibit.controller
    controller.idle_loop.attract_timer.stop()
    controller.switcher.prebuild.stop()
    stage = exhibit.stage
    page = controller.idle_loop.attract_page
    assert page is not None, "the exhibit starts on its attract loop"
    screen_px = stage.viewport().width() * stage.viewport().height()
    area = PaintedArea()
    stage.viewport().installEventFilter(area)
    counter = PaintCounter()
    collector = GcTimer()
    rows: defaultdict[str, list[tuple[float, float, float]]] = defaultdict(list)
    worst: list[tuple[float, float, str, float, Counter[str], dict[str, float], float, float]] = []
    frames = round(cycles * page.loop.cycle_s / FRAME_S)
    settle_until = time.monotonic() + 1.7  # the stage paints itself again 0.3 and 1.5 s after it is shown
    while time.monotonic() < settle_until:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(30):  # the first scene settles
        clock.advance(FRAME_S)
        controller.check_attract()
        QCoreApplication.processEvents()
    for _ in range(frames):
        counter.watch(stage.scene().items())
        collector.take()
        clock.advance(FRAME_S)
        painted = area.px
        wall, cpu, proc = time.perf_counter(), time.thread_time(), time.process_time()
        controller.context().ticker.tick()
        controller.check_attract()
        QCoreApplication.processEvents()
        wall_ms, cpu_ms = (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000
        proc_ms = (time.process_time() - proc) * 1000
        share = (area.px - painted) / screen_px
        name = scene_name(page)
        rows[name].append((wall_ms, cpu_ms, share))
        calls, spent = counter.take()
        worst.append((cpu_ms, wall_ms, name, share, calls, spent, proc_ms, collector.take()))
    controller.stop_timers()
    print(f"\n== {size[0]}x{size[1]}: {frames} frames ({cycles} cycle(s) of {page.loop.cycle_s:.0f} s)")
    print(f"{'scene':38} {'wall p50':>8} {'p99':>7} {'max':>7} | {'cpu p50':>7} {'p99':>7} {'max':>7} | "
          f"{'drawn p50':>9} {'p99':>5} {'max':>5}")  # fmt: skip
    everything: list[tuple[float, float, float]] = []
    for name, values in rows.items():
        everything += values
        print(line(name, values))
    print(line("all", everything))
    print(f"mean share drawn {statistics.fmean(v[2] for v in everything):.3f}")
    print(f"\nheaviest {top} frames by CPU time (ms; share drawn; paint calls by class and their CPU ms):")
    for cpu_ms, wall_ms, name, share, calls, spent, proc_ms, gc_ms in sorted(worst, key=lambda w: -w[0])[:top]:
        what = ", ".join(f"{k}×{n} {spent[k]:.1f}" for k, n in calls.most_common(6))
        print(f"  cpu {cpu_ms:6.1f} all threads {proc_ms:6.1f} wall {wall_ms:6.1f} gc {gc_ms:4.1f} drawn {share:4.2f} "
              f"{name}: {what}")  # fmt: skip


def line(name: str, values: list[tuple[float, float, float]]) -> str:
    wall, cpu, share = ([v[k] for v in values] for k in range(3))
    return (
        f"{name[:38]:38} {percentile(wall, 0.5):8.1f} {percentile(wall, 0.99):7.1f} {max(wall):7.1f} | "
        f"{percentile(cpu, 0.5):7.1f} {percentile(cpu, 0.99):7.1f} {max(cpu):7.1f} | "
        f"{percentile(share, 0.5):9.2f} {percentile(share, 0.99):5.2f} {max(share):5.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", default=None, help="WxH (default 1920x1080 and 3840x2160)")
    parser.add_argument("--cycles", type=int, default=1)
    parser.add_argument("--top", type=int, default=8, help="how many of the heaviest frames to list")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    sizes = args.size or ["1920x1080", "3840x2160"]
    print(f"load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    for text in sizes:
        w, h = (int(v) for v in text.lower().split("x"))
        profile((w, h), args.cycles, args.top, args.content)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
