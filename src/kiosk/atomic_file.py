"""Replace a small file whole: written beside the old one, then renamed over it, so a reader (or a kill) sees the old
content or the new one, never half of either. The one way the program writes such files (settings, release history,
watch-folder results, the PIN lock)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def replace_file(
    path: Path, data: str | bytes, *, durable: bool = False, mode: int | None = None, keep_owner: bool = False
) -> None:
    """Write ``data`` (text is UTF-8) as the new ``path``. ``durable``: fsync the file before the rename and the folder
    after it, so a power cut can neither undo the rename nor leave an empty file. ``mode``: the new file's permissions
    (left alone otherwise: FAT sticks refuse chmod). ``keep_owner``: the old file's owner and group (root running a
    command on the exhibit's file; only root can, and it is skipped quietly otherwise)."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(raw)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        if keep_owner:
            with contextlib.suppress(OSError, AttributeError):  # no old file, not allowed, or no chown (Windows)
                old = os.stat(path)
                os.chown(temp, old.st_uid, old.st_gid)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        with contextlib.suppress(OSError, AttributeError):  # the rename made durable too (not on Windows)
            directory = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
