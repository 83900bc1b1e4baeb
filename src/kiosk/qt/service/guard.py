"""The exception guard: an error anywhere in the UI is logged with its traceback and the exhibit recovers (back to
the attract loop) instead of showing a broken screen; errors that keep coming end the process for a clean start.

PySide6 hands an exception raised in a slot or in a Qt override (paintEvent, eventFilter...) to ``sys.excepthook``
and carries on; the guard is that hook while installed.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QTimer

from kiosk.clock import monotonic
from kiosk.exit_codes import ExitCode

_log = logging.getLogger(__name__)
MAX_ERRORS = 5
ERROR_WINDOW_S = 60.0

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorBurst:
    """Counts errors on ``clock``: :meth:`note` says whether more than ``max_errors`` came within ``window_s``."""

    def __init__(
        self, max_errors: int = MAX_ERRORS, window_s: float = ERROR_WINDOW_S, clock: Callable[[], float] = monotonic
    ):
        self.max_errors = max_errors
        self.window_s = window_s
        self._clock = clock
        self._times: deque[float] = deque()

    def note(self) -> bool:
        now = self._clock()
        self._times.append(now)
        while self._times and self._times[0] <= now - self.window_s:
            self._times.popleft()
        return len(self._times) > self.max_errors


class ExceptionGuard(QObject):
    """While installed, an uncaught exception is logged and ``recover()`` runs on the next event-loop turn.

    More than ``burst.max_errors`` errors within ``burst.window_s`` → no more recovering: ``quit(70)``, once.
    ``on_error(text)`` (optional) hears of each error, e.g. for a systemd status line.
    """

    def __init__(
        self,
        recover: Callable[[], None],
        quit: Callable[[int], None],
        *,
        burst: ErrorBurst | None = None,
        on_error: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._recover_with = recover
        self._quit = quit
        self.burst = burst or ErrorBurst()
        self._on_error = on_error
        self._previous: ExceptHook | None = None
        self._recovery_pending = False
        self.gave_up = False
        self.errors = 0
        self.recoveries = 0

    @property
    def installed(self) -> bool:
        return self._previous is not None

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None:
            if sys.excepthook == self.handle:
                sys.excepthook = self._previous
            self._previous = None

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook`` while installed."""
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C before the signal handlers were in place
            _log.info("interrupted: quitting")
            self._quit(0)
            return
        _log.error("unexpected error in the exhibit (%s: %s)", kind.__name__, error, exc_info=(kind, error, tb))
        self._count(f"{kind.__name__}: {error}")

    def _count(self, what: str, recover: bool = True) -> None:
        self.errors += 1
        if self._on_error is not None:
            self._on_error(what)
        if self.gave_up:
            return
        if self.burst.note():
            self.gave_up = True
            _log.critical(
                "%d errors within %g s: the exhibit quits (exit status %d) so that the service manager "
                "starts a clean process",
                self.burst.max_errors + 1,
                self.burst.window_s,
                ExitCode.TOO_MANY_ERRORS,
            )
            self._quit(ExitCode.TOO_MANY_ERRORS)
            return
        if recover and not self._recovery_pending:
            self._recovery_pending = True
            QTimer.singleShot(0, self, self._recover)  # not from inside the code that just failed

    def _recover(self) -> None:
        self._recovery_pending = False
        if self.gave_up:
            return
        _log.warning("recovering after the error: back to the attract loop")
        try:
            self._recover_with()
        except Exception as exc:
            _log.error("recovery after an error failed", exc_info=True)
            # Counted towards quitting, but not retried at once: it would most likely fail the same way.
            self._count(f"recovery failed: {type(exc).__name__}: {exc}", recover=False)
        else:
            self.recoveries += 1
