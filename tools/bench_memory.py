"""Print the exhibit's resident memory while visitors keep using it, to see that weeks of use do not pile up.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_memory.py [--cycles 300] [--size 1920x1080]

One cycle is what a visitor does: wake the attract loop, open a pillar, open a story, the next story, Home, and the
attract loop again (six animated screen changes, run to their end on a hand-driven clock); every tenth cycle the
content is also swapped in again, as a hot reload does. Between steps the events a running event loop would handle
are handled, deferred deletions included (``processEvents()`` alone leaves those, and then everything looks
leaked). Figures only: compare the first and the last lines of one run.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.clock import ManualClock
from kiosk.content.loader import load_content
from kiosk.paths import default_content_dir
from kiosk.qt.app.build import application, build_exhibit
from kiosk.service.memory import rss_mb
from kiosk.settings.model import ExhibitSettings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    app = application()
    content_dir = default_content_dir()
    content = load_content(content_dir).content
    assert content is not None
    clock = ManualClock()
    exhibit = build_exhibit(content, ExhibitSettings(), clock, content_dir=content_dir)
    exhibit.stage.resize(width, height)
    exhibit.stage.show()
    controller, navigator = exhibit.controller, exhibit.controller

    def settled() -> None:
        controller.settle(clock.advance)
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    settled()
    print(f"{args.size}: start {rss_mb():.0f} MB")
    for cycle in range(1, args.cycles + 1):
        pillar = navigator.pillar_ids[cycle % len(navigator.pillar_ids)]
        for step in (
            navigator.wake,
            lambda pillar=pillar: navigator.open_pillar(pillar),
            lambda: navigator.open_story(0),
            navigator.next_story,
            navigator.home,
            navigator.go_idle,
        ):
            step()
            settled()
        if cycle % 10 == 0:
            fresh = load_content(content_dir).content
            assert fresh is not None
            controller.offer_content(fresh, content_dir)
            settled()
        if cycle % max(1, args.cycles // 10) == 0:
            print(f"{args.size}: after {cycle} cycles ({cycle * 6} screen changes) {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
