"""Telling systemd how the exhibit is doing (the sd_notify protocol) without libsystemd (pure Python).

systemd passes the address of its notification socket in ``NOTIFY_SOCKET``: a file path, or an abstract socket
written ``@name``. Each message is one datagram of ``KEY=value`` lines: ``READY=1`` once the exhibit shows,
``WATCHDOG=1`` at least every half of ``WATCHDOG_USEC`` while it is alive, ``STOPPING=1`` when it quits,
``STATUS=...`` for ``systemctl status``. Without ``NOTIFY_SOCKET`` (started by hand) nothing is sent.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Mapping
from pathlib import Path

_log = logging.getLogger(__name__)


class Notifier:
    """Datagrams to one notification socket; :meth:`send` never raises."""

    def __init__(self, address: str):
        if not address or address[0] not in "@/":
            raise ValueError(f"NOTIFY_SOCKET={address!r}: not a socket path nor an abstract socket (@name)")
        self.address = address
        self._target = "\0" + address[1:] if address.startswith("@") else address
        self._socket: socket.socket | None = None
        self._failed = False

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Notifier | None:
        """The notifier ``environ`` asks for, or None when ``NOTIFY_SOCKET`` is unset, empty or unusable."""
        address = environ.get("NOTIFY_SOCKET", "")
        if not address:
            return None
        try:
            return cls(address)
        except ValueError as exc:
            _log.warning("%s; systemd will not be told that the exhibit is ready or alive", exc)
            return None

    def send(self, text: str) -> bool:
        """Send one message (``READY=1``, ``WATCHDOG=1``, ``STATUS=...`` lines); whether it went out."""
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._socket.sendto(text.encode("utf-8"), self._target)
        except OSError as exc:
            if not self._failed:  # one line, not one per watchdog ping
                _log.warning(
                    "cannot notify systemd at NOTIFY_SOCKET=%s: %s (%r not sent; further failures are not logged)",
                    self.address,
                    exc,
                    text.splitlines()[0] if text else text,
                )
            self._failed = True
            self.close()
            return False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def own_ancestry(pid: int | None = None, parent_of: Callable[[int], int | None] | None = None) -> list[int]:
    """``pid`` (default: this process) and its ancestors up to the first process, nearest first."""
    parent_of = parent_of or _parent_from_proc
    chain = [os.getpid() if pid is None else pid]
    while len(chain) < 64:
        parent = parent_of(chain[-1])
        if parent is None or parent <= 0 or parent in chain:
            break
        chain.append(parent)
    return chain


def _parent_from_proc(pid: int) -> int | None:
    """The parent of ``pid`` from /proc (Linux); None elsewhere or when it cannot be read."""
    if pid == os.getpid():
        return os.getppid()
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return int(stat.rsplit(")", 1)[1].split()[1])  # after "pid (comm) state": the parent's pid
    except (OSError, ValueError, IndexError):
        return None


def watchdog_interval_s(environ: Mapping[str, str], ancestry: Callable[[], list[int]] = own_ancestry) -> float | None:
    """How often to send ``WATCHDOG=1`` (half of ``WATCHDOG_USEC``), or None when systemd watches no one here.

    ``WATCHDOG_PID`` names the process systemd started. It is honoured as "ours" when it is this process or one of
    its ancestors: the exhibit runs as a child of the compositor (cage) or of xinit, which the unit starts with
    ``NotifyAccess=all`` — the ping has to come from the exhibit's GUI thread, not from the compositor. A pid that is
    neither (the variable leaked into an unrelated program) means no watchdog.
    """
    usec_text = environ.get("WATCHDOG_USEC", "")
    if not usec_text or not environ.get("NOTIFY_SOCKET"):
        return None
    try:
        usec = int(usec_text)
    except ValueError:
        _log.warning("WATCHDOG_USEC=%r is not a number of microseconds: no watchdog pings", usec_text)
        return None
    if usec <= 0:
        return None
    pid_text = environ.get("WATCHDOG_PID", "")
    if pid_text:
        try:
            pid = int(pid_text)
        except ValueError:
            _log.warning("WATCHDOG_PID=%r is not a process id: no watchdog pings", pid_text)
            return None
        if pid not in ancestry():
            _log.info("WATCHDOG_PID=%d is neither this process nor one of its parents: no watchdog pings", pid)
            return None
    return usec / 2 / 1_000_000
