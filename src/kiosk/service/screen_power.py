"""Keeping the screen awake during opening hours and letting it sleep outside them, without Qt.

A *mechanism* is one way of talking to the display (X11's ``xset`` here; the freedesktop ScreenSaver over D-Bus in
``kiosk.qt.service.screensaver``). Each is optional: one that is missing on this machine says so in one log line and is
left out; one whose command fails logs one line (until it works again) and never raises or hangs.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

_log = logging.getLogger(__name__)
COMMAND_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Ran:
    """What a command did: its exit status and what it said on stderr."""

    returncode: int
    stderr: str = ""


Runner = Callable[[Sequence[str], float], Ran]


def run_command(args: Sequence[str], timeout_s: float) -> Ran:
    """Run ``args`` (no shell), give up after ``timeout_s``; raises OSError or subprocess.TimeoutExpired."""
    done = subprocess.run(
        list(args), capture_output=True, text=True, timeout=timeout_s, check=False, stdin=subprocess.DEVNULL
    )
    return Ran(done.returncode, done.stderr.strip())


class Mechanism(Protocol):
    name: str

    def keep_awake(self) -> None: ...
    def sleep(self) -> None: ...
    def release(self) -> None: ...


class FailureNote:
    """Logs a mechanism's failure once; after it works again, the next failure is logged again."""

    def __init__(self, name: str):
        self.name = name
        self.failing = False

    def failed(self, what: str, reason: object) -> None:
        if not self.failing:
            _log.warning("screen power (%s): %s failed: %s; carrying on without it", self.name, what, reason)
        else:
            _log.debug("screen power (%s): %s failed again: %s", self.name, what, reason)
        self.failing = True

    def worked(self) -> None:
        if self.failing:
            _log.info("screen power (%s) works again", self.name)
        self.failing = False


class Xset:
    """X11 screen blanking and DPMS through the ``xset`` program."""

    name = "xset"
    KEEP_AWAKE = (("s", "off", "s", "noblank", "-dpms"),)
    WAKE = (("dpms", "force", "on"), ("s", "reset"))
    SLEEP = (("dpms", "force", "off"),)

    def __init__(self, program: str, runner: Runner = run_command, timeout_s: float = COMMAND_TIMEOUT_S):
        self.program = program
        self._runner = runner
        self._timeout_s = timeout_s
        self._note = FailureNote(self.name)
        self._asleep = False

    @classmethod
    def find(
        cls, environ: Mapping[str, str], runner: Runner = run_command, which: Callable[[str], str | None] = shutil.which
    ) -> Xset | None:
        """An ``Xset`` when this is an X11 session with ``xset`` installed; otherwise None and one log line."""
        if not environ.get("DISPLAY"):
            _log.info("screen power: no X11 display (DISPLAY is not set); xset is not used")
            return None
        program = which("xset")
        if program is None:
            _log.info("screen power: the xset program is not installed (Debian: x11-xserver-utils); not used")
            return None
        return cls(program, runner)

    def keep_awake(self) -> None:
        """No blanking, no DPMS; a display put to sleep by :meth:`sleep` is switched on first."""
        commands = (self.WAKE if self._asleep else ()) + self.KEEP_AWAKE
        if self._run_all("keeping the screen awake", commands):
            self._asleep = False

    def sleep(self) -> None:
        if self._run_all("putting the display to sleep", self.SLEEP):
            self._asleep = True

    def release(self) -> None:
        """Nothing to undo: the X server's settings are the exhibit's own for as long as it runs."""

    def _run_all(self, what: str, commands: Sequence[Sequence[str]]) -> bool:
        for arguments in commands:
            args = [self.program, *arguments]
            try:
                ran = self._runner(args, self._timeout_s)
            except subprocess.TimeoutExpired:
                self._note.failed(what, f"'{' '.join(args)}' did not finish within {self._timeout_s:g} s")
                return False
            except OSError as exc:
                self._note.failed(what, f"'{' '.join(args)}' could not be started: {exc}")
                return False
            if ran.returncode != 0:
                said = f": {ran.stderr}" if ran.stderr else ""
                self._note.failed(what, f"'{' '.join(args)}' exited with {ran.returncode}{said}")
                return False
        self._note.worked()
        return True


class ScreenPower:
    """Every available mechanism, asked in turn; nothing one of them does escapes as an exception."""

    def __init__(self, mechanisms: Sequence[Mechanism]):
        self.mechanisms = tuple(mechanisms)
        if not self.mechanisms:
            _log.info("screen power: no way to control the display on this machine; the screen is left as it is")

    def keep_awake(self) -> None:
        self._each("keep_awake")

    def sleep(self) -> None:
        self._each("sleep")

    def release(self) -> None:
        """At exit: give back what was taken (e.g. a screensaver inhibition)."""
        self._each("release")

    def _each(self, method: str) -> None:
        for mechanism in self.mechanisms:
            try:
                getattr(mechanism, method)()
            except Exception:  # a mechanism must not take the exhibit down with it
                _log.exception("screen power (%s): %s failed unexpectedly", getattr(mechanism, "name", "?"), method)
