"""Large text from our own glyph images: drawn as Qt draws it, only where Qt would fill paths, within its budget."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QTextLayout, QTransform

from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.painting import glyph_atlas
from kiosk.qt.painting.glyph_atlas import QT_CACHED_BELOW, GlyphAtlas, device_scale, single_line

TEXT = "广州科技创新迈入全球“第一方阵” Guangzhou 2025 +100%"
INK = QColor("#f4d58d")
GROUND = QColor("#0b1733")


@pytest.fixture(scope="module")
def typography(qapp) -> Typography:
    return Typography(load_bundled_fonts(default_assets_dir())[0])


def _layout(typography: Typography, px: float) -> QTextLayout:
    layout = QTextLayout(TEXT, typography.font(px, True, "zh"))
    layout.beginLayout()
    y = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(px * 12)
        line.setPosition(QPointF(0, y))
        y += px * 1.3
    layout.endLayout()
    return layout


def _draw(px: float, scale: float, how) -> np.ndarray:
    image = QImage(int(px * 13 * scale), int(px * 6 * scale), QImage.Format.Format_RGB32)
    image.fill(GROUND)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.translate(3.3, 2.7)  # not on whole pixels: the atlas places glyphs on them
    painter.scale(scale, scale)
    how(painter)
    painter.end()
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return bits[:, : image.width(), 2::-1].astype(int)  # the bytes are B, G, R, A


def _qt(layout: QTextLayout):
    def draw(painter: QPainter) -> None:
        painter.setPen(INK)
        layout.draw(painter, QPointF(4, 6))

    return draw


def _ours(atlas: GlyphAtlas, layout: QTextLayout):
    return lambda painter: atlas.draw_layout(painter, layout, QPointF(4, 6), INK)


@pytest.mark.parametrize(("px", "scale"), [(54, 2.0), (40, 2.0), (120, 1.0)])
def test_large_text_draws_as_qt_draws_it(typography: Typography, px: float, scale: float) -> None:
    layout = _layout(typography, px)
    atlas = GlyphAtlas()
    theirs = _draw(px, scale, _qt(layout))
    ours = _draw(px, scale, _ours(atlas, layout))
    assert atlas.made > 20  # the atlas drew it, not Qt
    inked = np.abs(theirs - np.array([GROUND.red(), GROUND.green(), GROUND.blue()])).max(axis=2) > 60
    assert inked.mean() > 0.05  # there is text to compare
    difference = np.abs(theirs - ours).max(axis=2)
    # The same glyph images, each moved by less than half a pixel to whole pixels: edges differ, shapes do not.
    assert difference.mean() < 4.0
    assert (difference > 96).mean() < 0.02
    shifted = _draw(px, scale, lambda painter: atlas.draw_layout(painter, layout, QPointF(4, 9), INK))
    assert (np.abs(theirs - shifted).max(axis=2) > 96).mean() > 0.025  # the same bound fails a 3 px shift


def test_text_qt_caches_itself_is_left_to_qt(typography: Typography) -> None:
    px = 24.0  # 48 device px at 4K: under Qt's limit
    assert px * 2 < QT_CACHED_BELOW
    layout = _layout(typography, px)
    atlas = GlyphAtlas()
    ours = _draw(px, 2.0, _ours(atlas, layout))
    assert atlas.made == 0 and len(atlas) == 0
    assert np.array_equal(ours, _draw(px, 2.0, _qt(layout)))


def test_turned_text_is_left_to_qt(typography: Typography, qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.rotate(90)
    assert device_scale(painter) is None
    painter.resetTransform()
    painter.setTransform(QTransform.fromScale(2, 2))
    assert device_scale(painter) == 2.0
    painter.setTransform(QTransform.fromScale(2, 3))
    assert device_scale(painter) is None
    painter.end()


def test_draw_text_sets_the_baseline_where_draw_text_does(typography: Typography) -> None:
    font = typography.font(90, True, "zh")
    atlas = GlyphAtlas()

    def qt(painter: QPainter) -> None:
        painter.setPen(INK)
        painter.setFont(font)
        painter.drawText(QPointF(10, 120), "第8位 165万人")

    ours = _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "第8位 165万人", font, INK))
    theirs = _draw(90, 1.0, qt)
    assert atlas.made >= 6
    assert single_line("", font).lineCount() == 1  # an empty text is one empty line, as drawText sets it
    difference = np.abs(theirs - ours).max(axis=2)
    assert difference.mean() < 4.0 and (difference > 96).mean() < 0.02


def test_glyphs_are_kept_within_the_budget_and_reused(typography: Typography) -> None:
    layout = _layout(typography, 120)
    atlas = GlyphAtlas()
    _draw(120, 1.0, _ours(atlas, layout))
    made, held = atlas.made, atlas.bytes
    _draw(120, 1.0, _ours(atlas, layout))
    assert atlas.made == made  # the second draw made nothing
    small = GlyphAtlas(limit_bytes=held // 3)
    _draw(120, 1.0, _ours(small, layout))
    assert 0 < small.bytes <= held // 3 and len(small) < len(atlas)
    other = _draw(120, 1.0, lambda painter: small.draw_layout(painter, layout, QPointF(4, 6), QColor("#ffffff")))
    assert small.made > made  # another colour is another set of images
    assert other.sum() > 0


def test_at_twice_the_scale_the_atlas_keeps_four_times_the_bytes(typography: Typography) -> None:
    """A glyph drawn at 4K is four times the image it is at 1080p: the room for them grows as much, or a visit's
    screens would make their glyphs again every time they are shown."""
    layout = _layout(typography, 120)
    sized = GlyphAtlas()
    _draw(120, 2.0, _ours(sized, layout))
    held = sized.bytes
    atlas = GlyphAtlas(limit_bytes=held // 2)  # a budget at a scale of one that half of them would fill
    assert atlas.room_bytes == held // 2
    _draw(120, 2.0, _ours(atlas, layout))
    assert atlas.room_bytes == 4 * (held // 2) and atlas.bytes == held and len(atlas) == len(sized)


def test_a_short_text_drawn_again_is_not_laid_out_again(typography: Typography, monkeypatch) -> None:
    """A counting number draws the same words and digits every frame: each text is laid out once, and no more
    texts are kept than the atlas's room for them."""
    laid: list[str] = []

    def counted(text: str, font):
        laid.append(text)
        return single_line(text, font)

    monkeypatch.setattr(glyph_atlas, "single_line", counted)
    monkeypatch.setattr(glyph_atlas, "LAID_OUT_KEPT", 3)
    font, other = typography.font(90, True, "zh"), typography.font(100, True, "zh")
    atlas = GlyphAtlas()
    first = _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "165万人", font, INK))
    again = _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "165万人", font, INK))
    assert laid == ["165万人"] and np.array_equal(first, again)
    _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "165万人", other, INK))
    assert laid == ["165万人", "165万人"]  # another size is another layout
    for text in ("1", "2", "3", "4"):
        _draw(90, 1.0, lambda painter, text=text: atlas.draw_text(painter, QPointF(10, 120), text, font, INK))
    assert atlas.layouts_kept == 3


def test_texts_drawn_together_are_drawn_as_each_alone(typography: Typography) -> None:
    big, small = typography.font(90, True, "zh"), typography.font(20, True, "zh")  # the atlas's and Qt's own
    atlas = GlyphAtlas()
    placed = [(QPointF(10, 120), "第8位", big), (QPointF(400, 120), "165万人", small), (QPointF(10, 300), "2025", big)]

    def alone(painter: QPainter) -> None:
        for at, text, font in placed:
            atlas.draw_text(painter, at, text, font, INK)

    together = _draw(90, 1.0, lambda painter: atlas.draw_texts(painter, placed, INK))
    assert np.array_equal(together, _draw(90, 1.0, alone))
    assert atlas.layouts_kept == 2  # the small text was Qt's to draw


def test_a_kept_text_whose_glyphs_were_let_go_of_finds_them_again(typography: Typography) -> None:
    """A text kept with its glyph images draws from them while the atlas still holds them all; once the atlas let one
    go (it was full), the text's glyphs are found, and made, again: it draws the same, and the atlas stays in its
    room."""
    font = typography.font(90, True, "zh")
    whole = GlyphAtlas()
    _draw(90, 1.0, lambda painter: whole.draw_text(painter, QPointF(10, 120), "第8位", font, INK))
    atlas = GlyphAtlas(limit_bytes=whole.bytes + 1)  # room for that text's glyphs and hardly more
    first = _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "第8位", font, INK))
    made = atlas.made
    again = _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "第8位", font, INK))
    assert atlas.made == made and np.array_equal(first, again)  # kept: nothing made again
    _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "广州科技", font, INK))
    assert atlas.bytes <= atlas.room_bytes
    after = _draw(90, 1.0, lambda painter: atlas.draw_text(painter, QPointF(10, 120), "第8位", font, INK))
    assert atlas.made > made + 4 and np.array_equal(first, after)  # the other text's four glyphs, and these again
