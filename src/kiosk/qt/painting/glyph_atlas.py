"""Large text drawn from glyph images of our own: Qt's raster engine keeps none above 64 device pixels.

Qt's raster engine caches a glyph's image only while it is under 64 device pixels; a larger one (every heading, hero
number and large-text body at 4K, where a logical pixel is two) is filled as a path at every draw: 400 Chinese
characters at 108 device pixels take about 120 ms that way, 1–2.5 ms from a cache. Raising Qt's limit
(``QT_MAX_CACHED_GLYPH_SIZE``) is no way out: its FreeType engine then draws nothing at all for such a glyph.

:class:`GlyphAtlas` keeps those glyph images itself: FreeType rasterises a glyph once (``QRawFont.alphaMapForGlyph``,
about 50 µs at 108 px), the image is coloured once per colour and then copied to whole device pixels (a few µs). The
same 400 characters draw in about 5 ms, and in about 33 ms the first time any of their glyphs is seen. Text under
the limit, or drawn turned (a panel mounted on its side), is drawn by Qt as before.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QGlyphRun, QImage, QPainter, QRawFont, QTextLayout, QTransform, qRgba

QT_CACHED_BELOW = 64.0  # device px: Qt's raster engine caches glyph images below this size (QT_MAX_CACHED_GLYPH_SIZE)
# Glyph images kept (coloured, 4 bytes a pixel) at a scale of one device pixel a logical pixel: the large text of a few
# screens. At a larger scale each image is as much larger squared (four times at 4K), and so is the room kept for them:
# at 4K 8 MB held about 210 glyphs, less than a visit's screens need, and a pillar, the outlook and the attract loop
# made 70–130 of theirs again at every visit, in the frames that first drew them.
ATLAS_BYTES = 8 * 1024 * 1024
# Short texts drawn again and again (a key number's digits and words while it counts up) are laid out once, and their
# glyph images found once for each scale and colour: Qt's text layout, its glyph runs and their positions cost more
# than copying the glyphs (about 0.45 ms of a number's 0.5 ms paint at 4K, and a count-up paints four numbers a
# frame), and so did finding each glyph's image again. This many texts are kept so.
LAID_OUT_KEPT = 512
_FontKey = tuple[str, str, int, int, float]
_GlyphKey = tuple[_FontKey, int, int]  # the font at its device size, the glyph, the colour (ARGB)
_Glyph = tuple[QImage, float, float]  # the coloured image and where its top left is from the glyph's origin
# A text's glyphs as laid out: per glyph run its font, that font's key at a scale of one, and each glyph's index and
# pen position from the layout's origin.
_Run = tuple[QRawFont, _FontKey, tuple[tuple[int, float, float], ...]]
_Blit = tuple[QImage, float, float]  # a glyph's image and where its top left is from the text's origin, device px
_Found = tuple[tuple[_GlyphKey, ...], tuple[_Blit, ...]]  # a text's glyph images at a scale and colour, and their keys
# A short text kept (by text, font key, scale and colour): its first line's ascent, its runs and its glyph images.
_Kept = tuple[float, tuple[_Run, ...], _Found]
Placed = tuple[QPointF, str, QFont]  # a text to draw, its baseline's start and its font


def device_scale(painter: QPainter) -> float | None:
    """The scale ``painter`` draws at, when its transform only scales evenly and moves (no turn, no mirror, no
    window-to-viewport mapping of its own); else None."""
    transform = painter.deviceTransform()
    if transform.m12() != 0.0 or transform.m21() != 0.0 or transform != painter.worldTransform():
        return None
    scale = transform.m11()
    return scale if scale > 0 and abs(transform.m22() - scale) < 1e-6 else None


def single_line(text: str, font: QFont) -> QTextLayout:
    """``text`` laid out on one line in ``font``, its baseline at y = ascent (as ``QPainter.drawText`` sets it)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setNumColumns(len(text))
        line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


class GlyphAtlas:
    """Coloured glyph images of text too large for Qt's own glyph cache, kept up to ``limit_bytes`` at a scale of one
    (times the square of the largest scale drawn at; the least recently drawn go first)."""

    def __init__(self, limit_bytes: int = ATLAS_BYTES):
        self.limit_bytes = limit_bytes
        self._scale_room = 1.0  # the square of the largest scale drawn at (at least one)
        self._glyphs: OrderedDict[_GlyphKey, _Glyph] = OrderedDict()
        self._bytes = 0
        self._fonts: dict[_FontKey, QRawFont] = {}
        self._tables: dict[int, list[int]] = {}
        self._laid: OrderedDict[tuple[str, str, float, int], _Kept] = OrderedDict()
        self.made = 0  # glyph images made so far (tests, benchmarks)

    @property
    def bytes(self) -> int:
        return self._bytes

    @property
    def room_bytes(self) -> int:
        """How many bytes of glyph images are kept at most, at the scale drawn at."""
        return int(self.limit_bytes * self._scale_room)

    @property
    def layouts_kept(self) -> int:
        """How many short texts are kept laid out (:meth:`draw_texts`)."""
        return len(self._laid)

    def __len__(self) -> int:
        return len(self._glyphs)

    def clear(self) -> None:
        self._glyphs.clear()
        self._fonts.clear()
        self._laid.clear()
        self._bytes = 0

    # Drawing ------------------------------------------------------------------------------------------------------
    @staticmethod
    def draws(painter: QPainter, font: QFont) -> bool:
        """Whether text in ``font`` is drawn from the atlas's images with ``painter`` (else Qt draws it)."""
        return _ours(device_scale(painter), font)

    def draw_layout(self, painter: QPainter, layout: QTextLayout, origin: QPointF, colour: QColor) -> None:
        """``layout.draw(painter, origin)`` in ``colour``: from glyph images where Qt would fill paths."""
        if not self.draws(painter, layout.font()):
            painter.setPen(colour)
            layout.draw(painter, origin)
            return
        device = painter.deviceTransform()
        scale = device.m11()
        _keys, blits = self._find(laid_runs(layout.glyphRuns()), scale, colour.rgba())
        painter.save()
        painter.setWorldTransform(QTransform())  # the images go to whole device pixels
        try:
            _blit(painter, blits, device.dx() + origin.x() * scale, device.dy() + origin.y() * scale)
        finally:
            painter.restore()

    def draw_text(self, painter: QPainter, baseline_at: QPointF, text: str, font: QFont, colour: QColor) -> None:
        """``painter.drawText(baseline_at, text)`` in ``font`` and ``colour``."""
        self.draw_texts(painter, ((baseline_at, text, font),), colour)

    def draw_texts(self, painter: QPainter, texts: Iterable[Placed], colour: QColor) -> None:
        """Each of ``texts`` as ``painter.drawText(baseline_at, text)`` would draw it in its font, all in ``colour``;
        each text is laid out, and its glyph images found, once (the last :data:`LAID_OUT_KEPT` texts drawn are kept
        so)."""
        scale = device_scale(painter)
        rgba = colour.rgba()
        font_keys: dict[int, str] = {}  # the fonts of this call, alive while it lasts
        ours: list[tuple[QPointF, float, tuple[_Blit, ...]]] = []
        for baseline_at, text, font in texts:
            if scale is None or not _ours(scale, font):
                painter.setPen(colour)
                painter.setFont(font)
                painter.drawText(baseline_at, text)
                continue
            font_key = font_keys.get(id(font))
            if font_key is None:
                font_key = font_keys[id(font)] = font.key()
            ascent, _runs, (_keys, blits) = self._kept(text, font, font_key, scale, rgba)
            ours.append((baseline_at, ascent, blits))
        if not ours or scale is None:
            return
        device = painter.deviceTransform()
        left, top = device.dx(), device.dy()
        painter.save()
        painter.setWorldTransform(QTransform())  # the images go to whole device pixels
        try:
            for baseline_at, ascent, blits in ours:
                _blit(painter, blits, left + baseline_at.x() * scale, top + (baseline_at.y() - ascent) * scale)
        finally:
            painter.restore()

    def _kept(self, text: str, font: QFont, font_key: str, scale: float, rgba: int) -> _Kept:
        """``text`` in ``font`` laid out and its glyph images at ``scale`` in ``rgba``, from the texts kept while
        all its images are still in the atlas."""
        key = (text, font_key, scale, rgba)
        kept = self._laid.get(key)
        if kept is not None:
            touch = self._glyphs.move_to_end
            try:
                for glyph_key in kept[2][0]:
                    touch(glyph_key)  # drawn now: the last the atlas lets go of
            except KeyError:  # one of them was let go of: found again, and made again if need be
                kept = (kept[0], kept[1], self._find(kept[1], scale, rgba))
                self._laid[key] = kept
            self._laid.move_to_end(key)
            return kept
        layout = single_line(text, font)
        runs = laid_runs(layout.glyphRuns())
        kept = (layout.lineAt(0).ascent() if layout.lineCount() else 0.0, runs, self._find(runs, scale, rgba))
        self._laid[key] = kept
        while len(self._laid) > LAID_OUT_KEPT:
            self._laid.popitem(last=False)
        return kept

    def _find(self, runs: Iterable[_Run], scale: float, rgba: int) -> _Found:
        """The glyph images of ``runs`` at ``scale`` in ``rgba`` (made when the atlas has not got them) and where
        each goes from the runs' origin, in device pixels; and their keys in the atlas."""
        keys: list[_GlyphKey] = []
        blits: list[_Blit] = []
        for raw, base, glyphs in runs:
            font_key, glyph = self._maker(raw, base, scale, rgba)
            for index, x, y in glyphs:
                image, left, top = glyph(index)
                if not image.isNull():
                    keys.append((font_key, index, rgba))
                    blits.append((image, x * scale + left, y * scale + top))
        return tuple(keys), tuple(blits)

    # Making glyph images -------------------------------------------------------------------------------------------
    def _maker(
        self, raw: QRawFont, base: _FontKey, scale: float, rgba: int
    ) -> tuple[_FontKey, Callable[[int], _Glyph]]:
        """The key of ``raw`` (its key ``base``) at ``scale``, and its glyph images drawn at that scale in ``rgba``
        by glyph index (made on first use)."""
        self._scale_room = max(self._scale_room, scale * scale)
        size = round(base[4] * scale, 2)
        font_key = (*base[:4], size)
        sized = self._fonts.get(font_key)
        if sized is None:
            sized = QRawFont(raw)
            sized.setPixelSize(size)
            self._fonts[font_key] = sized
        glyphs = self._glyphs

        def glyph(index: int) -> _Glyph:
            key = (font_key, index, rgba)
            found = glyphs.get(key)
            if found is not None:
                glyphs.move_to_end(key)
                return found
            made = self._make(sized, index, rgba)
            glyphs[key] = made
            self._bytes += made[0].sizeInBytes()
            self.made += 1
            while self._bytes > self.room_bytes and len(glyphs) > 1:
                _key, (old, _x, _y) = glyphs.popitem(last=False)
                self._bytes -= old.sizeInBytes()
            return made

        return font_key, glyph

    def _make(self, font: QRawFont, index: int, rgba: int) -> _Glyph:
        alpha = font.alphaMapForGlyph(index, QRawFont.AntialiasingType.PixelAntialiasing)
        box = font.boundingRect(index)
        if alpha.isNull() or alpha.format() != QImage.Format.Format_Alpha8:
            return QImage(), 0.0, 0.0  # nothing to draw (a space), or a map this code does not know
        # The coverage bytes read as palette indexes: index i is the colour at alpha i, so Qt colours it in one pass.
        shades = QImage(
            alpha.constBits(), alpha.width(), alpha.height(), alpha.bytesPerLine(), QImage.Format.Format_Indexed8
        )
        shades.setColorTable(self._table(rgba))
        return shades.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied), box.x(), box.y()

    def _table(self, rgba: int) -> list[int]:
        table = self._tables.get(rgba)
        if table is None:
            colour = QColor.fromRgba(rgba)
            red, green, blue, opacity = colour.red(), colour.green(), colour.blue(), colour.alpha()
            table = [qRgba(red, green, blue, opacity * i // 255) for i in range(256)]
            self._tables[rgba] = table
        return table


def _ours(scale: float | None, font: QFont) -> bool:
    """Whether text in ``font`` drawn at ``scale`` (None: turned or mirrored) is drawn from the atlas's images."""
    return scale is not None and font.pixelSize() * scale >= QT_CACHED_BELOW


def _blit(painter: QPainter, blits: Iterable[_Blit], left: float, top: float) -> None:
    """Each glyph image of ``blits`` at whole device pixels from (``left``, ``top``), with no world transform."""
    draw = painter.drawImage  # at (x, y), not at a QPoint: a third less of the call's cost
    for image, x, y in blits:
        draw(round(left + x), round(top + y), image)


def laid_runs(runs: Iterable[QGlyphRun]) -> tuple[_Run, ...]:
    """Glyph runs as plain values: each run's font, its key and its glyphs' indexes and positions."""
    laid: list[_Run] = []
    for run in runs:
        raw = run.rawFont()
        key = (raw.familyName(), raw.styleName(), raw.weight(), int(raw.style().value), raw.pixelSize())
        glyphs = tuple((index, at.x(), at.y()) for index, at in zip(run.glyphIndexes(), run.positions(), strict=True))
        laid.append((raw, key, glyphs))
    return tuple(laid)
