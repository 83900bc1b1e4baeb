"""Run on an X server: the exhibit's home screen drawn with ``RENDERER`` (argv[1]), read back from the X server
and saved as a PNG (argv[2]); prints the renderer chosen, the OpenGL renderer's name and the viewport's class.
For test_renderer_gl.py."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from kiosk.clock import ManualClock
from kiosk.content.loader import load_content
from kiosk.qt.app.build import build_exhibit
from kiosk.qt.app.renderer import choose_renderer, gl_renderer_name
from kiosk.settings.model import ExhibitSettings

ROOT = Path(__file__).resolve().parents[3]
SIZE = (1280, 720)


def main() -> None:
    renderer, out = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    content = load_content(ROOT / "content").content
    assert content is not None
    clock = ManualClock()
    exhibit = build_exhibit(content, ExhibitSettings(renderer=renderer), clock)  # type: ignore[arg-type]
    stage, controller = exhibit.stage, exhibit.controller
    stage.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    stage.setGeometry(0, 0, *SIZE)
    stage.show()
    controller.stop_timers()
    controller.wake()
    for _ in range(3):  # through its transition frame by frame, then everything to its end
        controller.settle(clock.advance)
        for _ in range(20):
            QCoreApplication.processEvents()
    stage.viewport().update()  # all of it, and what reached the X server is read back from it
    for _ in range(5):
        QGuiApplication.sync()
    viewport = stage.viewport()
    image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
    image.convertToFormat(QImage.Format.Format_RGB32).save(str(out))
    print(f"chosen={choose_renderer(renderer)[0]} gl={gl_renderer_name()!r} viewport={type(viewport).__name__}")
    controller.stop_timers()
    stage.close()
    app.processEvents()


if __name__ == "__main__":
    main()
