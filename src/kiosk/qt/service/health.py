"""Self-healing for an exhibit that runs unattended, wired in one place (:func:`install_health`):

- an exception anywhere in the UI is logged and the exhibit goes back to the attract loop (:mod:`.guard`);
- systemd hears ``READY=1``, ``WATCHDOG=1`` and ``STOPPING=1`` when it asked for them (:mod:`.watchdog`);
- SIGTERM and SIGINT quit cleanly (:mod:`.signals`);
- above a memory ceiling the exhibit starts itself again when it next reaches the attract loop.

``run_exhibit`` calls ``install_health(app, window, recover, clock)`` before ``app.exec()`` and ``health.finish(code)``
after it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, MutableMapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.exhibit.navigation import Attract, Screen
from kiosk.qt.service.guard import ErrorBurst, ExceptionGuard
from kiosk.qt.service.posix_signals import QuitOnSignals
from kiosk.qt.service.watchdog import SystemdLink
from kiosk.service.memory import MemoryCeiling, rss_mb
from kiosk.service.restart import count_self_restart, reexec
from kiosk.service.sd_notify import Notifier, watchdog_interval_s

_log = logging.getLogger(__name__)


class Health(QObject):
    """The installed pieces (see the module's text); :meth:`finish` takes them away again."""

    def __init__(
        self,
        app: QApplication,
        window: QWidget,
        *,
        recover: Callable[[], None],
        environ: Mapping[str, str],
        ceiling: MemoryCeiling,
        burst: ErrorBurst,
        restart: Callable[[], None],
    ):
        super().__init__(app)
        self.app = app
        self.window = window
        self.ceiling = ceiling
        self.restart_requested = False
        self.errors = 0  # recovered from since the start (the health file's kiosk_errors_total)
        self._environ = environ
        self._restart = restart
        notifier = Notifier.from_environ(environ)
        self.systemd = None if notifier is None else SystemdLink(notifier, window, watchdog_interval_s(environ), self)
        self.guard = ExceptionGuard(recover, app.exit, burst=burst, on_error=self._on_error, parent=self)
        self.signals = QuitOnSignals(app.quit, parent=self)
        self.guard.install()
        self.signals.install()
        app.aboutToQuit.connect(self._about_to_quit)
        self._installed = True

    def status(self, text: str) -> None:
        """A line for ``systemctl status`` (when systemd listens)."""
        if self.systemd is not None:
            self.systemd.status(text)

    def _on_error(self, what: str) -> None:
        self.errors += 1
        self.status(f"recovered from an error: {what}"[:200])

    def on_screen_shown(self, screen: Screen) -> None:
        """Connect the exhibit's ``screen_shown`` here: the attract loop is the quiet moment for a restart."""
        if isinstance(screen, Attract) and self.ceiling.max_mb is not None:
            QTimer.singleShot(0, self, self.check_memory)  # once the attract loop is on screen

    def check_memory(self) -> bool:
        """Above the memory ceiling: ask for a clean restart (True)."""
        used = self.ceiling.exceeded()
        if used is None:
            return False
        self.request_restart(
            f"the exhibit uses {used:.0f} MB, above the ceiling of {self.ceiling.max_mb:g} MB "
            f"(health max_rss_mb in the settings file)"
        )
        return True

    def request_restart(self, reason: str) -> None:
        """Leave the event loop; :meth:`finish` then starts the program again in this same process."""
        if self.restart_requested:
            return
        self.restart_requested = True
        _log.warning("%s: restarting", reason)
        self.status(f"restarting: {reason}"[:200])
        self.app.exit(0)

    def _about_to_quit(self) -> None:
        # A restart keeps the process (execv): systemd must not hear that the service stops.
        if self.systemd is not None and not self.restart_requested:
            self.systemd.stopping()

    def uninstall(self) -> None:
        if not self._installed:
            return
        self._installed = False
        self.app.aboutToQuit.disconnect(self._about_to_quit)
        self.guard.uninstall()
        self.signals.uninstall()
        if self.systemd is not None:
            self.systemd.close()

    def finish(self, code: int) -> int:
        """After ``app.exec()`` returned ``code``: take everything away; on a requested restart close the window,
        flush the logs and start again (this returns only if starting again failed: then exit status 1)."""
        self.uninstall()
        if not self.restart_requested:
            return code
        self.window.close()
        QApplication.processEvents()
        for handler in logging.getLogger("kiosk").handlers:
            handler.flush()
        if isinstance(self._environ, MutableMapping):  # carried to the program that comes next
            count_self_restart(self._environ)
        self._restart()
        return 1


def install_health(
    app: QApplication,
    window: QWidget,
    recover: Callable[[], None],
    clock: Callable[[], float],
    *,
    environ: Mapping[str, str] | None = None,
    max_rss_mb: float | None = None,
    rss: Callable[[], float | None] = rss_mb,
    max_errors: int = 5,
    error_window_s: float = 60.0,
    restart: Callable[[], None] = reexec,
) -> Health:
    """Guard, systemd link, signal handling and memory ceiling for the exhibit shown in ``window`` (see the
    module's text). ``recover`` brings the exhibit back to a known screen after an error; ``environ`` defaults to
    the process's environment. Connect the exhibit's ``screen_shown`` to :meth:`Health.on_screen_shown`.
    """
    return Health(
        app,
        window,
        recover=recover,
        environ=os.environ if environ is None else environ,
        ceiling=MemoryCeiling(max_rss_mb, rss=rss),
        burst=ErrorBurst(max_errors, error_window_s, clock),
        restart=restart,
    )
