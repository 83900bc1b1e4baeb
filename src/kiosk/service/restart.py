"""Starting this same program again in place of the running one (pure Python).

``os.execv`` keeps the process id, so systemd (``Type=notify``) and a compositor that started the exhibit see the
same process: it sends ``READY=1`` again once it shows. Call :func:`reexec` only after the window is closed and the
logs are flushed; descriptors Python opened are not inherited (they are close-on-exec).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping, Sequence

_log = logging.getLogger(__name__)
RESTARTS_ENV = "KIOSK_SELF_RESTARTS"  # carried over execv: how many times this process restarted itself


def self_restarts(environ: Mapping[str, str]) -> int:
    """How many times the program restarted itself in this process (0 after a start by the service manager)."""
    value = environ.get(RESTARTS_ENV, "")
    return int(value) if value.isdigit() else 0


def count_self_restart(environ: MutableMapping[str, str]) -> None:
    """Before :func:`reexec`: one restart more, for the program that comes next (the environment goes over)."""
    environ[RESTARTS_ENV] = str(self_restarts(environ) + 1)


def restart_argv(
    *,
    executable: str | None = None,
    argv: Sequence[str] | None = None,
    orig_argv: Sequence[str] | None = None,
    frozen: bool | None = None,
) -> list[str]:
    """The command line that starts this program again with the same arguments.

    A frozen bundle is its own executable: ``[executable, *argv[1:]]``. Otherwise the interpreter with the options
    and script or ``-m module`` it was started with: ``[executable, *orig_argv[1:]]``.
    """
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if frozen:
        return [executable, *(sys.argv if argv is None else argv)[1:]]
    return [executable, *(sys.orig_argv if orig_argv is None else orig_argv)[1:]]


def reexec(argv: Sequence[str] | None = None, *, execv: Callable[[str, list[str]], object] = os.execv) -> None:
    """Replace this process by a fresh start of the program (returns only if that failed, after a log line)."""
    command = list(argv) if argv is not None else restart_argv()
    _log.info("restarting: %s", " ".join(command))
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    try:
        execv(command[0], command)
    except OSError as exc:
        _log.error(
            "could not restart the exhibit (%s: %s); it quits and the service manager starts it again", command[0], exc
        )
