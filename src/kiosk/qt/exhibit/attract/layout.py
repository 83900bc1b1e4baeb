"""Where an attract scene puts things: a full-bleed colour field that holds the drawn figure, a text column beside
it (below it in portrait), and the prompt along the bottom. Fields take turns left and right, so no edge stands
in one place for long.

Also what every scene is made of (:class:`Scene`) and its bilingual labels: the current language large, the
other one beneath it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.text import Language, Text
from kiosk.exhibit.attract import Moment
from kiosk.exhibit.navigation import Screen
from kiosk.qt.exhibit.attract.wipe import WipeRoot
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import Look, mix
from kiosk.qt.widgets.counting_number import CountingNumber

PROMPT_H = 124.0
PROMPT_GAP = 44.0  # from the bottom edge
FIELD_SHARE = 0.6  # of the width in landscape, of the height in portrait


@dataclass(frozen=True)
class Frame:
    """The boxes of one scene, in logical pixels."""

    field: QRectF  # the colour field, edge to edge
    figure: QRectF  # the drawn figure inside the field
    column: QRectF  # the text column


def frame(look: Look, side: int) -> Frame:
    """The boxes for ``look``; ``side`` 0 puts the field left (top in portrait), 1 right (bottom in portrait)."""
    w, h = look.width, look.height
    bottom = h - PROMPT_GAP - PROMPT_H - 36  # nothing but the field runs under the prompt
    inset = 64.0
    if look.portrait:
        fh = round(h * 0.56)
        if side == 0:
            return Frame(
                QRectF(0, 0, w, fh),
                QRectF(inset, 80, w - 2 * inset, fh - 80 - inset),
                QRectF(64, fh + 64, w - 128, bottom - fh - 64),
            )
        top = h - fh - PROMPT_GAP - PROMPT_H / 2
        return Frame(
            QRectF(0, top, w, h - top),
            QRectF(inset, top + inset, w - 2 * inset, bottom - top - inset),
            QRectF(64, 88, w - 128, top - 88 - 56),
        )
    fw = round(w * FIELD_SHARE)
    fx = 0.0 if side == 0 else w - fw
    column_x = fw + 80 if side == 0 else 80.0
    return Frame(
        QRectF(fx, 0, fw, h),
        QRectF(fx + inset, 72, fw - 2 * inset, bottom - 72),
        QRectF(column_x, 96, w - fw - 160, bottom - 96),
    )


def field_colours(look: Look, accent: str) -> tuple[QColor, QColor]:
    """The field's fill (top-left glow, then the body): the accent deep in the navy."""
    return mix(look.theme.ground, accent, 0.46), mix(look.theme.ground, accent, 0.3)


WASH_STEPS = 32  # the field's wash as this many flat bands: a step of colour under one level, never seen


class Field(Item):
    """A rectangle of colour: the ground under a scene, or its colour field, washing from a lighter ``glow`` at the
    top left into ``body`` three quarters of the way across. Not cached: it is filled only where the screen is drawn
    again (a wipe's strip, a mark that changes). The wash is drawn as flat bands across the diagonal, filled as
    fast as a flat colour (a gradient filled afresh costs several times as much; a cache of it, a screen of memory)."""

    def __init__(
        self, box: QRectF, body: QColor, glow: QColor | None, parent: QGraphicsItem, part: QRectF | None = None
    ):
        """``part`` (in ``box``'s own coordinates, all of it when None): the slice of the field this item draws."""
        super().__init__(parent)
        self._rect = QRectF(0, 0, box.width(), box.height())
        self._part = QRectF(self._rect) if part is None else part.intersected(self._rect)
        self._body = QColor(body)
        self._glow = None if glow is None else QColor(glow)
        w, h = self._rect.width(), self._rect.height()
        self._turn = math.atan2(h, w)  # the wash runs along the diagonal
        self._step = 0.75 * math.hypot(w, h) / WASH_STEPS
        # its bands' colours, made once (mixed afresh, they were half of what a frame of the loop cost)
        self._bands = [] if glow is None else [mix(glow, body, (k + 0.5) / WASH_STEPS) for k in range(WASH_STEPS)]
        self.setPos(box.topLeft())
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # it fills only what is exposed

    def boundingRect(self) -> QRectF:
        return QRectF(self._part)

    def band_range(self, rect: QRectF) -> range:
        """The wash's bands that reach into ``rect`` (the last, ``WASH_STEPS``, is the body beyond them)."""
        cos, sin = math.cos(self._turn), math.sin(self._turn)
        along = [x * cos + y * sin for x in (rect.left(), rect.right()) for y in (rect.top(), rect.bottom())]
        first = max(0, min(WASH_STEPS, math.floor((min(along) - 2) / self._step)))
        last = max(0, min(WASH_STEPS, math.floor(max(along) / self._step)))
        return range(first, last + 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = self._part.intersected(option.exposedRect) if option.exposedRect.isValid() else self._part
        if exposed.isEmpty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # whole pixels, edge to edge
        if self._glow is None:
            painter.fillRect(exposed, self._body)
            painter.restore()
            return
        length = math.hypot(self._rect.width(), self._rect.height())
        painter.setClipRect(exposed, Qt.ClipOperation.IntersectClip)
        painter.rotate(math.degrees(self._turn))  # x now runs along the diagonal
        step = self._step
        for k in self.band_range(exposed):  # only the bands the exposed part reaches, in the same order as all of them
            if k == WASH_STEPS:
                painter.fillRect(QRectF(WASH_STEPS * step, -length, length, 2 * length), self._body)
                continue
            start = k * step - (length if k == 0 else 0)
            # each band runs 2 px into the next (drawn over it): no seam between bands drawn without smoothing
            painter.fillRect(QRectF(start, -length, (k + 1) * step + 2 - start, 2 * length), self._bands[k])
        painter.restore()


FIELD_STRIPS = 8  # a field is made and taken away a strip at a time: an eighth of it drawn again in a frame


def field_strips(box: QRectF, body: QColor, glow: QColor | None, parent: QGraphicsItem) -> Iterator[None]:
    """A field over ``box`` as ``FIELD_STRIPS`` items, one a step (each step draws one strip's worth again)."""
    edges = [round(box.height() * k / FIELD_STRIPS) for k in range(FIELD_STRIPS + 1)]  # whole pixels: no seams
    for top, bottom in zip(edges, edges[1:]):
        Field(box, body, glow, parent, QRectF(0, top, box.width(), bottom - top))
        yield


def field_panel(look: Look, box: QRectF, accent: str, parent: QGraphicsItem) -> Iterator[None]:
    """The scene's colour field: the accent deep in the navy, washing lighter from the top left."""
    glow, body = field_colours(look, accent)
    yield from field_strips(box, body, glow, parent)


def wipe_edge(look: Look, side: int) -> str:
    """The edge a scene wipes in from: the side its field is on."""
    if look.portrait:
        return "top" if side == 0 else "bottom"
    return "left" if side == 0 else "right"


def other_language(ctx: PageContext) -> Language | None:
    """The exhibit's second language beside the current one (None when it offers one)."""
    return next((lang for lang in ctx.content.exhibit.languages if lang != ctx.language), None)


@dataclass
class Scene:
    """One scene of the attract loop: its items, the figure that is its hero, and what a touch on it opens."""

    root: WipeRoot
    hero: QGraphicsItem
    whole: Screen  # what a touch anywhere on the scene opens, unless it is on one of ``targets``
    demo_at: QPointF  # where the touch demonstration taps (scene coordinates of the page)
    targets: list[tuple[QGraphicsItem, Screen]] = field(default_factory=list)
    steps: list[Callable[[Moment], None]] = field(default_factory=list)
    counters: list[CountingNumber] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)

    def set_moment(self, moment: Moment, counted_s: float) -> None:
        """Show the scene at ``moment``; numbers at ``counted_s`` seconds into their count-up."""
        for step in self.steps:
            step(moment)
        for counter in self.counters:
            counter.show_at(counted_s)

    def target_at(self, point: QPointF) -> Screen:
        for item, screen in self.targets:
            if item.isVisible() and item.sceneBoundingRect().contains(point):
                return screen
        return self.whole


def lines_height(px: float, lines: int, spacing: float = 1.38) -> float:
    """The height ``lines`` lines of text at ``px`` take (the last one with its whole glyph box)."""
    return px * (spacing * (lines - 1) + 1.5)


def bilingual(
    ctx: PageContext,
    scene: Scene,
    text: Text,
    box: QRectF,
    parent: QGraphicsItem,
    *,
    origin: str,
    role: str = "display",
    px: float = 64.0,
    second_px: float = 36.0,
    colour: str | None = None,
    align: str = "left",
    max_lines: int = 3,
    second_lines: int = 2,
) -> float:
    """``text`` in the current language at ``px``, then in the other one at ``second_px`` (muted); returns the y
    below them. The second gets room for ``second_lines`` lines (the first what is left of ``box``); it is left out
    when the other language has no text of its own."""
    other = other_language(ctx)
    second_text = text.get(other) if other is not None else None
    if second_text == text.get(ctx.language):
        second_text = None
    reserve = 0.0 if second_text is None else lines_height(second_px, second_lines) + px * 0.22
    first = ctx.text(
        text.get(ctx.language), role, box.width(), max(px * 1.3, box.height() - reserve), parent, box.x(), box.y(),
        origin=origin, colour=colour, px=px, min_px=min(px, 28.0), max_lines=max_lines, align=align,
    )  # fmt: skip
    scene.languages.add(ctx.language)
    y = box.y() + first.text_height() + px * 0.22
    if other is not None and second_text is not None:
        second = ctx.text(
            second_text, "subheading", box.width(), lines_height(second_px, second_lines), parent, box.x(), y,
            origin=origin, px=second_px, min_px=min(second_px, 28.0), max_lines=second_lines, align=align,
            language=other,
        )  # fmt: skip
        scene.languages.add(other)
        y += second.text_height()
    return y
