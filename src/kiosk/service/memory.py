"""How much memory the exhibit holds, and the ceiling above which it restarts itself (pure Python).

A process that runs for weeks can grow (fragmented heaps, caches of a driver); a clean restart at a quiet moment
(the attract loop) gives the memory back without a visitor noticing.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

_log = logging.getLogger(__name__)
STATM = Path("/proc/self/statm")


def rss_mb(statm: Path = STATM) -> float | None:
    """This process's resident memory in MiB (Linux: ``/proc/self/statm``); None where it cannot be read."""
    try:
        resident_pages = int(statm.read_text(encoding="ascii").split()[1])
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return resident_pages * page_size / (1024 * 1024)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:  # the process's own symbols, the C library's among them (no ldconfig run to find it by name)
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS) or no such loading (Windows): no trim
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def give_back_free_memory() -> bool:
    """Free what the screens that went left behind and hand the C heap's free pages back to the system.

    Their Python objects hold one another (items, their animations, their page), so they wait for Python's cycle
    collector, and with them what they own outside Python (text layouts, paths): the exhibit's memory rose by about
    1.8 MB every 270 screen changes and fell back only when the collector ran a full pass on its own, some 1700
    changes later, in the middle of whatever was moving then. Collected here, in idle time, it stays flat. Then
    glibc's ``malloc_trim``: the pictures and item caches of pages that are gone are freed into the heap, which
    glibc keeps (at 4K over 100 MB after a few hundred screen changes) until asked. About 15 ms with what the
    exhibit made at start-up frozen (:func:`freeze_long_lived`); for idle time. False where there is no glibc."""
    gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def freeze_long_lived() -> None:
    """What the exhibit made while it started (its modules, its content, the stage) lives as long as it does: after
    one collection the cycle collector is told not to look at any of it again, so each collection in idle time
    looks only at what came after (at 1080p 15 ms instead of 31)."""
    gc.collect()
    gc.freeze()


class MemoryCeiling:
    """``exceeded()`` → the resident memory in MiB when it is above ``max_mb``, else None.

    ``max_mb`` None means no ceiling. Where memory cannot be measured, one log line says the ceiling is not enforced.
    """

    def __init__(self, max_mb: float | None, rss: Callable[[], float | None] = rss_mb):
        self.max_mb = max_mb
        self._rss = rss
        self._unmeasurable_logged = False

    def exceeded(self) -> float | None:
        if self.max_mb is None:
            return None
        used = self._rss()
        if used is None:
            if not self._unmeasurable_logged:
                _log.warning(
                    "cannot measure the memory use on this platform: the ceiling of %g MB "
                    "(health max_rss_mb in the settings file) is not enforced",
                    self.max_mb,
                )
                self._unmeasurable_logged = True
            return None
        return used if used > self.max_mb else None
