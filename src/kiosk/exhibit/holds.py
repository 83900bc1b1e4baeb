"""Holding the exhibit under something on top of it (an operator screen, the standby screen), counted (pure Python).

Several things may hold at once (standby at closing time while the operator panel is open): the exhibit is let go
only when each of them has released it.
"""

from __future__ import annotations


class Holds:
    """``hold()`` and ``release()`` in pairs; each returns True when it changed whether the exhibit is held."""

    def __init__(self) -> None:
        self._count = 0

    @property
    def held(self) -> bool:
        return self._count > 0

    def hold(self) -> bool:
        self._count += 1
        return self._count == 1

    def release(self) -> bool:
        """One hold fewer; a release without a hold changes nothing."""
        if self._count == 0:
            return False
        self._count -= 1
        return self._count == 0
