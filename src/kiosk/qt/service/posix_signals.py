"""SIGTERM and SIGINT quit the exhibit cleanly (exit status 0), even while Qt's event loop runs in C++.

Python runs its signal handlers only when the interpreter gets control, which an idle Qt event loop never gives it.
``signal.set_wakeup_fd`` makes the C-level handler write the signal's number to a socket; a QSocketNotifier on the
other end wakes the event loop, which then quits through the callback (``QApplication.quit``). No busy timer.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable, Iterable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

_log = logging.getLogger(__name__)
QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)

Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


class QuitOnSignals(QObject):
    """While installed, each of ``signals`` calls ``quit()`` from the event loop (once per signal received)."""

    def __init__(
        self, quit: Callable[[], None], signals: Iterable[signal.Signals] = QUIT_SIGNALS, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._quit = quit
        self.signals = tuple(signals)
        self._previous: dict[signal.Signals, Handler] = {}
        self._previous_fd: int | None = None
        self._pair: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self.received: list[signal.Signals] = []

    def install(self) -> bool:
        """Take over the signals; False (and one log line) where that is impossible (not the main thread)."""
        if self._pair is not None:
            return True
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        try:
            self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        except ValueError as exc:
            _log.warning("cannot handle SIGTERM/SIGINT here (%s): they end the exhibit without a clean quit", exc)
            reader.close()
            writer.close()
            return False
        self._pair = (reader, writer)
        for number in self.signals:
            self._previous[number] = signal.signal(number, self._on_python_signal)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        return True

    def uninstall(self) -> None:
        if self._pair is None:
            return
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd if self._previous_fd is not None else -1)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for end in self._pair:
            end.close()
        self._pair = None

    @staticmethod
    def _on_python_signal(number: int, frame: FrameType | None) -> None:
        """Nothing to do here: the number reached the wakeup socket, and the event loop acts on it."""

    def _on_wakeup(self) -> None:
        if self._pair is None:
            return
        try:
            data = self._pair[0].recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in data:
            if number not in self.signals:
                continue  # another signal with a Python handler (SIGCHLD...): not ours to act on
            name = signal.Signals(number).name
            self.received.append(signal.Signals(number))
            _log.info("%s received: quitting", name)
            self._quit()
