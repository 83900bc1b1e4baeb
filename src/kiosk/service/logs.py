"""Logging for an exhibit that runs for weeks (pure Python): the ``kiosk.*`` loggers write to stderr (journald keeps
it) and to a rotating file ``<log_dir>/kiosk.log``.

A disk that is full or read-only never stops the exhibit and never floods stderr: when the file stops working one
line says so on stderr, messages then go to stderr only, opening the file is tried again at most every
``RETRY_S`` seconds, and one line says when it works again. Then the crash log is opened again too (whatever
stopped the file may have stopped it, or kept it from opening at start), with one line saying so.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from kiosk.clock import monotonic
from kiosk.service.crash_log import CrashLog, enable_crash_log


class LogOptions(Protocol):
    """What logging needs to know (the settings file's ``logging`` section has these)."""

    @property
    def level(self) -> str: ...
    @property
    def file_kb(self) -> int: ...
    @property
    def files(self) -> int: ...


LOGGER = "kiosk"
LOG_FILE = "kiosk.log"
RETRY_S = 60.0
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"  # journald adds the time
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


class QuietStreamHandler(logging.StreamHandler[TextIO]):
    """stderr: if even that fails (its reader is gone), the message is dropped, nothing is raised or printed."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass


class ResilientFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that survives a full or read-only disk (see the module's text).

    ``say`` prints the two notices (stopped working / works again) where people look: stderr. ``on_resume`` (set
    by whoever needs it) is called once the file works again after it stopped.
    """

    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int,
        backups: int,
        say: Callable[[str], None],
        clock: Callable[[], float] = monotonic,
        retry_s: float = RETRY_S,
    ):
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True)
        self._say = say
        self._clock = clock
        self._retry_s = retry_s
        self._retry_at: float | None = None  # set while the file is not working
        self._error_in_emit = False
        self.on_resume: Callable[[], None] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._retry_at is not None and self._clock() < self._retry_at:
            return  # the file failed lately: stderr has the message, try again later
        self._error_in_emit = False
        super().emit(record)  # catches its own errors and calls handleError
        if not self._error_in_emit and self._retry_at is not None:
            self._retry_at = None
            self._say(f"kiosk: the log file {self.baseFilename} works again")
            if self.on_resume is not None:
                self.on_resume()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        self._error_in_emit = True
        error = sys.exc_info()[1]
        self._drop_stream()
        if self._retry_at is None:
            self._say(
                f"kiosk: cannot write the log file {self.baseFilename}: {error}; logging to stderr only "
                f"until it works again (tried every {self._retry_s:g} s). Check the free space and the "
                f"permissions of {Path(self.baseFilename).parent}"
            )
        self._retry_at = self._clock() + self._retry_s

    def _drop_stream(self) -> None:
        stream, self.stream = self.stream, None  # the next emit opens the file again
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass  # the unwritten buffer is lost with the disk


@dataclass
class LogSetup:
    """What :func:`setup_logging` installed, to flush or take away again (tests, a restart)."""

    logger: logging.Logger
    stderr_handler: logging.Handler
    file_handler: ResilientFileHandler | None
    path: Path | None

    def flush(self) -> None:
        for handler in self.handlers:
            try:
                handler.flush()
            except (OSError, ValueError):
                pass

    @property
    def handlers(self) -> list[logging.Handler]:
        return [h for h in (self.stderr_handler, self.file_handler) if h is not None]

    def close(self) -> None:
        for handler in self.handlers:
            self.logger.removeHandler(handler)
            try:
                handler.close()
            except (OSError, ValueError):
                pass


def level_number(level: str | int) -> int:
    """``"info"`` (any case) or a logging level number → the number; ValueError names the choices."""
    if isinstance(level, int):
        return level
    try:
        return LEVELS[level.lower()]
    except KeyError:
        raise ValueError(f"log level {level!r}: use one of {', '.join(LEVELS)}") from None


def setup_logging(
    log_dir: Path | None,
    options: LogOptions,
    *,
    stream: TextIO | None = None,
    clock: Callable[[], float] = monotonic,
) -> LogSetup:
    """Send the ``kiosk.*`` loggers at ``options.level`` to ``stream`` (default stderr) and to
    ``<log_dir>/kiosk.log`` rotated at ``options.file_kb`` KiB with ``options.files`` old files kept. ``log_dir``
    None, or a folder that cannot be created → stderr only, with one line saying why. Call ``close()`` on the result
    to take the handlers away."""
    err = stream if stream is not None else sys.stderr
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level_number(options.level))
    stderr_handler = QuietStreamHandler(err)
    stderr_handler.setFormatter(logging.Formatter(STDERR_FORMAT))
    logger.addHandler(stderr_handler)

    def say(line: str) -> None:
        try:
            print(line, file=err, flush=True)
        except (OSError, ValueError):
            pass

    file_handler, path = None, None
    if log_dir is not None:
        try:
            Path(log_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            say(
                f"kiosk: cannot create the log folder {log_dir}: {exc}; logging to stderr only. Set "
                f"logging/folders log_dir in the settings file to a writable folder"
            )
        else:
            path = Path(log_dir) / LOG_FILE
            file_handler = ResilientFileHandler(
                path, max_bytes=max(1, options.file_kb) * 1024, backups=max(1, options.files), say=say, clock=clock
            )
            file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
            logger.addHandler(file_handler)
    return LogSetup(logger, stderr_handler, file_handler, path)


@dataclass
class ProcessLogs:
    """The logs of one ``kiosk run``: the handlers, and the crash log (None when it could not be opened)."""

    logs: LogSetup
    crash_log: CrashLog | None

    def reopen_crash_log(self) -> None:
        """The file log works again after a full or read-only disk: so may the crash log, which then could not be
        opened or lost its file. It is opened afresh (a header line in it), and one log line says how it went."""
        if self.logs.path is None:
            return
        if self.crash_log is not None:
            self.crash_log.close()
        self.crash_log = enable_crash_log(self.logs.path.parent, event="crash log re-opened")
        if self.crash_log is not None:
            logging.getLogger(__name__).info("the crash log %s works again", self.crash_log.path)


def start_process_logs(
    log_dir: Path | None, options: LogOptions, *, stream: TextIO | None = None, clock: Callable[[], float] = monotonic
) -> ProcessLogs:
    """Logging and the crash log as the effective settings say (``folders.log_dir``, the ``logging`` section).
    ``stream`` and ``clock`` as for :func:`setup_logging`."""
    logs = setup_logging(log_dir, options, stream=stream, clock=clock)
    crash_log = enable_crash_log(log_dir) if log_dir is not None and logs.file_handler is not None else None
    process_logs = ProcessLogs(logs, crash_log)
    if logs.file_handler is not None:
        logs.file_handler.on_resume = process_logs.reopen_crash_log
    logging.getLogger(__name__).info(
        "logging to %s (crash log: %s)", logs.path or "stderr only", crash_log.path if crash_log else "none"
    )
    return process_logs
