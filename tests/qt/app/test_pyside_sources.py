"""PySide6 tells the modules that use it from those that do not without keeping their source lines in memory: the
same answers as its own test, and nothing left in linecache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import linecache, sys
sys.path.insert(0, {folder!r})
import PySide6
feature = sys.modules["PySide6.support.feature"]
original = feature._mod_uses_pyside
import kiosk.qt.app  # puts the light test in place
import uses_qt, plain  # two modules imported after it
import kiosk.qt.exhibit.controller  # and the exhibit's own
mismatch = [name for name, module in list(sys.modules.items()) if original(module) != feature._mod_uses_pyside(module)]
print(feature.pyside_feature_dict.get("uses_qt"), feature.pyside_feature_dict.get("plain"))
print(len(mismatch), mismatch[:5])
linecache.cache.clear()
import importlib; importlib.import_module("kiosk.qt.exhibit.charts.chart")  # pyqtgraph and NumPy
print(sorted(linecache.cache))
"""


def test_the_same_answers_and_no_source_lines_kept(tmp_path: Path) -> None:
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("X = 1\n")
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(folder=str(tmp_path))], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    marks, mismatches, kept = run.stdout.splitlines()
    assert marks == "0 -1"  # PySide6's own marks: uses PySide (no feature), ignored
    assert mismatches.startswith("0 "), mismatches
    assert kept == "[]"
