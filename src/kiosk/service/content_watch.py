"""Noticing that the content folder changed, without Qt: a cheap fingerprint polled on a timer, and a debounce so
that a folder half-way through being copied is not loaded.

Polling (a few dozen ``stat`` calls every couple of seconds) is used rather than file-system notifications: it
sees new sub-folders, editors that save by renaming, and a ``current`` link switched to another release, the
same way on every platform.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MAX_FILES = 5000  # far above any real content folder; a runaway folder is not walked for ever

FileStamp = tuple[str, int, int]  # relative path, size, modification time (ns)


@dataclass(frozen=True)
class Fingerprint:
    """What a content folder looked like: where it really is (a switched link changes this) and its files."""

    real_path: str
    files: tuple[FileStamp, ...]
    readable: bool = True


def fingerprint(content_dir: Path) -> Fingerprint:
    """The folder's fingerprint; an unreadable or missing folder gives one too (``readable=False``)."""
    try:
        real = os.path.realpath(content_dir)
        stamps: list[FileStamp] = []
        for folder, dirs, names in os.walk(real):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue  # removed while walking: the next poll sees the settled folder
                stamps.append((os.path.relpath(path, real), info.st_size, info.st_mtime_ns))
                if len(stamps) >= MAX_FILES:
                    break
        if not os.path.isdir(real):
            return Fingerprint(real, (), readable=False)
        return Fingerprint(real, tuple(stamps))
    except OSError:
        return Fingerprint(str(content_dir), (), readable=False)


class ChangeDetector:
    """Says "changed" once a folder differs from the last loaded state *and* has stayed the same for one more
    poll, so a copy in progress is loaded when it has finished, not half-way."""

    def __init__(self, loaded: Fingerprint):
        self._loaded = loaded
        self._candidate: Fingerprint | None = None

    def poll(self, now: Fingerprint) -> bool:
        if now == self._loaded:
            self._candidate = None
            return False
        if now != self._candidate:
            self._candidate = now  # still moving (or just changed): look again next time
            return False
        self._candidate = None
        return True

    def loaded(self, state: Fingerprint) -> None:
        """``state`` has been dealt with (loaded, or refused with its errors): report it no more."""
        self._loaded = state
        self._candidate = None
