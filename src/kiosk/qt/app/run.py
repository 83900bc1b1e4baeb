"""Running the exhibit on a screen: the window full screen (or windowed for editors), with health, lock-down,
operator access, content updates and opening hours around it — the composition root of a running exhibit.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut

from kiosk.clock import monotonic
from kiosk.content.model import Content
from kiosk.content.segment_cache import FILE_NAME as SEGMENTS_FILE
from kiosk.content.segment_cache import SegmentCache
from kiosk.exit_codes import ExitCode
from kiosk.qt.accessibility.sound import AplayOutput
from kiosk.qt.app.build import application, build_exhibit, warm_up
from kiosk.qt.app.unattended import Operations
from kiosk.qt.app.watching import Watching
from kiosk.qt.service.health import install_health
from kiosk.service.logs import start_process_logs
from kiosk.settings.model import Settings

_log = logging.getLogger(__name__)
WINDOWED_SIZE = (1280, 720)
WARM_UP_AFTER_MS = 1500
SPEECH_CACHE = "speech"  # <state>/speech: the prepared speech of reading aloud, one WAV file per text and voice


def run_exhibit(content: Content, settings: Settings, config_path: Path | None = None) -> int:
    """Show ``content`` (already validated, from ``settings.exhibit.content_dir``) as the effective ``settings``
    say, until the application quits; returns the exit code. ``config_path``: the settings file read, if any."""
    app = application()
    # stderr + <log_dir>/kiosk.log, native crashes to <log_dir>/crash.log:
    start_process_logs(settings.folders.log_dir, settings.logging)
    _log.info("settings from %s", config_path or "the defaults (no settings file)")
    exhibit_settings = settings.exhibit
    screen, windowed = exhibit_settings.screen, exhibit_settings.windowed
    content_dir = exhibit_settings.content_dir
    screens = QGuiApplication.screens()
    if not 0 <= screen < len(screens):
        print(
            f"--screen {screen}: there is no such screen; this machine has {len(screens)} (0 to {len(screens) - 1})",
            file=sys.stderr,
        )
        return ExitCode.INVALID
    access = settings.accessibility
    state_dir = settings.folders.state_dir
    exhibit = build_exhibit(
        content,
        exhibit_settings,
        monotonic,
        content_dir=content_dir,
        accessibility=access,
        # Reading aloud: the headphone jack through ALSA; the speech is prepared in the state folder's cache.
        sound=AplayOutput(access.volume_percent, access.audio_device, app),
        speech_dir=None if state_dir is None else state_dir / SPEECH_CACHE,
        segments=SegmentCache(None if state_dir is None else state_dir / SEGMENTS_FILE),
    )
    stage, controller = exhibit.stage, exhibit.controller
    # Errors → the attract loop, READY/WATCHDOG/STOPPING for systemd, SIGTERM/SIGINT quit cleanly:
    health = install_health(app, stage, controller.reset_to_attract, monotonic, max_rss_mb=settings.health.max_rss_mb)
    controller.screen_shown.connect(health.on_screen_shown)
    segments = exhibit.controller.context().typography.breaker.segments
    controller.screen_shown.connect(lambda _screen: segments.save())  # words of texts shown for the first time
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
    # first visitor's tap on a pillar with a chart. Then what start-up made is frozen for the cycle collector.
    QTimer.singleShot(WARM_UP_AFTER_MS, partial(warm_up, content))
    # Lock-down, operator panel, hot reload, USB bundles, opening hours (after the window is up):
    operations = Operations(app, stage, controller, settings, monotonic, kiosk_mode=not windowed, now=datetime.now)
    # The health file for node_exporter and the screenshot for a look from afar (monitoring in the settings):
    watching = Watching(stage, operations, health, settings)
    code = app.exec()
    watching.stop()
    operations.stop()
    exhibit.accessibility.stop()
    return health.finish(code)
