"""Application set-up: one QApplication, the bundled fonts, the content, the window. No global state."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from ..content.loader import load_content
from ..content.model import Content
from ..paths import default_assets_dir
from .fonts import load_bundled_fonts
from .home_preview import HomePreview

WINDOWED_SIZE = (1280, 720)


def build_window(content: Content, family: str, windowed: bool) -> HomePreview:
    window = HomePreview(content, content.exhibit.default_language, family)
    window.setWindowTitle(content.exhibit.title.get(content.exhibit.default_language))
    quit_shortcut = QShortcut(QKeySequence("Ctrl+Q"), window)
    quit_shortcut.activated.connect(window.close)
    if windowed:
        window.resize(*WINDOWED_SIZE)
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.setCursor(Qt.CursorShape.BlankCursor)
    return window


def run_exhibit(content_dir: Path, windowed: bool) -> int:
    result = load_content(content_dir, strict_assets=False)
    for problem in result.warnings:
        print(f"warning: {problem}", file=sys.stderr)
    if not result.ok:
        for error in result.errors:
            print(error, file=sys.stderr)
        print(f"{content_dir}: the content has {len(result.errors)} error(s); see above", file=sys.stderr)
        return 1
    assert result.content is not None

    app = QApplication.instance() or QApplication(sys.argv[:1])
    families = load_bundled_fonts(default_assets_dir())
    app.setFont(QFont(families[0]))
    window = build_window(result.content, families[0], windowed)
    if windowed:
        window.show()
    else:
        # Without a window manager (a bare X session) full-screen is only a hint: take the screen's size too.
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()
    return app.exec()
