"""Building the exhibit: one QApplication, the bundled fonts, the stage and the exhibit's controller.

No global state: :func:`build_exhibit` wires explicit dependencies and returns them; :mod:`kiosk.qt.app.run` shows
the result on a screen with everything that keeps it running.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QGraphicsScene

from kiosk.content.line_breaks import LineBreaker
from kiosk.content.model import Content
from kiosk.content.segment_cache import SegmentCache
from kiosk.paths import default_assets_dir
from kiosk.qt.accessibility.room import Accessibility
from kiosk.qt.accessibility.sound import RecordingOutput, SoundOutput
from kiosk.qt.app.renderer import use_renderer
from kiosk.qt.exhibit.charts import import_charts
from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.qt.exhibit.screens.take_home import qr_modules
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.typography import Typography
from kiosk.service.memory import freeze_long_lived
from kiosk.settings.model import AccessibilitySettings, ExhibitSettings


@dataclass
class BuiltExhibit:
    """What :func:`build_exhibit` makes: the view the exhibit is drawn in, its controller and the visitor's
    accessibility (menu, reading aloud)."""

    stage: Stage
    controller: ExhibitController
    accessibility: Accessibility


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def warm_up(content: Content) -> None:
    """What a started exhibit does while its attract loop plays, before the first visitor: pyqtgraph (NumPy) is
    imported (about half a second, not on the first tap on a pillar with a chart), and the QR library with the code
    every story sheet shows (35 ms the first time: in a frame of Home's count-ups, where the sheets are built ahead,
    or in a tap). Then what start-up made is frozen for the cycle collector (kiosk.service.memory.freeze_long_lived)."""
    import_charts()
    qr_modules(content.exhibit.article.url)
    freeze_long_lived()


def build_exhibit(
    content: Content,
    settings: ExhibitSettings,
    clock: Callable[[], float],
    *,
    content_dir: Path | None = None,
    assets_dir: Path | None = None,
    accessibility: AccessibilitySettings | None = None,
    sound: SoundOutput | None = None,
    speech_dir: Path | None = None,
    segments: SegmentCache | None = None,
) -> BuiltExhibit:
    """The exhibit's view and controller for ``content`` (a QApplication must exist), as ``settings`` say: the
    screen's rotation, the language it starts in, its idle and attract timing, reduced motion. Reading aloud plays
    through ``sound`` (default: nothing is heard) what is prepared in ``speech_dir`` (None: nothing is prepared).
    ``segments``: where the line breaker's words are kept (None: in memory, the segmenter loaded at the first text)."""
    assets = assets_dir or default_assets_dir()
    family = load_bundled_fonts(assets)[0]
    application().setFont(QFont(family))
    # Every static item draws from a pixmap cache: the stage sizes it for its screen (see Stage.size_caches).
    scene = QGraphicsScene()
    stage = Stage(scene, QColor(content.exhibit.theme.ground), settings.rotate_deg)
    use_renderer(stage, settings.renderer)  # before anything watches the viewport
    show_title(stage, content)
    controller = ExhibitController(
        content,
        stage,
        Typography(family, LineBreaker(content.exhibit.keep_together, segments)),
        IconLibrary(assets / "icons"),
        clock,
        settings,
        content_dir,
    )
    # A hot reload or a bundle brings a new title with it: the window (task bar, window list) follows the content.
    controller.content_adopted.connect(lambda adopted: show_title(stage, adopted))
    access = Accessibility(
        controller, accessibility or AccessibilitySettings(), sound or RecordingOutput(), clock, speech_dir
    )
    return BuiltExhibit(stage, controller, access)


def show_title(stage: Stage, content: Content) -> None:
    """The window's title: the exhibit's title in its default language."""
    stage.setWindowTitle(content.exhibit.title.get(content.exhibit.default_language))
