"""A key number on a panel: the counting figure, what it counts, and an optional note."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.model import KeyNumber
from kiosk.qt.foundations.look import RADIUS, Look
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock, fit_text


class NumberTile(Panel):
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
    ):
        super().__init__(width, height, look.surface, RADIUS, parent, accent=accent, band=6.0, band_edge="left")
        self.name = f"number-{number.id}"
        lang = look.language
        pad = 26.0
        inner = width - 2 * pad
        number_h = min(84.0, height * 0.3)
        self.counter = CountingNumber(
            number, lang, typography, inner, number_h, look.theme.number, 72.0, self, px=px, steps=look.type_scale
        )
        self.counter.setPos(pad, pad * 0.6)
        y = pad * 0.6 + number_h + 4
        bottom = height - pad * 0.7
        note_room = 0.0  # the label first; the note only where room is left (see below)
        self.label = TextBlock(
            number.label.get(lang),
            look.style("label", look.theme.text),
            typography,
            inner,
            bottom - y - note_room,
            self,
            origin=f"{number.id}.label",
        )
        self.label.setPos(pad, y)
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
            self.note.setPos(pad, note_y)
