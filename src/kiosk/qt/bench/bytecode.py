"""The exhibit's bytecode compiled before its cold starts are timed, as an installed exhibit has it (the bundle
ships compiled modules, pip compiles a wheel's): a checkout run with ``PYTHONDONTWRITEBYTECODE`` would otherwise
compile every one of its modules from source at every start (about 100 ms here), which no venue's exhibit does."""

from __future__ import annotations

import compileall
import importlib.util
import struct
from pathlib import Path

import kiosk


def stale_modules(package: Path) -> list[Path]:
    """The modules of ``package`` whose compiled file is missing or older than their source."""
    return [source for source in sorted(package.rglob("*.py")) if not _current(source)]


def _current(source: Path) -> bool:
    """Python's own test: the compiled file's header records this interpreter's magic number and the source's
    modification time and size."""
    try:
        header = Path(importlib.util.cache_from_source(str(source))).read_bytes()[:16]
    except OSError:
        return False
    if len(header) < 16 or header[:4] != importlib.util.MAGIC_NUMBER:
        return False
    flags, mtime, size = (int(field) for field in struct.unpack("<III", header[4:16]))
    if flags != 0:  # hash-based: Python checks it itself
        return True
    stat = source.stat()
    return mtime == int(stat.st_mtime) & 0xFFFFFFFF and size == stat.st_size & 0xFFFFFFFF


def compile_package(package: Path | None = None) -> tuple[int, int]:
    """Compile what is stale in ``package`` (default: the exhibit's own), next to its sources as Python itself
    would; (modules compiled now, modules still without bytecode: a folder that cannot be written)."""
    folder = package if package is not None else Path(kiosk.__file__).parent
    stale = stale_modules(folder)
    if stale:
        compileall.compile_dir(folder, quiet=2)
    return len(stale), len(stale_modules(folder))
