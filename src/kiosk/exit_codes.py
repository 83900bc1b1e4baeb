"""Every exit status of the ``kiosk`` command, in one place: the service units and the README refer to these."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # done, or stopped on request (SIGTERM, SIGINT)
    INVALID = 1  # bad content, settings, bundle or arguments: every problem was printed with file and line
    INTERNAL = 2  # an error in the program itself: the traceback is in the log
    OPERATOR_EXIT = 10  # the operator panel's Exit: the service units must not start the exhibit again
    TOO_MANY_ERRORS = 70  # EX_SOFTWARE, errors in a burst: the service manager starts a fresh process
    INTERRUPTED = 130  # a command other than run stopped with Ctrl+C (128 + SIGINT, as shells report it)
