"""Replace a small file whole: write it beside the old one, then rename it over, so a reader (or a kill) sees the
old text or the new one, never half of either."""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(path: Path, text: str, *, durable: bool = False) -> None:
    """Write ``text`` as the new ``path``. No chmod (FAT sticks refuse it). ``durable``: fsync the new file before
    the rename and the folder after it, so that a power cut cannot undo the rename or leave an empty file."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.part")
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        fd = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
