"""Read a file only when it is a regular file of bounded size, so no input can hang the exhibit or fill its memory.

A path from a setting or from content may name ``/dev/zero`` (never ends), a FIFO (never answers until a writer
comes), a folder or a huge file. Every file the exhibit reads goes through here: the path is followed through
links and refused unless ``stat.S_ISREG`` says it is a regular file, opened with ``O_NONBLOCK`` (so a FIFO swapped
in after the check cannot block the open), checked again on the open descriptor, and read at most to its limit.
"""

from __future__ import annotations

import os
import stat
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import BinaryIO

NOT_REGULAR = "is not a regular file (a device, a pipe or a folder)"
MAX_IMAGE_BYTES = 24 * 1024 * 1024  # a photo for a 4K panel is a few MB; more is a mistake (or an attack)
MAX_TEXT_BYTES = 4 * 1024 * 1024  # an article to check the content's sources against
MAX_KEY_BYTES = 64 * 1024  # a PEM key file is a few hundred bytes
MAX_STATE_BYTES = 1024 * 1024  # the exhibit's own small files (release history, PIN lock, tried bundles): a few KB
MAX_FONT_BYTES = 32 * 1024 * 1024  # a bundled font subset is about 3.5 MB
MAX_ICON_BYTES = 1024 * 1024  # an SVG icon is a few KB


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


def read_regular(path: Path, max_bytes: int) -> bytes:
    """Every byte of ``path``, never more than ``max_bytes`` even when the file grows while it is read."""
    with open_regular(path, max_bytes) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(len(data), max_bytes)
    return data


def read_regular_text(path: Path, max_bytes: int) -> str:
    """``path`` as UTF-8 text, read like :func:`read_regular` (UnicodeDecodeError, a ValueError, when it is not)."""
    return read_regular(path, max_bytes).decode("utf-8")


def read_packaged(entry: Traversable, max_bytes: int) -> bytes:
    """A file of the program's own package data: a real file is read like :func:`read_regular`; a member of an
    archive (a zip import) is no device or pipe and is read whole, within the same limit."""
    if isinstance(entry, Path):
        return read_regular(entry, max_bytes)
    data = entry.read_bytes()
    if len(data) > max_bytes:
        raise _too_big(len(data), max_bytes)
    return data
