#!/usr/bin/env python3
"""Render a contact sheet of the exhibit's icons, to check them by eye.

    python tools/icon_sheet.py OUT.png [--sizes 96 320] [--names rocket ship] [--colours white] [--keylines]

Each requested size gets one block per colour (white and the four pillar accents by default) on the
exhibit's navy ground, every icon labelled with its name. ``--keylines`` draws the 48-unit grid's live
area (4..44) behind each icon, to judge size and optical balance.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.icons import IconLibrary

GROUND = "#0A1633"
COLOURS = ("#FFFFFF", "#5EC8F2", "#4FD1A5", "#B59CFF", "#FF9F6B")
LABEL = QColor(255, 255, 255, 150)


def render_sheet(
    library: IconLibrary,
    names: list[str],
    sizes: list[int],
    colours: list[str],
    columns: int,
    family: str,
    keylines: bool,
) -> QImage:
    blocks = [(size, colour) for size in sizes for colour in colours]
    label_px = 14
    cells = [(size + max(24, size // 4), size + max(24, size // 4) + label_px + 6) for size, _ in blocks]
    rows = -(-len(names) // columns)
    width = max(cell_w for cell_w, _ in cells) * columns + 40
    height = sum(cell_h * rows + 30 for _, cell_h in cells) + 20
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(GROUND))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(family)
    font.setPixelSize(label_px)
    painter.setFont(font)
    top = 20.0
    for (size, colour), (cell_w, cell_h) in zip(blocks, cells):
        painter.setPen(LABEL)
        painter.drawText(QRectF(20, top, width, 20), f"{size} px  {colour}")
        top += 30
        for index, name in enumerate(names):
            x = 20 + (index % columns) * cell_w
            y = top + (index // columns) * cell_h
            icon_rect = QRectF(x + (cell_w - size) / 2, y, size, size)
            if keylines:
                unit = size / 48
                painter.setPen(QPen(QColor(255, 255, 255, 40), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(icon_rect)
                painter.drawRect(icon_rect.adjusted(4 * unit, 4 * unit, -4 * unit, -4 * unit))
                painter.drawLine(
                    QLineF(icon_rect.center().x(), icon_rect.top(), icon_rect.center().x(), icon_rect.bottom())
                )
                painter.drawLine(
                    QLineF(icon_rect.left(), icon_rect.center().y(), icon_rect.right(), icon_rect.center().y())
                )
            library.paint(painter, icon_rect, name, colour)
            painter.setPen(LABEL)
            painter.drawText(QRectF(x, y + size + 4, cell_w, label_px + 4), Qt.AlignmentFlag.AlignHCenter, name)
        top += rows * cell_h
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--sizes", type=int, nargs="+", default=[96, 320])
    parser.add_argument("--colours", nargs="+", default=list(COLOURS))
    parser.add_argument("--names", nargs="+", help="only these icons (default: all)")
    parser.add_argument("--columns", type=int, default=8)
    parser.add_argument("--keylines", action="store_true", help="draw the 48-unit grid's live area")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    family = load_bundled_fonts(default_assets_dir())[0]
    library = IconLibrary(default_assets_dir() / "icons")
    names = args.names or list(library.names())
    image = render_sheet(library, names, args.sizes, args.colours, args.columns, family, args.keylines)
    if not image.save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    print(f"{args.out}: {image.width()}x{image.height()}, {len(names)} icons")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
