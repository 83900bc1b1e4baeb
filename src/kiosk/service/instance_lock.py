"""One exhibit per state folder (pure Python): two exhibits on the same folder would fight over the screen, the
content releases and the PIN lock. ``kiosk run`` takes an exclusive ``flock`` on ``<state_dir>/kiosk.lock`` first.

The operating system lets go of the lock when the process ends, however it ends (a crash, ``kill -9``), so there is
never a stale lock to clear by hand; the file itself stays and only names the last holder's process id. A restart
in place (``exec``) closes the file and takes the lock afresh. Windows has no ``flock``: there the check is skipped
with one log line.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

if sys.platform != "win32":
    import fcntl

_log = logging.getLogger(__name__)
LOCK_FILE = "kiosk.lock"


class AlreadyRunning(Exception):
    """Another process holds the lock of ``state_dir``; ``pid`` is the one it wrote (None when unreadable)."""

    def __init__(self, state_dir: Path, pid: int | None):
        self.state_dir, self.pid = state_dir, pid
        holder = f"pid {pid}" if pid is not None else "pid unknown"
        super().__init__(f"another exhibit is already running with state folder {state_dir} ({holder})")


class InstanceLock:
    """The held lock; :meth:`release` (or leaving a ``with`` block) lets it go before the process ends."""

    def __init__(self, path: Path, fd: int | None):
        self.path = path
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the file lets go of the flock

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire_instance_lock(state_dir: Path) -> InstanceLock:
    """The lock of ``state_dir``, held until released or the process ends. Raises :class:`AlreadyRunning` when
    another process holds it. A folder that cannot be made or written, and Windows, give one log line and a lock that
    is not held (the exhibit runs unchecked rather than not at all)."""
    path = Path(state_dir) / LOCK_FILE
    if sys.platform == "win32":
        _log.warning("one exhibit per state folder is not checked on Windows (no flock): %s", path)
        return InstanceLock(path, None)
    try:
        Path(state_dir).mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        _log.warning("cannot open the instance lock %s: %s; a second exhibit on this folder is not stopped", path, exc)
        return InstanceLock(path, None)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = _holder(fd)
        os.close(fd)
        raise AlreadyRunning(Path(state_dir), pid) from None
    except OSError as exc:  # a file system without locks (some network mounts)
        os.close(fd)
        _log.warning("cannot lock %s: %s; a second exhibit on this folder is not stopped", path, exc)
        return InstanceLock(path, None)
    with contextlib.suppress(OSError):  # the pid is only for the message of a second exhibit
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return InstanceLock(path, fd)


def _holder(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
