"""The pure parts (content, state, motion, formatting, config, the checking commands) never import Qt: they work
without a display. Every module outside ``kiosk.qt`` is pure; new ones are found here
automatically."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kiosk

QT_SIDE = ("kiosk.qt",)


def pure_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(kiosk.__path__, "kiosk.")]
    return sorted(n for n in names if not n.startswith(QT_SIDE) and n != "kiosk.__main__")


def test_the_pure_list_covers_the_known_pure_modules() -> None:
    found = pure_modules()
    for name in (
        "kiosk.cli",
        "kiosk.exhibit.motion",
        "kiosk.exhibit.navigation",
        "kiosk.exhibit.gesture",
        "kiosk.exhibit.idle",
        "kiosk.content.loader",
        "kiosk.content.locate",
        "kiosk.content.number_format",
        "kiosk.clock",
    ):
        assert name in found


def test_pure_modules_do_not_import_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {pure_modules()!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
