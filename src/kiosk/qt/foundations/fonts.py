"""The bundled Simplified Chinese fonts (subsets of Noto Sans CJK SC, see assets/fonts/README.md).

Load them once, after the QApplication exists and before any widget is shown::

    families = load_bundled_fonts(kiosk.paths.default_assets_dir())
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FONT_FILES", "bundled_font_paths", "load_bundled_fonts"]

FONT_FILES = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")


def bundled_font_paths(assets_dir: Path) -> list[Path]:
    """The font files shipped under ``assets_dir/fonts`` (paths only; nothing is opened)."""
    return [Path(assets_dir) / "fonts" / name for name in FONT_FILES]


def load_bundled_fonts(assets_dir: Path) -> list[str]:
    """Register the bundled fonts with Qt and return their family names (no duplicates).

    Needs a QGuiApplication. Raises RuntimeError naming the file that is missing or
    that Qt cannot load.
    """
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    if QGuiApplication.instance() is None:
        raise RuntimeError("load_bundled_fonts needs a QGuiApplication; create it first")
    families: list[str] = []
    for path in bundled_font_paths(assets_dir):
        if not path.is_file():
            raise RuntimeError(f"bundled font missing: {path} (regenerate with tools/make_fonts.py)")
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            raise RuntimeError(f"Qt could not load bundled font: {path}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families
