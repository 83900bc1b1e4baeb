"""Application set-up: one QApplication, the bundled fonts, the content, the stage and the controller.

No global state: :func:`build_exhibit` wires explicit dependencies and returns them.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPixmapCache, QShortcut
from PySide6.QtWidgets import QApplication, QGraphicsScene

from kiosk.clock import monotonic
from kiosk.content.model import Content
from kiosk.paths import default_assets_dir
from kiosk.qt.app.unattended import Operations
from kiosk.qt.exhibit.controller import Behaviour, Controller
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.service.health import install_health
from kiosk.service.logs import start_process_logs
from kiosk.settings.model import Settings

_log = logging.getLogger(__name__)
WINDOWED_SIZE = (1280, 720)
WARM_UP_AFTER_MS = 1500
PIXMAP_CACHE_KB = 3840 * 2160 * 4 * 12 // 1024  # about 400 MB


@dataclass
class Exhibit:
    stage: Stage
    controller: Controller


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def build_exhibit(
    content: Content,
    *,
    rotation: int = 0,
    language: str | None = None,
    behaviour: Behaviour = Behaviour(),
    clock: Callable[[], float] = monotonic,
    content_dir: Path | None = None,
    assets_dir: Path | None = None,
) -> Exhibit:
    """The exhibit's view and controller for ``content`` (a QApplication must exist)."""
    assets = assets_dir or default_assets_dir()
    family = load_bundled_fonts(assets)[0]
    application().setFont(QFont(family))
    # Every static item draws from a pixmap cache; Qt's default 10 MB holds a fraction of one 1080p screen, so
    # the caches would be thrown away and redrawn every frame. Room for about a dozen screens at 4K:
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    scene = QGraphicsScene()
    stage = Stage(scene, QColor(content.exhibit.theme.ground), rotation)
    stage.setWindowTitle(content.exhibit.title.get(content.exhibit.default_language))
    controller = Controller(
        content, stage, Typography(family), IconLibrary(assets / "icons"), clock, behaviour, content_dir, language
    )
    return Exhibit(stage, controller)


def run_exhibit(
    content: Content,
    content_dir: Path,
    *,
    windowed: bool = False,
    screen: int = 0,
    rotation: int = 0,
    language: str | None = None,
    behaviour: Behaviour = Behaviour(),
    settings: Settings | None = None,
    config_path: Path | None = None,
) -> int:
    """Show ``content`` (already validated) until the application quits; returns the exit code.

    ``settings`` (the effective settings file) and ``config_path`` drive the unattended-operation features.
    """
    app = application()
    if settings is not None:
        start_process_logs(settings)  # stderr + <log_dir>/kiosk.log, native crashes to <log_dir>/crash.log
        _log.info("settings from %s", config_path or "the defaults (no settings file)")
    screens = QGuiApplication.screens()
    if not 0 <= screen < len(screens):
        print(
            f"--screen {screen}: there is no such screen; this machine has {len(screens)} (0 to {len(screens) - 1})",
            file=sys.stderr,
        )
        return 1
    exhibit = build_exhibit(content, rotation=rotation, language=language, behaviour=behaviour, content_dir=content_dir)
    # Errors → the attract loop, READY/WATCHDOG/STOPPING for systemd, SIGTERM/SIGINT quit cleanly:
    health = install_health(app, exhibit, max_rss_mb=settings.health.max_rss_mb if settings else None)
    stage = exhibit.stage
    if windowed:  # for editors: a normal window that Ctrl+Q closes; kiosk mode is locked down instead
        quit_shortcut = QShortcut(QKeySequence("Ctrl+Q"), stage)
        quit_shortcut.activated.connect(app.quit)
        stage.resize(*WINDOWED_SIZE)
        stage.show()
    else:
        stage.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        stage.viewport().setCursor(Qt.CursorShape.BlankCursor)
        stage.setCursor(Qt.CursorShape.BlankCursor)
        if QGuiApplication.platformName() != "wayland":
            # Without a window manager (a bare X session) full-screen is only a hint: take the screen's size too.
            stage.setGeometry(screens[screen].geometry())
        else:  # Wayland places windows itself; full screen goes to the output of the chosen screen
            stage.createWinId()
            stage.windowHandle().setScreen(screens[screen])
        stage.showFullScreen()
    # pyqtgraph (NumPy) takes about half a second to import: do it while the attract loop runs, not on the
    # first visitor's tap on a pillar with a chart.
    QTimer.singleShot(WARM_UP_AFTER_MS, _import_charts)
    # Lock-down, operator panel, hot reload, USB bundles, opening hours (after the window is up):
    operations = Operations(app, exhibit.controller, settings, kiosk_mode=not windowed) if settings else None
    code = app.exec()
    if operations is not None:
        operations.stop()
    return health.finish(code)


def _import_charts() -> None:
    importlib.import_module("kiosk.qt.exhibit.charts.chart")
