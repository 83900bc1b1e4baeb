"""Compare two ``kiosk render`` folders picture by picture: identical, or how many pixels differ and by how much.

    python tools/compare_renders.py BEFORE_DIR AFTER_DIR [--tolerance 0]

Exit status 1 when a picture is missing on one side or differs by more than the tolerance (0–255 per channel).
Used to show that a change that should not alter the screens (a refactoring) left every picture as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGBA8888)
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = buffer.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    return rows.reshape(image.height(), image.width(), 4).copy()  # a copy: the QImage's memory goes with it


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--tolerance", type=int, default=0)
    args = parser.parse_args(argv)
    names = sorted({p.relative_to(args.before) for p in args.before.rglob("*.png")})
    names_after = sorted({p.relative_to(args.after) for p in args.after.rglob("*.png")})
    bad = 0
    for missing in sorted(set(names) ^ set(names_after)):
        print(f"only on one side: {missing}")
        bad += 1
    same = 0
    for name in sorted(set(names) & set(names_after)):
        a, b = pixels(args.before / name), pixels(args.after / name)
        if a.shape != b.shape:
            print(f"{name}: size {a.shape[1]}x{a.shape[0]} → {b.shape[1]}x{b.shape[0]}")
            bad += 1
            continue
        diff = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
        changed = int((diff > args.tolerance).sum())
        if changed:
            print(f"{name}: {changed} pixels differ ({changed / diff.size:.4%}), largest difference {diff.max()}")
            bad += 1
        else:
            same += 1
    print(f"{same} identical, {bad} different or missing, of {len(set(names) | set(names_after))} pictures")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
