"""A key number on a panel: the counting figure, what it counts, and an optional note."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import KeyNumber
from kiosk.qt.foundations.look import RADIUS, Look
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.counting_number import CountingNumber, Words
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock, fit_text


class NumberTile(Panel):
    """A key number on a panel: the figure with what it counts (and its note) under it, or beside it on a tile at
    least :attr:`WIDE` wide; the figure in a box ``figure_h`` tall at most, its own words set as ``words`` says."""

    WIDE = 600.0

    def __init__(
        self,
        number: KeyNumber,
        look: Look,
        typography: Typography,
        width: float,
        height: float,
        accent: str,
        parent: QGraphicsItem | None = None,
        *,
        px: float | None = None,
        words: Words = "beside",
        figure_h: float = 84.0,
    ):
        super().__init__(width, height, look.surface, RADIUS, parent, accent=accent, band=6.0, band_edge="left")
        self.name = f"number-{number.id}"
        lang = look.language
        pad = 26.0
        inner = width - 2 * pad
        wide = width >= self.WIDE  # a tile over two columns: what it counts beside the figure, not under it
        number_h = min(figure_h, height * 0.3) if not wide else min(figure_h, height - 2 * pad)
        figure_w = inner * 0.45 if wide else inner
        self.counter = CountingNumber(
            number, lang, typography, figure_w, number_h, look.theme.number, 72.0, self, px=px, steps=look.type_scale,
            words=words,
        )  # fmt: skip
        if wide:
            self.counter.setPos(pad, (height - number_h) / 2)
            x = pad + self.counter.text_rect().right() + 32
            y, bottom, inner = (
                pad * 0.7,
                height - pad * 0.7,
                width - pad - (pad + self.counter.text_rect().right() + 32),
            )
        else:
            self.counter.setPos(pad, pad * 0.6)
            x, y, bottom = pad, pad * 0.6 + number_h + 4, height - pad * 0.7
        self.label = TextBlock(
            number.label.get(lang),
            look.style("label", look.theme.text),
            typography,
            inner,
            bottom - y,
            self,
            origin=f"{number.id}.label",
        )
        self.label.setPos(x, y)
        self.note: TextBlock | None = None
        note_style = look.style("label", accent)
        note_fits = (
            number.note is not None
            and not fit_text(
                number.note.get(lang), typography, note_style, inner, bottom - (y + self.label.text_height() + 6)
            ).elided
        )
        if number.note is not None and note_fits:  # a note that does not fit is left out, never cut
            note_y = y + self.label.text_height() + 6
            self.note = TextBlock(
                number.note.get(lang),
                note_style,
                typography,
                inner,
                bottom - note_y,
                self,
                origin=f"{number.id}.note",
            )
            self.note.setPos(x, note_y)
        if wide:  # the words centred on the figure, as one block
            blocks = [b for b in (self.label, self.note) if b is not None]
            used = sum(b.text_height() for b in blocks) + 6 * (len(blocks) - 1)
            shift = (bottom - y - used) / 2
            for block in blocks:
                block.set_box(inner, block.text_height() + 1)
                block.setY(block.y() + shift)
