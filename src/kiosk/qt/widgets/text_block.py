"""Plain text fitted into a box: wrapped, then shrunk within limits, then elided — never outside the box.

Content text is never interpreted as HTML: it is laid out with ``QTextLayout``, which knows no markup. The layout
is worked out once when the text or box changes; painting only draws the prepared lines, from a device cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.line_breaks import OPENING, LineBreaker, compressible, han_count, has_han, strip_joiners
from kiosk.qt.foundations.item import Item, give_way
from kiosk.qt.foundations.text_style import HEADING_LINES, TextStyle
from kiosk.qt.foundations.typography import Typography

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}
_SHRINK_STEP = 0.94
ELLIPSIS = "…"


@dataclass(frozen=True)
class Fitted:
    """The outcome of fitting: the size used, the lines, whether text had to be cut."""

    px: float
    layout: QTextLayout
    height: float
    lines: int
    elided: bool


def _layout(
    text: str,
    typography: Typography,
    style: TextStyle,
    px: float,
    width: float,
    max_lines: int,
    anywhere: bool = False,
    line_width: float | None = None,
    narrower: dict[int, float] | None = None,
) -> tuple[QTextLayout, float, int, bool]:
    """Lay ``text`` out at ``px`` in ``width``: (layout, height, lines used, whether text was left over).

    Lines are ``line_height × px`` apart; the height counts the last line's full glyph box (ascent + descent).
    Words are not broken unless ``anywhere``: a word wider than the box counts as left over, so the text shrinks.
    ``line_width`` (at most ``width``) breaks the lines narrower, placed as the alignment says within ``width``;
    ``narrower`` gives single lines (by index) a narrower width still.
    Two full-width marks in a row are set closer (``halt``); a left-aligned line that starts with an opening mark
    hangs it by its blank half, so the text edge stays straight.

    Fitting a long text tries it at size after size: built in idle time, each try may be where the slice ends.
    """
    give_way()
    font = typography.font(px, style.bold, style.language)
    layout = QTextLayout(text, font)
    option = QTextOption(_ALIGN.get(style.align, Qt.AlignmentFlag.AlignLeft))
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if anywhere else QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    marks = compressible(text)
    if marks:
        half = QTextCharFormat()
        half.setFont(typography.half_width_marks(px, style.bold, style.language))
        ranges = []
        for index in marks:
            part = QTextLayout.FormatRange()
            part.start, part.length, part.format = index, 1, half
            ranges.append(part)
        layout.setFormats(ranges)
    broken_at = min(width, line_width) if line_width is not None else width
    indent = {"center": (width - broken_at) / 2, "right": width - broken_at}.get(style.align, 0.0)
    too_wide = False
    spacing = px * style.line_height
    layout.beginLayout()
    lines = 0
    while lines < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(min(broken_at, (narrower or {}).get(lines, broken_at)))
        # a full-width opening mark hangs by its blank half (Latin quotes, set proportional in English, have none)
        opening = text[line.textStart() : line.textStart() + 1] in OPENING and style.language != "en"
        hang = -0.5 * px if style.align == "left" and opening else 0
        line.setPosition(QPointF(indent + hang, lines * spacing))
        too_wide = too_wide or line.naturalTextWidth() > broken_at + 0.5
        lines += 1
    layout.endLayout()
    used = layout.lineAt(lines - 1).textStart() + layout.lineAt(lines - 1).textLength() if lines else 0
    height = (lines - 1) * spacing + QFontMetricsF(font).height() if lines else 0.0
    return layout, height, lines, used < len(text) or too_wide


def _max_lines(style: TextStyle, px: float, height: float, typography: Typography) -> int:
    """How many lines of ``px`` text fit in ``height`` (at least one)."""
    glyph_box = QFontMetricsF(typography.font(px, style.bold, style.language)).height()
    # a box exactly as tall as its lines holds them (the division may land a hair under a whole number)
    fitting = int((height - glyph_box + 0.01) // (px * style.line_height)) + 1 if height >= glyph_box else 1
    return max(1, min(style.max_lines, fitting))


def widest_word(text: str, typography: Typography, style: TextStyle) -> float:
    """How wide the widest piece of ``text`` that a line cannot break inside (a word, a name, a quoted term) is
    at ``style``'s smallest size: a box narrower than that cuts the text, whatever its height."""
    metrics = QFontMetricsF(typography.font(style.min_px, style.bold, style.language))
    units = typography.breaker.units(text) if has_han(text) else text.split()
    return max((metrics.horizontalAdvance(unit.strip()) for unit in units), default=0.0)


def line_texts(layout: QTextLayout) -> list[str]:
    """The text of each line as shown (without the invisible word joiners)."""
    text = layout.text()
    return [
        strip_joiners(text[line.textStart() : line.textStart() + line.textLength()]).strip()
        for line in (layout.lineAt(i) for i in range(layout.lineCount()))
    ]


def shortest_last_line(style: TextStyle) -> int:
    """Han characters a Chinese last line needs at least: three in body text, two in headings and labels."""
    return 2 if style.is_heading else 3


def _short_last_line(layout: QTextLayout, style: TextStyle) -> bool:
    texts = line_texts(layout)
    return len(texts) > 1 and has_han(texts[-1]) and han_count(texts[-1]) < shortest_last_line(style)


FITS_KEPT = 4096  # fitted texts kept for reuse (a few MB): a screen built again sets the same texts in the same boxes


def fit_text(text: str, typography: Typography, style: TextStyle, width: float, height: float) -> Fitted:
    """Wrap between words; if it does not fit, shrink step by step down to ``min_px``; if it still does not fit,
    elide. Then typeset: headings and labels (up to three lines) are balanced, and a Chinese last line is never a
    lone character or two.

    The same text in the same style and box is fitted once and the outcome reused (a probe before a box is chosen,
    the screen built again for another visitor, in large text on a taller canvas): a fitted layout is only read and
    drawn, never changed."""
    return _fit_kept(text, typography, typography.breaker, style, round(width, 2), round(height, 2))


@lru_cache(maxsize=FITS_KEPT)
def _fit_kept(
    text: str, typography: Typography, breaker: LineBreaker, style: TextStyle, width: float, height: float
) -> Fitted:
    """:func:`fit_text`, for one line breaker (new content brings a new one, and with it new fits)."""
    text = breaker.glue(text.replace("\r\n", "\n").replace("\n", "\u2028"))  # QTextLayout's separator
    px = style.px
    while True:
        max_lines = _max_lines(style, px, height, typography)
        layout, used_h, lines, left_over = _layout(text, typography, style, px, width, max_lines)
        if not left_over and used_h <= height + 0.5:
            return _typeset(text, typography, style, px, width, height, Fitted(px, layout, used_h, lines, False))
        smaller = style.smaller(px, _SHRINK_STEP)
        if smaller < style.min_px:
            break
        px = smaller
    px = max(style.min_px, px)
    return _elided(text, typography, style, px, width, height)


def _typeset(
    text: str, typography: Typography, style: TextStyle, px: float, width: float, height: float, fitted: Fitted
) -> Fitted:
    """Narrower line widths for the same text at the same size: balanced headings, no short Chinese last line."""
    if fitted.lines < 2:
        return fitted
    max_lines = _max_lines(style, px, height, typography)

    def attempt(line_width: float) -> Fitted | None:
        layout, used_h, lines, left_over = _layout(text, typography, style, px, width, max_lines, line_width=line_width)
        if left_over or used_h > height + 0.5:
            return None
        return Fitted(px, layout, used_h, lines, False)

    best = fitted
    if fitted.lines <= HEADING_LINES and style.is_heading:
        low, high = width * 0.5, width  # the narrowest width that keeps the number of lines: even lines
        for _ in range(12):
            middle = (low + high) / 2
            tried = attempt(middle)
            if tried is not None and tried.lines == fitted.lines:
                high = middle
            else:
                low = middle
        balanced = attempt(high + 0.5)
        if balanced is not None and balanced.lines == fitted.lines:
            best = balanced
    if _short_last_line(best.layout, style):
        # A word more on the last line: the line before it ends a word earlier, or all lines break a little narrower.
        before = best.layout.lineAt(best.lines - 2)
        layout, used_h, lines, left_over = _layout(
            text,
            typography,
            style,
            px,
            width,
            max_lines,
            line_width=best.layout.lineAt(0).width(),
            narrower={best.lines - 2: before.naturalTextWidth() - 1.0},
        )
        if not left_over and used_h <= height + 0.5 and not _short_last_line(layout, style):
            return Fitted(px, layout, used_h, lines, False)
        for step in range(1, 9):
            tried = attempt(width * (1.0 - 0.03 * step))
            if tried is not None and not _short_last_line(tried.layout, style):
                return tried
    return best


def _elided(text: str, typography: Typography, style: TextStyle, px: float, width: float, height: float) -> Fitted:
    max_lines = _max_lines(style, px, height, typography)
    layout, _h, lines, _left = _layout(text, typography, style, px, width, max_lines, anywhere=True)
    last = layout.lineAt(lines - 1)
    head = text[: last.textStart()]
    metrics = QFontMetricsF(typography.font(px, style.bold, style.language))
    tail = text[last.textStart() :].replace("\u2028", " ")
    shortened = metrics.elidedText(tail, Qt.TextElideMode.ElideRight, width * 0.98)
    if not shortened.endswith(ELLIPSIS):
        shortened = shortened.rstrip() + ELLIPSIS
    layout, used_h, lines, _left = _layout(head + shortened, typography, style, px, width, max_lines, anywhere=True)
    return Fitted(px, layout, used_h, lines, elided=True)


class TextBlock(Item):
    """A box of plain text. ``origin`` names where the text came from (``id.field``), for layout reports."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        typography: Typography,
        width: float,
        height: float,
        parent: QGraphicsItem | None = None,
        origin: str = "",
        preview: bool = False,
    ):
        super().__init__(parent)
        self._text = text
        self._style = style
        self._typography = typography
        self._width = float(width)
        self._height = float(height)
        self.origin = origin
        self.preview = preview  # a shortened preview by design (the full text is one tap away)
        self._colour = QColor(style.colour)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._fitted = fit_text(text, typography, style, self._width, self._height)

    @property
    def text(self) -> str:
        return self._text

    @property
    def style(self) -> TextStyle:
        return self._style

    @property
    def fitted(self) -> Fitted:
        return self._fitted

    @property
    def elided(self) -> bool:
        return self._fitted.elided

    def text_height(self) -> float:
        """Height the text actually uses (at most the box height)."""
        return min(self._height, self._fitted.height)

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._refit()

    def set_box(self, width: float, height: float) -> None:
        if (width, height) != (self._width, self._height):
            self.prepareGeometryChange()
            self._width, self._height = float(width), float(height)
            self._refit()

    def _refit(self) -> None:
        self._fitted = fit_text(self._text, self._typography, self._style, self._width, self._height)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        spare = max(0.0, self._height - self._fitted.height)
        offset = {"top": 0.0, "center": spare / 2, "bottom": spare}.get(self._style.valign, 0.0)
        self._typography.glyphs.draw_layout(painter, self._fitted.layout, QPointF(0, offset), self._colour)
