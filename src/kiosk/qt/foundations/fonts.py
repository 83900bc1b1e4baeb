"""The bundled Simplified Chinese fonts (subsets of Noto Sans CJK SC, see kiosk/assets/fonts/README.md).

Load them once, after the QApplication exists and before any widget is shown::

    families = load_bundled_fonts(kiosk.paths.default_assets_dir())
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["FONT_FILES", "bundled_font_files", "load_bundled_fonts"]

FONT_FILES = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")


def bundled_font_files(assets: Traversable) -> list[Traversable]:
    """The font files shipped under ``assets/fonts`` (nothing is opened)."""
    return [assets / "fonts" / name for name in FONT_FILES]


def _register(font: Traversable) -> int:
    """Register one font with Qt; its id, or -1 when Qt cannot load it.

    Qt reads a font file it was given by path lazily, long after registering it, so a real file is given by its
    path (nothing is copied into memory) and anything else — package data inside an archive — by its bytes:
    ``importlib.resources.as_file`` would give a temporary copy that is gone by the time Qt reads it.
    """
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase

    if isinstance(font, Path):
        return QFontDatabase.addApplicationFont(str(font))
    return QFontDatabase.addApplicationFontFromData(QByteArray(font.read_bytes()))


def load_bundled_fonts(assets: Traversable) -> list[str]:
    """Register the bundled fonts with Qt and return their family names (no duplicates).

    Needs a QGuiApplication. Raises RuntimeError naming the file that is missing or
    that Qt cannot load.
    """
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    if QGuiApplication.instance() is None:
        raise RuntimeError("load_bundled_fonts needs a QGuiApplication; create it first")
    families: list[str] = []
    for font in bundled_font_files(assets):
        if not font.is_file():
            raise RuntimeError(f"bundled font missing: {font} (regenerate with tools/make_fonts.py)")
        font_id = _register(font)
        if font_id == -1:
            raise RuntimeError(f"Qt could not load bundled font: {font}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families
