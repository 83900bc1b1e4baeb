"""The exhibit's application: built, shown and kept running. Imported before the rest of the Qt side it builds, so
PySide6 reads the modules imported after it without keeping their source lines (see pyside_sources)."""

from kiosk.qt.app.pyside_sources import read_sources_lightly

read_sources_lightly()
