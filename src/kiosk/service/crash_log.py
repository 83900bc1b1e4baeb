"""Native crashes (a segmentation fault in Qt or a driver, an abort) written to ``<log_dir>/crash.log`` (pure Python).

Python's ``faulthandler`` prints the Python stack of every thread when the process dies of SIGSEGV, SIGFPE,
SIGABRT, SIGBUS or SIGILL — the only trace such a crash leaves, since no Python code runs after it. Each process
start appends a header line, so the file tells which start crashed and when; so does each re-opening after the disk
came back (:mod:`kiosk.service.logs` re-opens it when the file log works again).
"""

from __future__ import annotations

import faulthandler
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

_log = logging.getLogger(__name__)
CRASH_FILE = "crash.log"


class CrashLog:
    """The open crash file that ``faulthandler`` writes to; :meth:`close` stops that."""

    def __init__(self, path: Path, file: BinaryIO):
        self.path = path
        self._file: BinaryIO | None = file

    def close(self) -> None:
        if self._file is not None:
            faulthandler.disable()
            self._file.close()
            self._file = None


def enable_crash_log(
    log_dir: Path, *, now: Callable[[], datetime] = datetime.now, event: str = "started"
) -> CrashLog | None:
    """Append a header to ``<log_dir>/crash.log`` and have ``faulthandler`` write native crashes there.
    ``event`` names why in the header: ``started``, or ``crash log re-opened`` after the disk came back.

    A folder that cannot be written gives one log line and None (the exhibit runs on without a crash log).
    """
    path = Path(log_dir) / CRASH_FILE
    try:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
        file = open(path, "ab", buffering=0)
        header = f"=== kiosk {event} {now().isoformat(timespec='seconds')} (pid {os.getpid()}) ===\n"
        file.write(header.encode("utf-8"))
    except OSError as exc:
        _log.warning(
            "cannot write the crash log %s: %s; a native crash will leave no trace. Make the log "
            "folder writable (logging/folders log_dir in the settings file)",
            path,
            exc,
        )
        return None
    faulthandler.enable(file=file, all_threads=True)
    return CrashLog(path, file)
