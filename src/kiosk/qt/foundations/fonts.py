"""The bundled Simplified Chinese fonts (subsets of Noto Sans CJK SC, see kiosk/assets/fonts/README.md).

Load them once, after the QApplication exists and before any widget is shown::

    families = load_bundled_fonts(kiosk.paths.default_assets_dir())
"""

from __future__ import annotations

from importlib.resources.abc import Traversable

from kiosk.safe_read import FileRefused, read_regular

__all__ = ["FONT_FILES", "MAX_FONT_BYTES", "bundled_font_files", "load_bundled_fonts"]

FONT_FILES = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")
MAX_FONT_BYTES = 32 * 1024 * 1024  # a bundled subset is about 3 MB


def bundled_font_files(assets: Traversable) -> list[Traversable]:
    """The font files shipped under ``assets/fonts`` (nothing is opened)."""
    return [assets / "fonts" / name for name in FONT_FILES]


def _register(font: Traversable) -> int:
    """Register one font with Qt; its id, or -1 when Qt cannot load it.

    The font is read here, whole, through :func:`kiosk.safe_read.read_regular` (a regular file within
    MAX_FONT_BYTES, never a device or a pipe put in its place), and given to Qt as bytes: Qt reads a font given by
    path lazily, long after registering it, where nothing would limit or check the read. Raises FileRefused or
    OSError when the file cannot be read so.
    """
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.addApplicationFontFromData(QByteArray(read_regular(font, MAX_FONT_BYTES)))


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
        try:
            font_id = _register(font)
        except FileNotFoundError:
            raise RuntimeError(f"bundled font missing: {font} (regenerate with tools/make_fonts.py)") from None
        except FileRefused as exc:
            raise RuntimeError(f"bundled font not read: {font}: {exc.reason}") from None
        except OSError as exc:
            raise RuntimeError(f"bundled font not read: {font}: {exc.strerror or exc}") from None
        if font_id == -1:
            raise RuntimeError(f"Qt could not load bundled font: {font}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families
