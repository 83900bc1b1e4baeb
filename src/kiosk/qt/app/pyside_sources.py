"""PySide6 looks at the source of every module imported after it (``PySide6.support.feature._mod_uses_pyside``:
does the text say "PySide6"? — for ``from __feature__ import``, which the exhibit does not use) through
``inspect.getsource``, and that keeps every line of every file in ``linecache`` for good: the exhibit's modules,
pydantic's, NumPy's and pyqtgraph's, about 20 MB of the running exhibit's memory (measured at 1080p: 217 → 197 MB
after 40 screen changes) and some milliseconds of its start. The same test made by reading the file's bytes keeps
nothing; the lines already kept by then are let go (only those of files, which are read again if a traceback needs
them)."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import PySide6  # noqa: F401  # its support modules exist once it is imported

_SOURCE_SUFFIX = ".py"


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's own answer (its source mentions "PySide6"; a module without a source file does not), from the
    file's bytes."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(_SOURCE_SUFFIX):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def read_sources_lightly() -> bool:
    """Put :func:`uses_pyside` in PySide6's place and drop the lines it kept; False (and nothing changed) where this
    PySide6 has no such function."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    kept_files = [name for name, entry in linecache.cache.items() if len(entry) == 4 and entry[1] is not None]
    for name in kept_files:  # (size, mtime, lines, path) of a file; lazily made entries have no mtime and stay
        linecache.cache.pop(name, None)
    return True
