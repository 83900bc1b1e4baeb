"""Read only a regular file within a limit (``/dev/zero`` never ends, a FIFO never answers): links followed,
refused unless ``S_ISREG``, opened ``O_NONBLOCK`` (no FIFO swapped in can block), checked once open, read to a limit."""

from __future__ import annotations

import os
import stat
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import BinaryIO

NOT_REGULAR = "is not a regular file (a device, a pipe or a folder)"
MAX_IMAGE_BYTES = 24 * 1024 * 1024  # a photo for a 4K panel is a few MB; more is a mistake (or an attack)
MAX_AUDIO_BYTES = 32 * 1024 * 1024  # a recording of a text is a few hundred KB; six minutes of 44.1 kHz stereo
MAX_TEXT_BYTES = 4 * 1024 * 1024  # an article to check the content's sources against
MAX_KEY_BYTES = 64 * 1024  # a PEM key file is a few hundred bytes
MAX_STATE_BYTES = 1024 * 1024  # the exhibit's own small files (release history, PIN lock, tried bundles): a few KB


class FileRefused(Exception):
    """The file was not read: ``reason`` says why, after the path (``FILE: reason``)."""

    def __init__(self, reason: str, size: int | None = None):
        self.reason, self.size = reason, size  # size: set when the file is too big
        super().__init__(reason)


def _too_big(size: int, max_bytes: int) -> FileRefused:
    return FileRefused(f"file is {size:,} bytes; the limit is {max_bytes:,}", size)


def open_regular(path: Path, max_bytes: int) -> BinaryIO:
    """``path`` opened for binary reading. Raises FileRefused (not regular, too big) or OSError (missing, denied)."""
    if not stat.S_ISREG(os.stat(path).st_mode):  # follows links; a device or pipe is refused before opening
        raise FileRefused(NOT_REGULAR)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)  # what was opened, in case the path changed since the check
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(NOT_REGULAR)
        if info.st_size > max_bytes:
            raise _too_big(info.st_size, max_bytes)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path | Traversable, max_bytes: int) -> bytes:
    """Every byte of ``path``, never more than ``max_bytes`` even when the file grows while it is read. Package data
    in an archive (a Traversable, not a Path: no device or pipe there) is read whole, within the same limit."""
    if isinstance(path, Path):
        with open_regular(path, max_bytes) as handle:
            data = handle.read(max_bytes + 1)
    else:
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise _too_big(len(data), max_bytes)
    return data
