"""Guard against PySide6 builds that drop a reference to None on every void method call (6.12.0 on CPython 3.11
aborts with 'Fatal Python error: none_dealloc'). Runs in a child process: the bad build kills its process."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

CHECK = f"""
import sys
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPen
app = QGuiApplication([])
obj, timer, pen = QObject(), QTimer(), QPen()
image = QImage(8, 8, QImage.Format.Format_ARGB32)
painter = QPainter(image)
for _ in range(100):  # warm up caches so only the calls below are measured
    obj.setObjectName("x"); painter.setPen(pen); timer.setInterval(5)
before = sys.getrefcount(None)
for _ in range({CALLS}):
    obj.setObjectName("x")
    painter.setPen(pen)
    timer.setInterval(5)
after = sys.getrefcount(None)
painter.end()
print(before, after)
"""


def test_void_qt_calls_keep_the_refcount_of_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, f"Qt calls crashed the interpreter (bad PySide6 build?):\n{run.stderr[-2000:]}"
    before, after = map(int, run.stdout.split())
    # A broken build loses one reference per call (-60,000 here); allow only noise from interned objects.
    assert abs(after - before) < 100, f"sys.getrefcount(None) went from {before} to {after}"
