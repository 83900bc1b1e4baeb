"""systemd's view of the exhibit: ``READY=1`` once the first frame is painted, ``WATCHDOG=1`` from a timer on the
GUI thread (an event loop that freezes stops the pings, and systemd restarts the process), ``STOPPING=1`` on the
way out. The datagrams themselves are :class:`kiosk.service.sd_notify.Notifier`'s job.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kiosk.qt.foundations.timers import named_timer
from kiosk.service.sd_notify import Notifier

_log = logging.getLogger(__name__)


class SystemdLink(QObject):
    """Notifies ``notifier`` about ``window``: ready after its first paint, alive every ``watchdog_s`` seconds."""

    def __init__(self, notifier: Notifier, window: QWidget, watchdog_s: float | None, parent: QObject | None = None):
        super().__init__(parent)
        self.notifier = notifier
        self.ready_sent = False
        self._ready_pending = False
        # A QGraphicsView paints on its viewport; the window itself gets no paint event for the picture.
        self._painted = window.viewport() if isinstance(window, QAbstractScrollArea) else window
        self._painted.installEventFilter(self)
        self._painted.update()  # a window painted before we watched paints once more
        self.watchdog_timer = named_timer(self, "watchdog_timer", self.ping, single_shot=False)
        if watchdog_s is not None:
            self.watchdog_timer.start(max(1, round(watchdog_s * 1000)))
            _log.info("systemd watchdog: a ping every %.3g s", watchdog_s)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not (self.ready_sent or self._ready_pending):
            self._ready_pending = True
            QTimer.singleShot(0, self, self._ready)  # once this paint has been done
        return False

    def _ready(self) -> None:
        self._painted.removeEventFilter(self)
        if not self.ready_sent:
            self.ready_sent = True
            self.notifier.send("READY=1\nSTATUS=showing the exhibit")
            _log.info("told systemd the exhibit is ready (%s)", self.notifier.address)

    def ping(self) -> None:
        self.notifier.send("WATCHDOG=1")

    def status(self, text: str) -> None:
        self.notifier.send("STATUS=" + " ".join(text.split()))

    def stopping(self) -> None:
        self.watchdog_timer.stop()
        self.notifier.send("STOPPING=1\nSTATUS=stopping")

    def close(self) -> None:
        self.watchdog_timer.stop()
        try:
            self._painted.removeEventFilter(self)
        except RuntimeError:
            pass  # the window is already deleted
        self.notifier.close()
