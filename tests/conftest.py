"""Shared test setup: Qt runs offscreen and pyqtgraph uses PySide6; no test needs a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
