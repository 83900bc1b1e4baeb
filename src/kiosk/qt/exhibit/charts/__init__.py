"""The pillars' charts (pyqtgraph). Importing this package imports nothing heavy: :func:`import_charts` does, where
there is time for it (about half a second with NumPy)."""

from __future__ import annotations

import importlib


def import_charts() -> None:
    """pyqtgraph and the charts, imported ahead of the first pillar with a chart."""
    importlib.import_module("kiosk.qt.exhibit.charts.chart")
