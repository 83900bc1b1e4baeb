#!/usr/bin/env python3
"""Render a contact sheet of the story illustrations (kiosk/assets/art/*.svg), to check them by eye.

    python tools/art_sheet.py OUT.png [--size 360] [--columns 5] [--frames]

Each scene is drawn whole on the exhibit's navy ground and labelled with its name; ``--frames`` outlines the crops
the story sheet takes of it (tall on a landscape screen, wide on a portrait one).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.fonts import load_bundled_fonts

GROUND = "#0A1633"
LABEL = QColor(255, 255, 255, 170)
# The picture boxes of the story sheet as width / height: landscape (tall) and portrait (wide).
CROPS = (0.75, 1.36)


def render_sheet(files: list[Path], size: int, columns: int, family: str, frames: bool) -> QImage:
    label_px = 16
    gap = 24
    rows = -(-len(files) // columns)
    width = columns * (size + gap) + gap
    height = rows * (size + gap + label_px + 8) + gap
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(GROUND))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(family)
    font.setPixelSize(label_px)
    painter.setFont(font)
    for index, file in enumerate(files):
        x = gap + (index % columns) * (size + gap)
        y = gap + (index // columns) * (size + gap + label_px + 8)
        renderer = QSvgRenderer(QByteArray(file.read_bytes()))
        renderer.render(painter, QRectF(x, y, size, size))
        if frames:
            painter.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for ratio in CROPS:
                w, h = (size * ratio, size) if ratio < 1 else (size, size / ratio)
                painter.drawRect(QRectF(x + (size - w) / 2, y + (size - h) / 2, w, h))
        painter.setPen(LABEL)
        painter.drawText(QRectF(x, y + size + 4, size, label_px + 4), Qt.AlignmentFlag.AlignHCenter, file.stem)
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--size", type=int, default=360)
    parser.add_argument("--columns", type=int, default=5)
    parser.add_argument("--frames", action="store_true", help="outline the story sheet's crops")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    family = load_bundled_fonts(default_assets_dir())[0]
    folder = Path(str(default_assets_dir() / "art"))
    files = sorted(folder.glob("*.svg"))
    image = render_sheet(files, args.size, args.columns, family, args.frames)
    if not image.save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    print(f"{args.out}: {image.width()}x{image.height()}, {len(files)} scenes")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
