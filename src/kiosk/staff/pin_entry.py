"""The operator PIN pad's logic (pure): the digits typed so far, and a guard that checks a PIN against the stored
hash, counts wrong ones and locks for a while after too many.

The guard outlives the pad: closing and re-opening the pad does not lift a lock or forget wrong attempts. A lock
cannot be waited out: after the first, every further wrong PIN locks again for twice as long as the lock before (up
to ``lockout_max_s``) until a right PIN; otherwise 10,000 PINs would fall within days. No digit is ever logged or
kept after checking.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from kiosk.staff.pin_hash import MAX_DIGITS, verify_pin
from kiosk.staff.pin_lock_file import PinLockFile, PinLockState

_log = logging.getLogger(__name__)

Outcome = Literal["accepted", "wrong", "locked", "empty", "no-pin"]


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    tries_left: int = 0
    locked_s: int = 0  # whole seconds until the pad takes PINs again (rounded up)


class PinEntry:
    """The digits typed on the pad; only their count is ever shown."""

    def __init__(self, max_digits: int = MAX_DIGITS) -> None:
        self._digits = ""
        self._max = max_digits

    def __len__(self) -> int:
        return len(self._digits)

    def add(self, digit: str) -> bool:
        """Append one digit 0-9; False (nothing changes) when it is not one or the entry is full."""
        if len(digit) != 1 or digit not in "0123456789" or len(self._digits) >= self._max:
            return False
        self._digits += digit
        return True

    def delete(self) -> None:
        self._digits = self._digits[:-1]

    def clear(self) -> None:
        self._digits = ""

    def take(self) -> str:
        """The digits typed, leaving the entry empty."""
        digits, self._digits = self._digits, ""
        return digits


class PinGuard:
    """Checks PINs against ``pin_hash``; ``attempts`` wrong ones in a row lock it for ``lockout_s`` seconds, each
    wrong one after that for twice the lock before, at most ``lockout_max_s`` (None: no ceiling)."""

    def __init__(
        self,
        pin_hash: str | None,
        attempts: int,
        lockout_s: float,
        clock: Callable[[], float],
        verify: Callable[[str, str], bool] = verify_pin,
        *,
        lockout_max_s: float | None = None,
        saved: PinLockFile | None = None,
    ) -> None:
        if attempts < 1 or not lockout_s >= 0:
            raise ValueError(
                f"pin_attempts must be at least 1 and pin_lockout_s at least 0, not {attempts} and {lockout_s}"
            )
        self._hash = pin_hash
        self._attempts = attempts
        self._lockout_s = float(lockout_s)
        self._clock = clock
        self._verify = verify
        self._wrong = 0
        self._locked_until: float | None = None
        self._locks = 0  # locks since the last right PIN: the next one lasts lockout_s * 2**locks
        self._lockout_max_s = None if lockout_max_s is None else max(float(lockout_max_s), self._lockout_s)
        self._saved = saved
        if saved is not None:  # a restart does not wait the lock out
            state = saved.load()
            self._wrong, self._locks = state.wrong, state.locks
            if state.locked_for_s > 0:
                self._locked_until = clock() + state.locked_for_s
                _log.info("operator PIN pad still locked for %g s (from before the restart)", state.locked_for_s)

    @property
    def configured(self) -> bool:
        return bool(self._hash)

    def locked_for(self) -> int:
        """Whole seconds (rounded up) the lock still holds; 0 when PINs are taken."""
        if self._locked_until is None:
            return 0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            _log.info("operator PIN pad unlocked (the next wrong PIN locks it again for longer)")
            return 0
        return math.ceil(left)

    def tries_left(self) -> int:
        if self.locked_for():
            return 0
        return 1 if self._locks else self._attempts - self._wrong

    def _lock_s(self) -> float:
        """How long the next lock lasts: lockout_s, doubled for each lock before it since the last right PIN."""
        length = self._lockout_s * 2.0 ** min(self._locks, 64)
        return length if self._lockout_max_s is None else min(length, self._lockout_max_s)

    def check(self, entered: str) -> Verdict:
        if not self._hash:
            return Verdict("no-pin")
        locked = self.locked_for()
        if locked:
            return Verdict("locked", 0, locked)
        if not entered:
            return Verdict("empty", self.tries_left())
        if self._verify(entered, self._hash):
            self._wrong, self._locks = 0, 0
            self._save()
            _log.info("operator PIN accepted")
            return Verdict("accepted", self._attempts)
        self._wrong += 1
        left = 0 if self._locks else self._attempts - self._wrong
        if left > 0:
            _log.warning(
                "operator PIN pad: wrong PIN (%d of %d in a row; %d left before the pad locks)",
                self._wrong,
                self._attempts,
                left,
            )
            self._save()
            return Verdict("wrong", left)
        lock_s = self._lock_s()
        self._locks += 1
        self._locked_until = self._clock() + lock_s
        self._save()
        _log.warning("operator PIN pad locked for %g s after %d wrong PINs in a row", lock_s, self._wrong)
        return Verdict("locked", 0, math.ceil(lock_s))

    def _save(self) -> None:
        if self._saved is not None:
            left = 0.0 if self._locked_until is None else max(0.0, self._locked_until - self._clock())
            self._saved.save(PinLockState(self._wrong, self._locks, left))
