"""The exhibit built for a benchmark process: at one size, offscreen or in a real window, on a hand-driven clock;
and the three things such a process measures (the walk, the memory curve, the start-up)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication

from kiosk.clock import ManualClock
from kiosk.content.model import Content
from kiosk.content.segment_cache import FILE_NAME as SEGMENTS_FILE
from kiosk.content.segment_cache import SegmentCache
from kiosk.content.validated_cache import FILE_NAME as CONTENT_CACHE_FILE
from kiosk.content.validated_cache import load_validated
from kiosk.qt.app.build import BuiltExhibit, application, build_exhibit, warm_up
from kiosk.qt.bench.walk import Walk, idle_work
from kiosk.service.memory import rss_mb
from kiosk.settings.model import ExhibitSettings


def shown(
    size: tuple[int, int],
    content_dir: Path,
    clock: Callable[[], float],
    renderer: str = "raster",
    state_dir: Path | None = None,
) -> tuple[BuiltExhibit, Content]:
    """The exhibit at ``size``: offscreen a widget of that size, on X a frameless window filling the screen; with
    ``state_dir`` the line breaker's words and the validated content are kept there, as a running exhibit keeps them
    in its state folder."""
    app = application()
    content = load_validated(content_dir, None if state_dir is None else state_dir / CONTENT_CACHE_FILE).content
    if content is None:
        raise SystemExit(f"{content_dir}: the content has errors (kiosk validate names them)")
    settings = ExhibitSettings(renderer=renderer)  # type: ignore[arg-type]  # checked by the command line
    segments = SegmentCache(None if state_dir is None else state_dir / SEGMENTS_FILE)
    exhibit = build_exhibit(content, settings, clock, content_dir=content_dir, segments=segments)
    stage = exhibit.stage
    if QGuiApplication.platformName() == "xcb":
        stage.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        stage.setGeometry(0, 0, *size)
        stage.show()
    else:
        stage.resize(*size)
        stage.show()
    app.processEvents()
    return exhibit, content


def walk(
    size: tuple[int, int],
    content_dir: Path,
    rounds: int,
    attract_s: float,
    renderer: str = "raster",
    state_dir: Path | None = None,
) -> list[dict[str, object]]:
    clock = ManualClock()
    exhibit, content = shown(size, content_dir, clock, renderer, state_dir)
    warm_up(content)  # as a running exhibit does while its attract loop plays, before the first visitor
    real = QGuiApplication.platformName() == "xcb"
    figures = Walk(exhibit, content, clock, real_window=real).run(rounds, attract_s)
    exhibit.controller.stop_timers()
    exhibit.controller.context().typography.breaker.segments.save()
    return figures.rows()


def memory(
    size: tuple[int, int], content_dir: Path, changes: int, every: int, state_dir: Path | None = None
) -> dict[str, object]:
    """Resident memory (MB) after every ``every`` of ``changes`` animated screen changes run to their end, each
    measured once the exhibit is idle (its idle work done, as between two visitors' taps); and whether the word
    segmenter had to be loaded (a text the line-break cache did not know: 32 MB held until the process ends).

    The changes go round one visit (Home, a pillar, its first story, the next, back, the outlook, Home, the attract
    loop): ``every`` is rounded to whole visits, so every reading is taken on the same screen and the curve shows
    growth, not which screen it was read on. After the last, one more visit is read screen by screen
    (``by_screen``): what each screen holds."""
    clock = ManualClock()
    exhibit, content = shown(size, content_dir, clock, state_dir=state_dir)
    warm_up(content)
    controller = exhibit.controller
    controller.idle_loop.attract_timer.stop()

    def settled() -> None:
        controller.settle(clock.advance)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def visit(pillar: str) -> list[tuple[str, Callable[[], object]]]:
        return [
            ("home", controller.wake),
            ("pillar", lambda: controller.open_pillar(pillar)),
            ("story", lambda: controller.open_story(0)),
            ("next story", controller.next_story),
            ("pillar again", controller.close_story),
            ("home again", controller.back),
            ("outlook", controller.open_outlook),
            ("home from outlook", controller.home),
            ("attract", controller.go_idle),
        ]

    cycle = len(visit(""))
    every = max(cycle, round(every / cycle) * cycle) if every > 1 else every
    settled()
    idle_work(controller.switcher)
    curve = [(0, rss_mb() or 0.0)]
    done = 0
    while done < changes:
        for _name, step in visit(controller.pillar_ids[(done // cycle) % len(controller.pillar_ids)]):
            step()
            settled()
            done += 1
            if done % every == 0:
                idle_work(controller.switcher)
                curve.append((done, rss_mb() or 0.0))
            if done >= changes:
                break
    by_screen = []
    if changes >= cycle and every > 1:
        for name, step in visit(controller.pillar_ids[0]):
            step()
            settled()
            idle_work(controller.switcher)
            by_screen.append((name, rss_mb() or 0.0))
    controller.stop_timers()
    segments = controller.context().typography.breaker.segments
    segments.save()  # as the exhibit does once a screen is shown
    return {"curve": curve, "segmenter": segments.misses > 0, "by_screen": by_screen}


def start_up(size: tuple[int, int], content_dir: Path, state_dir: Path | None = None) -> float:
    """When (time.monotonic) the first complete frame of the exhibit has been painted."""
    exhibit, _content = shown(size, content_dir, time.monotonic, state_dir=state_dir)
    stage = exhibit.stage
    while stage.frames_painted == 0:
        QCoreApplication.processEvents()
    if QGuiApplication.platformName() == "xcb":
        QGuiApplication.sync()
    painted = time.monotonic()
    exhibit.controller.stop_timers()
    exhibit.controller.context().typography.breaker.segments.save()  # as the exhibit does once a screen is shown
    return painted
