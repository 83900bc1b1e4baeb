"""Frame intervals of the running exhibit, measured where frames are drawn: each paint of the stage's viewport is a
frame (an event filter, so nothing is added to the drawing itself). The pure histogram keeps the counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.service.fleet.frames import FrameHistogram


class FrameMeter(QObject):
    """Counts the paints of ``viewport`` into ``histogram`` on ``clock`` (monotonic seconds) until :meth:`remove`."""

    def __init__(self, viewport: QWidget, clock: Callable[[], float], histogram: FrameHistogram | None = None):
        super().__init__(viewport)
        self.viewport = viewport
        self.histogram = histogram or FrameHistogram()
        self._clock = clock
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.histogram.frame(self._clock())
        return False

    def remove(self) -> None:
        self.viewport.removeEventFilter(self)
