"""The PIN pad's lock, kept in the state folder so that a restart (or a power cut) does not wait it out (pure Python).

The file says how many wrong PINs and locks there were since the last right PIN, and until when (wall clock) the
pad is locked. A wall clock set back cannot make a lock longer than it was; a missing file means no lock, and a
damaged one too, with one log line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.atomic_file import replace_file
from kiosk.safe_read import MAX_STATE_BYTES, FileRefused, read_regular

_log = logging.getLogger(__name__)
FILE_NAME = "pin-lock.json"


@dataclass(frozen=True)
class PinLockState:
    wrong: int = 0  # wrong PINs in a row since the last lock or right PIN
    locks: int = 0  # locks since the last right PIN
    locked_for_s: float = 0.0  # how long the pad stays locked from now


class PinLockFile:
    """Loads and saves :class:`PinLockState` at ``path``; ``wall_clock`` is seconds since the epoch."""

    def __init__(self, path: Path, wall_clock: Callable[[], float]):
        self.path = Path(path)
        self._wall_clock = wall_clock
        self._save_failed = False

    def load(self) -> PinLockState:
        try:
            data = json.loads(read_regular(self.path, MAX_STATE_BYTES))
            until, length = float(data["locked_until"]), float(data["lock_s"])
            state = PinLockState(int(data["wrong"]), int(data["locks"]), 0.0)
        except FileNotFoundError:
            return PinLockState()
        except (OSError, ValueError, KeyError, TypeError, FileRefused) as exc:
            _log.warning("%s: the PIN lock could not be read (%s); the pad starts unlocked", self.path, exc)
            return PinLockState()
        left = min(max(0.0, until - self._wall_clock()), max(0.0, length))  # a clock set back cannot lengthen it
        return PinLockState(max(0, state.wrong), max(0, state.locks), left)

    def save(self, state: PinLockState) -> None:
        now = self._wall_clock()
        data = {
            "wrong": state.wrong,
            "locks": state.locks,
            "locked_until": now + state.locked_for_s,
            "lock_s": state.locked_for_s,
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, json.dumps(data) + "\n", durable=True)
            self._save_failed = False
        except OSError as exc:
            if not self._save_failed:
                _log.warning("%s: the PIN lock could not be saved (%s); it holds until a restart", self.path, exc)
            self._save_failed = True
