"""A key number that counts up (or a rank that counts down) to its value, in tabular digits.

The figure is set as a typographer sets a hero number: the digits large, the words around them (第…位, No., million,
万人) one size down the scale, on one baseline. Only this small item repaints while it counts: the text is worked out
by :mod:`kiosk.exhibit.motion` and drawn with fonts made once. It is laid out from its *final* text — its size and
place are those of the figure it ends on — so it stays where it is designed to be while it counts.

A row of numbers shares one size: :func:`row_px` is the largest size at which every number of the row fits its box.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.model import KeyNumber
from kiosk.content.number_format import format_number
from kiosk.content.text import Language
from kiosk.exhibit.motion import CountUp, count_up_for, count_up_text, linear
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.painting.glyph_atlas import Placed

# The figure proper: an optional sign, digits with their separators, and a "+N" (1+N); the rest are its words.
_FIGURE = re.compile(r"[+−-]?\d[\d.,]*(?:\+[A-Z])?")
AFFIX_RATIO = 0.4  # the words beside a figure, as a share of its size (then set on the scale's nearest step)
ADVANCES_KEPT = 256  # how many pieces' widths one number keeps (its characters, its words)


def stackable(text: str) -> bool:
    """Whether ``text``'s closing words can stand on a line of their own under the figure: a word of at least
    two letters (million, 万人), not a sign or a single character (%, 位, 证) that belongs beside it."""
    pieces = runs(text)
    return bool(pieces) and not pieces[-1][1] and len(pieces[-1][0].strip()) >= 2


def runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_figure) runs: ``第8位`` → 第 / 8 / 位."""
    found: list[tuple[str, bool]] = []
    at = 0
    for match in _FIGURE.finditer(text):
        if match.start() > at:
            found.append((text[at : match.start()], False))
        found.append((match.group(), True))
        at = match.end()
    if at < len(text):
        found.append((text[at:], False))
    return found


class _Fonts:
    """The figure's font and its words' font at one size, and how wide a text set in them is."""

    def __init__(self, typography: Typography, language: Language, px: float, affix_px: float):
        self.figure: QFont = typography.font(px, True, language)
        self.affix: QFont = typography.font(affix_px, True, language)
        self.figure_metrics = QFontMetricsF(self.figure)
        self.affix_metrics = QFontMetricsF(self.affix)
        self._advances: dict[tuple[str, bool], float] = {}

    def advance(self, piece: str, figure: bool) -> float:
        found = self._advances.get((piece, figure))
        if found is None:
            found = (self.figure_metrics if figure else self.affix_metrics).horizontalAdvance(piece)
            if len(self._advances) < ADVANCES_KEPT:
                self._advances[(piece, figure)] = found
        return found

    def by_character(self, figures: Iterable[str]) -> bool:
        """Whether ``figures`` set a character at a time land where Qt sets them whole: each one's every beginning
        is as wide as its characters (no pair of them kerned). Tabular digits are; a count-up then draws its
        figure from characters laid out once instead of laying out a new text every frame."""
        for piece in figures:
            width = 0.0
            for end, character in enumerate(piece, 1):
                width += self.advance(character, True)
                if abs(self.figure_metrics.horizontalAdvance(piece[:end]) - width) > 1e-3:
                    return False
        return True

    def width(self, text: str, stacked: bool = False) -> float:
        """How wide ``text`` is set on one line, or (``stacked``) with its closing words on a line below."""
        pieces = runs(text)
        if stacked and stackable(text):
            return max(sum(self.advance(p, f) for p, f in pieces[:-1]), self.advance(pieces[-1][0].strip(), False))
        return sum(self.advance(p, f) for p, f in pieces)

    @property
    def words_line(self) -> float:
        """How far below the figure's baseline the line of words under a stacked figure stands: the words' cap
        height and a gap of 0.4 of their size."""
        return self.affix_metrics.capHeight() + 0.4 * self.affix.pixelSize()


# How a figure's closing words are set: beside it at the size the scale gives them ("beside"), beside it one step
# smaller ("smaller"), or one step smaller on a line of their own under it where they do not fit beside
# ("stacked"; every number of the row then keeps that line, so the row keeps one baseline).
Words = Literal["beside", "smaller", "stacked"]
WORDS_MODES: tuple[Words, ...] = ("beside", "smaller", "stacked")


def _affix_px(px: float, steps: Sequence[float], words: Words = "beside") -> float:
    """The size of a figure's words: about 0.4 of a hero's digits (0.56 of a smaller figure's), on the scale; one
    step smaller in the "smaller" and "stacked" modes."""
    wanted = px * AFFIX_RATIO if px > 100 else px * 0.56
    smaller = words != "beside"
    if not steps:
        return wanted * (0.75 if smaller else 1.0)
    nearest = min(range(len(steps)), key=lambda i: abs(steps[i] - wanted))
    return steps[max(0, nearest - 1)] if smaller else steps[nearest]


def _fits(fonts: _Fonts, final: str, width: float, height: float, words: Words) -> bool:
    """Whether ``final`` set in ``fonts`` fits ``width`` × ``height``: a figure on one line takes at most 0.82 of
    the height (room above and below); a row that keeps a line of words under its figures may fill 0.97 of it
    (that line is the room below)."""
    if words == "stacked":
        wide = fonts.width(final) > width and fonts.width(final, stacked=True) > width
        return not wide and fonts.figure_metrics.capHeight() + fonts.words_line <= height * 0.97
    return fonts.width(final) <= width and fonts.figure_metrics.capHeight() <= height * 0.82


def figure_room(typography: Typography, language: Language, px: float) -> float:
    """The least box height in which a figure of ``px`` with its words beside it fits (see :func:`_fits`)."""
    return QFontMetricsF(typography.font(px, True, language)).capHeight() / 0.82 + 0.5


def fitting_px(
    number: KeyNumber,
    language: Language,
    typography: Typography,
    width: float,
    height: float,
    max_px: float,
    steps: Sequence[float] = (),
    words: Words = "beside",
) -> float:
    """The largest size (at most ``max_px``) at which ``number``'s final text fits ``width`` × ``height`` with its
    words set as ``words`` says."""
    final = format_number(number, language)
    px = max_px
    while px > 12:
        if _fits(_Fonts(typography, language, px, _affix_px(px, steps, words)), final, width, height, words):
            return px
        px *= 0.96
    return px


def row_px(
    numbers: Sequence[KeyNumber],
    language: Language,
    typography: Typography,
    width: float,
    height: float,
    max_px: float,
    steps: Sequence[float] = (),
    words: Words = "beside",
) -> float:
    """One size for a row of numbers, each in a box of ``width`` × ``height``: the largest at which all fit (for
    a figure within the scale, the largest step of the scale at which they do)."""
    px = min(
        (fitting_px(n, language, typography, width, height, max_px, steps, words) for n in numbers),
        default=max_px,
    )
    if steps and px <= steps[-1] + 0.5:
        px = max((step for step in steps if step <= px + 0.5), default=px)
    return px


def hero_row(
    numbers: Sequence[KeyNumber],
    language: Language,
    typography: Typography,
    width: float,
    height: float,
    sizes: tuple[float, float],
    steps: Sequence[float] = (),
) -> tuple[float, Words]:
    """One size for a row of hero numbers (``sizes``: the least and the preferred) and how the row sets its words:
    the first of beside, one step smaller, or stacked under the figure (1.65 | million) that lets the whole row
    reach the least hero size; where none does, the one that gives the largest size."""
    least, preferred = sizes
    tried: list[tuple[float, Words]] = []
    for words in WORDS_MODES:
        # Stacked words take room from the box: the figures stay at the least hero size, so the tile breathes.
        largest = least if words == "stacked" else preferred
        px = row_px(numbers, language, typography, width, height, largest, steps, words)
        if px >= least - 0.5:
            return px, words
        tried.append((px, words))
    return max(tried, key=lambda t: t[0])


class CountingNumber(Item):
    """Shows ``number`` in ``language``; :meth:`start` replays its count-up on ``ticker``.

    ``max_px`` is the largest size the figure may take (it shrinks to fit its box); ``px`` fixes the size (a row's
    shared size from :func:`row_px`). ``steps`` are the text sizes of the scale its words are set on.
    """

    def __init__(
        self,
        number: KeyNumber,
        language: Language,
        typography: Typography,
        width: float,
        height: float,
        colour: QColor | str,
        max_px: float,
        parent: QGraphicsItem | None = None,
        *,
        align: str = "left",
        px: float | None = None,
        steps: Sequence[float] = (),
        hero: bool = False,
        words: Words = "beside",
    ):
        super().__init__(parent)
        self.hero = hero  # set as a hero number (the proof checks its size)
        self.number = number
        self._language = language
        self._typography = typography
        self._width, self._height = float(width), float(height)
        self._colour = QColor(colour)
        self._final = format_number(number, language)
        self._count_up: CountUp = count_up_for(number)
        if px is None:
            px = fitting_px(number, language, typography, width, height, max_px, steps, words)
        self.px = px
        self.affix_px = _affix_px(px, steps, words)
        self._fonts = _Fonts(typography, language, px, self.affix_px)
        metrics = self._fonts.figure_metrics
        # Closing words that do not fit beside the figure go on a line under it, when the row keeps one.
        self._words = words
        self._stacked = words == "stacked" and stackable(self._final) and self._fonts.width(self._final) > width
        self._text_width = self._fonts.width(self._final, self._stacked)
        below = self._fonts.words_line if words == "stacked" else 0.0
        self._baseline = (height + metrics.capHeight() - below) / 2  # the digits (and their words) centred
        self._x = {"left": 0.0, "center": (width - self._text_width) / 2, "right": width - self._text_width}[align]
        # What it shows while counting may be wider than where it ends (第50位 → 第8位): the item covers it all.
        start = count_up_text(number, language, 0.0, self._count_up)
        self._paint_width = max(self._width, self._x + self._fonts.width(start, self._stacked))
        self._by_character = self._fonts.by_character(p for t in (start, self._final) for p, f in runs(t) if f)
        self._text = self._final
        self._pieces = runs(self._final)

    @property
    def text(self) -> str:
        return self._text

    @property
    def final_text(self) -> str:
        return self._final

    @property
    def sizes(self) -> tuple[float, ...]:
        """The text sizes it sets: its digits' and, when it has words, theirs."""
        return (self.px, self.affix_px) if any(not figure for _, figure in runs(self._final)) else (self.px,)

    @property
    def baseline(self) -> float:
        """The figure's baseline in scene coordinates (numbers of a row share it)."""
        return self.mapToScene(QPointF(0, self._baseline)).y()

    @property
    def box_height(self) -> float:
        """The least height of a box that holds the figure as it is set (see :func:`fitting_px`)."""
        cap = self._fonts.figure_metrics.capHeight()
        return (cap + self._fonts.words_line) / 0.97 if self._words == "stacked" else cap / 0.82

    def text_rect(self) -> QRectF:
        """Where the final figure is drawn, in this item's coordinates."""
        cap = self._fonts.figure_metrics.capHeight()
        below = self._fonts.words_line if self._stacked else 0.0
        return QRectF(self._x, self._baseline - cap, self._text_width, cap + below)

    def start(self, ticker: Ticker, owner: object, *, delay_s: float = 0.0, reduced_motion: bool = False) -> None:
        self._count_up = count_up_for(self.number, reduced_motion=reduced_motion)
        self._show(0.0)
        if self._count_up.duration_s > 0:
            ticker.tween(owner, self._count_up.duration_s, self._show, delay_s=delay_s, easing=linear)

    @property
    def duration_s(self) -> float:
        """How long its count-up takes."""
        return self._count_up.duration_s

    def show_at(self, seconds: float) -> None:
        """The text ``seconds`` into the count-up, for a timeline driven by hand (the attract loop's)."""
        duration = self._count_up.duration_s
        self._show(1.0 if duration <= 0 else min(1.0, max(0.0, seconds / duration)))

    def _show(self, progress: float) -> None:
        text = count_up_text(self.number, self._language, progress * self._count_up.duration_s, self._count_up)
        if text != self._text:
            self._text = text
            self._pieces = runs(text)
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._paint_width, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        fonts, baseline = self._fonts, self._baseline
        x = self._x
        placed: list[Placed] = []
        pieces = self._pieces
        glyphs = self._typography.glyphs
        by_character = self._by_character and glyphs.draws(painter, fonts.figure)  # Qt's own lays out its text
        for index, (piece, figure) in enumerate(pieces):
            if self._stacked and index == len(pieces) - 1 and not figure:  # the closing words, under the figure
                placed.append((QPointF(self._x, baseline + fonts.words_line), piece.strip(), fonts.affix))
                break
            if figure and by_character:
                for character in piece:
                    placed.append((QPointF(x, baseline), character, fonts.figure))
                    x += fonts.advance(character, True)
                continue
            placed.append((QPointF(x, baseline), piece, fonts.figure if figure else fonts.affix))
            x += fonts.advance(piece, figure)
        glyphs.draw_texts(painter, placed, self._colour)
