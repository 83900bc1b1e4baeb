"""The window `kiosk run` shows: real content in the bundled font, sized to each screen, accents where expected."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.content.loader import require_content
from kiosk.paths import PROJECT_ROOT, default_assets_dir
from kiosk.ui.app import build_window
from kiosk.ui.fonts import load_bundled_fonts

SIZES = [(1920, 1080), (3840, 2160), (1080, 1920)]


@pytest.fixture(scope="module")
def content():
    return require_content(PROJECT_ROOT / "content")


def _colours(image: QImage, step: int = 3) -> set[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return {image.pixel(x, y) & 0xFFFFFF for y in range(0, image.height(), step) for x in range(0, image.width(), step)}


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_renders_content_with_accents(qapp, content, size, language) -> None:
    family = load_bundled_fonts(default_assets_dir())[0]
    window = build_window(content, family, windowed=True)
    window.set_language(language)
    window.resize(*size)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == size
    colours = _colours(image)
    assert len(colours) > 200, "the screen looks blank"
    wanted = [content.exhibit.theme.number, *(p.accent for p in content.pillars)]
    for colour in wanted:
        assert QColor(colour).rgb() & 0xFFFFFF in colours, f"{colour} is not on the {size} screen"
    window.close()
