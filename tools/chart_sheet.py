#!/usr/bin/env python3
"""Render every shipped chart in both languages at a few progress steps, to check them by eye.

    python tools/chart_sheet.py OUT_DIR [--size 760x420 960x520] [--progress 0.5 1] [--bench]

Each chart is drawn in a Stage at 1920×1080 (the exhibit's own view, navy ground) inside a faint frame that shows
its box; one PNG per chart, language, size and progress. ``--bench`` also times set_progress plus a repaint of
the chart's region, averaged over 100 frames.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from kiosk.content.loader import require_content
from kiosk.paths import PROJECT_ROOT, default_assets_dir
from kiosk.qt.exhibit.charts.chart import ChartGraphic, ChartStyle
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.typography import Typography

MARGIN = 80


def _size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def _bench(stage: Stage, graphic: ChartGraphic, app: QApplication, frames: int = 100) -> str:
    """Milliseconds per frame of set_progress alone, and of set_progress plus a repaint of the chart's region."""
    region = stage.mapFromScene(graphic.sceneBoundingRect()).boundingRect().adjusted(-2, -2, 2, 2)
    app.processEvents()
    results = []
    for repaint in (False, True, True):  # the first repaint pass also warms the caches
        started = time.perf_counter()
        for frame in range(frames):
            graphic.set_progress(frame / (frames - 1))
            if repaint:
                stage.viewport().repaint(region)
        results.append((time.perf_counter() - started) * 1000 / frames)
    return f"set_progress {results[0]:.3f} ms, + repaint {results[2]:.2f} ms per frame"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", nargs="+", default=["760x420", "960x520"])
    parser.add_argument("--progress", nargs="+", type=float, default=[0.5, 1.0])
    parser.add_argument("--screen", default="1920x1080")
    parser.add_argument("--bench", action="store_true")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    typography = Typography(load_bundled_fonts(default_assets_dir())[0])
    content = require_content(PROJECT_ROOT / "content")
    theme = content.exhibit.theme
    args.out.mkdir(parents=True, exist_ok=True)
    for pillar in content.pillars:
        for chart in pillar.charts:
            for language in ("zh", "en"):
                for size in map(_size, args.size):
                    scene = QGraphicsScene()
                    stage = Stage(scene, QColor(theme.ground))
                    stage.resize(*_size(args.screen))
                    stage.show()
                    frame = scene.addRect(
                        QRectF(MARGIN - 1, MARGIN - 1, size[0] + 2, size[1] + 2), QPen(QColor(255, 255, 255, 40))
                    )
                    graphic = ChartGraphic(chart, ChartStyle(language, theme, pillar.accent), typography, *size)
                    scene.addItem(graphic)
                    graphic.setPos(MARGIN, MARGIN)
                    for progress in args.progress:
                        graphic.set_progress(progress)
                        name = f"{chart.id}-{language}-{size[0]}x{size[1]}-{progress:g}.png"
                        shot = QRect(MARGIN // 2, MARGIN // 2, size[0] + MARGIN, size[1] + MARGIN)
                        stage.grab(shot).save(str(args.out / name))
                    elided = [b.text for b in graphic.text_blocks() if b.elided]
                    note = f"  ELIDED: {elided}" if elided else ""
                    if args.bench:
                        note += f"  {_bench(stage, graphic, app)}"
                    print(f"{chart.id} {language} {size[0]}x{size[1]}{note}")
                    stage.close()
                    del frame
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
